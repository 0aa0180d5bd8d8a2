import { assert, describe, it } from "@effect/vitest"
import { encodeBatches, packPayloads, unpackPayload } from "./RunEvents.ts"

describe("run event payloads", () => {
  it("packs batches into as few NOTIFY payloads as fit under PostgreSQL's limit, in order, byte-counted", () => {
    const head = (i: number) => ({ executionId: `run-${i}`, graphId: "g", userId: "u" })
    // Multi-byte text: a payload's size in bytes is what PostgreSQL limits, not its length in characters.
    const payloads = Array.from({ length: 60 }, (_, i) =>
      encodeBatches(head(i), [{ _tag: "output", id: `n${i}`, node: "x", pin: "out", seq: 0, value: "é€".repeat(200) }])
    ).flat()
    const packed = packPayloads(payloads)
    assert.isBelow(packed.length, payloads.length)
    for (const payload of packed) assert.isBelow(Buffer.byteLength(payload), 8000)
    assert.deepStrictEqual(packed.flatMap(unpackPayload), payloads)
    // Every line is one batch's JSON text.
    assert.deepStrictEqual(
      packed.flatMap(unpackPayload).map((line) => JSON.parse(line).executionId),
      payloads.map((_, i) => `run-${i}`)
    )
  })

  it("leaves a payload alone when it cannot share", () => {
    const big = encodeBatches({ executionId: "a", graphId: "g", userId: "u" }, [
      { _tag: "output", id: "n", node: "x", pin: "out", seq: 0, value: "v".repeat(1900) },
      { _tag: "output", id: "n", node: "x", pin: "out", seq: 1, value: "v".repeat(1900) },
      { _tag: "output", id: "n", node: "x", pin: "out", seq: 2, value: "v".repeat(1900) }
    ])
    assert.deepStrictEqual(packPayloads([...big, ...big]), [...big, ...big])
  })
})
