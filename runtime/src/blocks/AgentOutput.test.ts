import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { AgentOutputBlock } from "./AgentOutput.ts"

describe("AgentOutput", () => {
  it.effect("yields the value unchanged without a format", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(AgentOutputBlock, { name: "out", value: [1, 2] }), [
        { pin: "output", value: [1, 2] }
      ])
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(AgentOutputBlock, { name: "out", value: 3, format: "" }), [
        { pin: "output", value: 3 }
      ])
    })
  )

  it.effect("renders the format with {{ value }}", () =>
    Effect.gen(function* () {
      const yields = yield* BlockTestKit.runBlock(AgentOutputBlock, {
        name: "out",
        value: { city: "Oslo" },
        format: "City: {{ value.city }} / {{ value }}"
      })
      assert.deepStrictEqual(yields, [{ pin: "output", value: 'City: Oslo / {"city":"Oslo"}' }])
    })
  )

  it.effect("fails on an unsupported format expression", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        BlockTestKit.runBlock(AgentOutputBlock, { name: "out", value: 1, format: "{{ value.__class__() }}" })
      )
      assert.instanceOf(error, BlockError)
    })
  )

  it.effect("needs a value before it can run", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(BlockTestKit.runBlock(AgentOutputBlock, { name: "out" }))
      assert.isTrue(Schema.isSchemaError(error))
    })
  )
})
