import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { CreateDictionaryBlock } from "./CreateDictionary.ts"

describe("CreateDictionary", () => {
  it.effect("yields the assembled values as one object", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(CreateDictionaryBlock, { values: { a: 1, b: [2] } }), [
        { pin: "dictionary", value: { a: 1, b: [2] } }
      ])
    })
  )

  it.effect("requires values to be an object", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(BlockTestKit.runBlock(CreateDictionaryBlock, { values: [1] }))
      assert.isTrue(Schema.isSchemaError(error))
    })
  )
})
