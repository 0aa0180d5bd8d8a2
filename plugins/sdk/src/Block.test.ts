import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import * as Block from "./Block.ts"
import { BlockError } from "./Block.ts"
import { runBlock } from "./BlockTestKit.ts"

const split = Block.instant({
  id: "Split",
  version: "1.0.0",
  name: "Split",
  description: "Yields each word; fails on an empty text",
  categories: [],
  input: { text: Schema.String },
  output: { word: Schema.String },
  yields: (input) =>
    input.text === ""
      ? new BlockError({ message: "nothing to split", retryable: false })
      : input.text.split(" ").map((word) => ({ pin: "word", value: word }))
})

describe("Block.instant", () => {
  it("is an inline block that keeps its yields function", () => {
    assert.isTrue(split.inline)
    assert.deepStrictEqual(split.instant?.({ text: "a b" }), [
      { pin: "word", value: "a" },
      { pin: "word", value: "b" }
    ])
  })

  it.effect("streams the same yields from run", () =>
    Effect.gen(function* () {
      const yields = yield* runBlock(split, { text: "to be or" })
      assert.deepStrictEqual(
        yields.map((y) => y.value),
        ["to", "be", "or"]
      )
    })
  )

  it.effect("fails run with the BlockError its function returns", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(runBlock(split, { text: "" }))
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        const error = exit.cause.reasons.find((r) => r._tag === "Fail")
        assert.strictEqual(error?._tag === "Fail" ? (error.error as BlockError).message : undefined, "nothing to split")
      }
    })
  )
})
