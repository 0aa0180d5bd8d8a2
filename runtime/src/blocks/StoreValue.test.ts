import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect } from "effect"
import { StoreValueBlock } from "./StoreValue.ts"

describe("StoreValue", () => {
  it.effect("yields data when given", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(StoreValueBlock, { input: "trigger", data: 0 }), [
        { pin: "output", value: 0 }
      ])
    })
  )

  it.effect("yields input when data is unset or null", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(StoreValueBlock, { input: { a: 1 } }), [
        { pin: "output", value: { a: 1 } }
      ])
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(StoreValueBlock, { input: "x", data: null }), [
        { pin: "output", value: "x" }
      ])
    })
  )

  it("has static output", () => {
    assert.isTrue(StoreValueBlock.staticOutput)
  })
})
