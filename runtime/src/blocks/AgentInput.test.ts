import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit, describeBlock } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { AgentInputBlock } from "./AgentInput.ts"

describe("AgentInput", () => {
  it.effect("yields the value on result", () =>
    Effect.gen(function* () {
      const yields = yield* BlockTestKit.runBlock(AgentInputBlock, { name: "topic", value: { q: "cats" } })
      assert.deepStrictEqual(yields, [{ pin: "result", value: { q: "cats" } }])
    })
  )

  it.effect("yields falsy values other than null", () =>
    Effect.gen(function* () {
      for (const value of [0, "", false, []]) {
        const yields = yield* BlockTestKit.runBlock(AgentInputBlock, { name: "x", value })
        assert.deepStrictEqual(yields, [{ pin: "result", value }])
      }
    })
  )

  it.effect("yields nothing without a value, or with null", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(AgentInputBlock, { name: "x" }), [])
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(AgentInputBlock, { name: "x", value: null }), [])
    })
  )

  it.effect("requires a name", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(BlockTestKit.runBlock(AgentInputBlock, { value: 1 }))
      assert.isTrue(Schema.isSchemaError(error))
    })
  )

  it("has static output, default flags and advanced/secret pins in its schema", () => {
    const descriptor = describeBlock(AgentInputBlock)
    assert.isTrue(descriptor.staticOutput)
    assert.deepStrictEqual(descriptor.inputSchema["required"], ["name"])
    const properties = descriptor.inputSchema["properties"] as Record<string, Record<string, unknown>>
    assert.strictEqual(properties["secret"]?.["default"], false)
    assert.strictEqual(properties["placeholder_values"]?.["advanced"], true)
  })
})
