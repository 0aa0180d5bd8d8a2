import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { CreateListBlock } from "./CreateList.ts"

describe("CreateList", () => {
  it.effect("yields the assembled values as one list", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(CreateListBlock, { values: [1, null, "c"] }), [
        { pin: "list", value: [1, null, "c"] }
      ])
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(CreateListBlock, { values: [] }), [
        { pin: "list", value: [] }
      ])
    })
  )

  it.effect("requires values to be a list", () =>
    Effect.gen(function* () {
      assert.isTrue(
        Schema.isSchemaError(yield* Effect.flip(BlockTestKit.runBlock(CreateListBlock, { values: { a: 1 } })))
      )
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(BlockTestKit.runBlock(CreateListBlock, {}))))
    })
  )
})
