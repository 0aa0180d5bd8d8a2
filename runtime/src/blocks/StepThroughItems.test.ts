import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect } from "effect"
import { StepThroughItemsBlock } from "./StepThroughItems.ts"

describe("StepThroughItems", () => {
  it.effect("yields item then index for each list element", () =>
    Effect.gen(function* () {
      const yields = yield* BlockTestKit.runBlock(StepThroughItemsBlock, { items: ["a", { b: 1 }] })
      assert.deepStrictEqual(yields, [
        { pin: "item", value: "a" },
        { pin: "key", value: 0 },
        { pin: "item", value: { b: 1 } },
        { pin: "key", value: 1 }
      ])
    })
  )

  it.effect("yields item then key for each object entry", () =>
    Effect.gen(function* () {
      const byPin = yield* BlockTestKit.runBlockByPin(StepThroughItemsBlock, { items_object: { x: 1, y: 2 } })
      assert.deepStrictEqual(byPin, { item: [1, 2], key: ["x", "y"] })
    })
  )

  it.effect("parses items_str as a JSON list or object", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlockByPin(StepThroughItemsBlock, { items_str: "[10, 20]" }), {
        item: [10, 20],
        key: [0, 1]
      })
      assert.deepStrictEqual(yield* BlockTestKit.runBlockByPin(StepThroughItemsBlock, { items_str: '{"k": true}' }), {
        item: [true],
        key: ["k"]
      })
    })
  )

  it.effect("uses the first non-empty source", () =>
    Effect.gen(function* () {
      const byPin = yield* BlockTestKit.runBlockByPin(StepThroughItemsBlock, {
        items: [],
        items_object: { only: "this" },
        items_str: "[1]"
      })
      assert.deepStrictEqual(byPin, { item: ["this"], key: ["only"] })
    })
  )

  it.effect("yields nothing for no or empty sources", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(StepThroughItemsBlock, {}), [])
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(StepThroughItemsBlock, { items: [], items_str: " " }), [])
    })
  )

  it.effect("fails with a BlockError on text that is not a JSON list or object", () =>
    Effect.gen(function* () {
      for (const items_str of ["[1,", "42", '"text"']) {
        const error = yield* Effect.flip(BlockTestKit.runBlock(StepThroughItemsBlock, { items_str }))
        assert.instanceOf(error, BlockError, items_str)
      }
    })
  )
})
