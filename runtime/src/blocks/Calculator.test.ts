import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { CalculatorBlock } from "./Calculator.ts"

const calculate = (input: Record<string, unknown>) =>
  Effect.map(BlockTestKit.runBlock(CalculatorBlock, input), (yields) => yields.map((y) => y.value))

describe("Calculator", () => {
  it.effect("applies each operation", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* calculate({ operation: "Add", a: 2, b: 3 }), [5])
      assert.deepStrictEqual(yield* calculate({ operation: "Subtract", a: 2, b: 3 }), [-1])
      assert.deepStrictEqual(yield* calculate({ operation: "Multiply", a: 2, b: 3 }), [6])
      assert.deepStrictEqual(yield* calculate({ operation: "Divide", a: 3, b: 2 }), [1.5])
      assert.deepStrictEqual(yield* calculate({ operation: "Power", a: 2, b: 10 }), [1024])
    })
  )

  it.effect("defaults to Add of zeros", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* calculate({}), [0])
      assert.deepStrictEqual(yield* calculate({ a: 4 }), [4])
    })
  )

  it.effect("rounds when round_result is set", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* calculate({ operation: "Divide", a: 7, b: 2, round_result: true }), [4])
      assert.deepStrictEqual(yield* calculate({ operation: "Divide", a: 10, b: 3, round_result: true }), [3])
      assert.deepStrictEqual(yield* calculate({ operation: "Divide", a: 10, b: 3, round_result: false }), [10 / 3])
      const [negative] = yield* calculate({ operation: "Multiply", a: -0.1, b: 1, round_result: true })
      assert.isTrue(Object.is(negative, 0), "rounding to -0 yields 0")
    })
  )

  it.effect("fails with a non-retryable BlockError on division by zero", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(BlockTestKit.runBlock(CalculatorBlock, { operation: "Divide", a: 1, b: 0 }))
      assert.instanceOf(error, BlockError)
      assert.include(error.message, "divide by zero")
      assert.strictEqual(error.retryable, false)
    })
  )

  it.effect("fails when the result is not finite", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(BlockTestKit.runBlock(CalculatorBlock, { operation: "Power", a: 10, b: 400 }))
      assert.instanceOf(error, BlockError)
    })
  )

  it.effect("rejects unknown operations and non-numbers", () =>
    Effect.gen(function* () {
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(calculate({ operation: "Modulo", a: 1, b: 2 }))))
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(calculate({ a: "1", b: 2 }))))
    })
  )
})
