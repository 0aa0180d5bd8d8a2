import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { AggregateNumbers, Clamp, MathOps } from "./MathBlocks.ts"

const blockError = (effect: Effect.Effect<unknown, unknown>) =>
  Effect.gen(function* () {
    const error = yield* Effect.flip(effect)
    assert.instanceOf(error, BlockError)
    assert.strictEqual(error instanceof BlockError && error.retryable, false)
    return error instanceof BlockError ? error.message : ""
  })

/** The one `result` the block yields. */
const result = (block: typeof MathOps | typeof AggregateNumbers | typeof Clamp, input: unknown) =>
  Effect.map(BlockTestKit.runBlockByPin(block, input), (byPin) => {
    assert.deepStrictEqual(Object.keys(byPin), ["result"])
    assert.lengthOf(byPin.result ?? [], 1)
    return byPin.result?.[0]
  })

describe("MathOps", () => {
  it.effect("rounds halves away from zero, to decimals, without binary-fraction surprises", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* result(MathOps, { value: 2.5 }), 3)
      assert.strictEqual(yield* result(MathOps, { value: -2.5 }), -3)
      assert.strictEqual(yield* result(MathOps, { value: 1.005, decimals: 2 }), 1.01)
      assert.strictEqual(yield* result(MathOps, { value: 1234.5678, decimals: 1 }), 1234.6)
      assert.strictEqual(yield* result(MathOps, { value: 1250, decimals: -2 }), 1300)
      assert.strictEqual(yield* result(MathOps, { value: 1.5e-7, decimals: 7 }), 2e-7)
      assert.strictEqual(yield* result(MathOps, { value: 1e300, decimals: 15 }), 1e300)
      assert.isTrue(Object.is(yield* result(MathOps, { value: -0.4 }), 0), "rounding to -0 yields 0")
    })
  )

  it.effect("floors, ceils and truncates to decimals", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* result(MathOps, { operation: "Floor", value: -1.25, decimals: 1 }), -1.3)
      assert.strictEqual(yield* result(MathOps, { operation: "Ceil", value: 1.21, decimals: 1 }), 1.3)
      assert.strictEqual(yield* result(MathOps, { operation: "Truncate", value: -1.29, decimals: 1 }), -1.2)
      assert.strictEqual(yield* result(MathOps, { operation: "Floor", value: 7 }), 7)
      assert.strictEqual(yield* result(MathOps, { operation: "Ceil", value: 1234, decimals: -3 }), 2000)
    })
  )

  it.effect("takes absolute values, negations, signs and square roots", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* result(MathOps, { operation: "Abs", value: -3.5 }), 3.5)
      assert.strictEqual(yield* result(MathOps, { operation: "Negate", value: 3.5 }), -3.5)
      assert.isTrue(Object.is(yield* result(MathOps, { operation: "Negate", value: 0 }), 0))
      assert.strictEqual(yield* result(MathOps, { operation: "Sign", value: -42 }), -1)
      assert.strictEqual(yield* result(MathOps, { operation: "Sqrt", value: 16 }), 4)
    })
  )

  it.effect("fails on a negative square root, bad decimals and unknown operations", () =>
    Effect.gen(function* () {
      assert.include(yield* blockError(result(MathOps, { operation: "Sqrt", value: -1 })), "negative number")
      for (const input of [
        { value: 1, decimals: 16 },
        { value: 1, decimals: 0.5 },
        { value: "1" },
        { operation: "Modulo", value: 1 }
      ]) {
        assert.isTrue(Schema.isSchemaError(yield* Effect.flip(result(MathOps, input))), JSON.stringify(input))
      }
    })
  )
})

describe("AggregateNumbers", () => {
  it.effect("sums by default and computes the other aggregates", () =>
    Effect.gen(function* () {
      const numbers = [4, -1, 9, 2]
      assert.strictEqual(yield* result(AggregateNumbers, { numbers }), 14)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers, operation: "Product" }), -72)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers, operation: "Average" }), 3.5)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers, operation: "Median" }), 3)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers: [5, 1, 3], operation: "Median" }), 3)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers, operation: "Min" }), -1)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers, operation: "Max" }), 9)
      assert.deepStrictEqual(numbers, [4, -1, 9, 2])
    })
  )

  it.effect("handles an empty list: Sum 0 and Product 1, the rest fail", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* result(AggregateNumbers, { numbers: [] }), 0)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers: [], operation: "Product" }), 1)
      for (const operation of ["Average", "Median", "Min", "Max"]) {
        assert.include(
          yield* blockError(result(AggregateNumbers, { numbers: [], operation })),
          `${operation} of an empty list`
        )
      }
    })
  )

  it.effect("copes with long lists and fails when the result overflows", () =>
    Effect.gen(function* () {
      const long = Array.from({ length: 200_000 }, (_, i) => i)
      assert.strictEqual(yield* result(AggregateNumbers, { numbers: long, operation: "Max" }), 199_999)
      assert.include(
        yield* blockError(result(AggregateNumbers, { numbers: [1e308, 1e308] })),
        "Sum of the numbers is not a finite number"
      )
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(result(AggregateNumbers, { numbers: [1, "2"] }))))
    })
  )
})

describe("Clamp", () => {
  it.effect("limits a number to [min, max]", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* result(Clamp, { value: 15, min: 0, max: 10 }), 10)
      assert.strictEqual(yield* result(Clamp, { value: -5, min: 0, max: 10 }), 0)
      assert.strictEqual(yield* result(Clamp, { value: 5.5, min: 0, max: 10 }), 5.5)
      assert.strictEqual(yield* result(Clamp, { value: 3, min: 7, max: 7 }), 7)
    })
  )

  it.effect("fails when min is greater than max", () =>
    Effect.gen(function* () {
      assert.include(yield* blockError(result(Clamp, { value: 1, min: 2, max: 1 })), "min 2 is greater than max 1")
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(result(Clamp, { value: 1, min: 0 }))))
    })
  )
})
