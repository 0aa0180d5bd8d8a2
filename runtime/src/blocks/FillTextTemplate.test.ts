import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect } from "effect"
import { FillTextTemplateBlock } from "./FillTextTemplate.ts"

describe("FillTextTemplate", () => {
  it.effect("fills names and dotted paths from values", () =>
    Effect.gen(function* () {
      const yields = yield* BlockTestKit.runBlock(FillTextTemplateBlock, {
        format: "Hello {{ name }} from {{ place.city }}",
        values: { name: "Ada", place: { city: "London" } }
      })
      assert.deepStrictEqual(yields, [{ pin: "output", value: "Hello Ada from London" }])
    })
  )

  it.effect("renders missing values as empty and defaults values to {}", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(FillTextTemplateBlock, { format: "[{{ nope }}]" }), [
        { pin: "output", value: "[]" }
      ])
    })
  )

  it.effect("reaches no host object from an untrusted template", () =>
    Effect.gen(function* () {
      const yields = yield* BlockTestKit.runBlock(FillTextTemplateBlock, {
        format: "{{ __proto__ }}{{ constructor }}{{ values.constructor.constructor }}{{ name.constructor }}",
        values: { name: "x", values: {} }
      })
      assert.deepStrictEqual(yields, [{ pin: "output", value: "" }])
    })
  )

  it.effect("fails with a BlockError on expressions it does not support", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        BlockTestKit.runBlock(FillTextTemplateBlock, { format: "{{ name | upper }}", values: { name: "x" } })
      )
      assert.instanceOf(error, BlockError)
      assert.include(error.message, "name | upper")
      assert.strictEqual(error.retryable, false)
    })
  )
})
