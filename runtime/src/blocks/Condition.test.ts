import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect, Result } from "effect"
import { compareCondition, ConditionBlock } from "./Condition.ts"

const holds = (value1: unknown, operator: "==" | "!=" | ">" | "<" | ">=" | "<=", value2: unknown): boolean => {
  const outcome = compareCondition(value1, operator, value2)
  assert.isTrue(Result.isSuccess(outcome), `${String(value1)} ${operator} ${String(value2)}`)
  return Result.isSuccess(outcome) && outcome.success
}

describe("compareCondition", () => {
  it("compares numbers, including numeric strings", () => {
    assert.isTrue(holds(2, ">", 1))
    assert.isTrue(holds("10", ">", "9"))
    assert.isTrue(holds(" 3 ", "==", 3))
    assert.isTrue(holds(1, "<=", 1))
    assert.isFalse(holds(1, "<", 1))
    assert.isTrue(holds(2, ">=", 1))
    assert.isTrue(holds(true, ">", 0))
  })

  it("compares strings and structures", () => {
    assert.isTrue(holds("apple", "<", "banana"))
    assert.isTrue(holds({ a: [1, { b: 2 }] }, "==", { a: [1, { b: 2 }] }))
    assert.isTrue(holds({ a: 1 }, "!=", { a: 1, b: undefined }))
    assert.isTrue(holds([1, 2], "!=", [2, 1]))
    assert.isTrue(holds(null, "==", null))
    assert.isTrue(holds("a", "!=", 1))
  })

  it("refuses to order values of different kinds", () => {
    assert.isTrue(Result.isFailure(compareCondition("abc", ">", 1)))
    assert.isTrue(Result.isFailure(compareCondition([1], "<", [2])))
    assert.isTrue(Result.isFailure(compareCondition(null, ">=", 0)))
  })
})

describe("Condition", () => {
  it.effect("yields result and yes_output with yes_value", () =>
    Effect.gen(function* () {
      const yields = yield* BlockTestKit.runBlock(ConditionBlock, {
        value1: 5,
        operator: ">",
        value2: 3,
        yes_value: "big",
        no_value: "small"
      })
      assert.deepStrictEqual(yields, [
        { pin: "result", value: true },
        { pin: "yes_output", value: "big" }
      ])
    })
  )

  it.effect("yields no_output with no_value", () =>
    Effect.gen(function* () {
      const yields = yield* BlockTestKit.runBlock(ConditionBlock, {
        value1: 1,
        operator: ">",
        value2: 3,
        yes_value: "big",
        no_value: "small"
      })
      assert.deepStrictEqual(yields, [
        { pin: "result", value: false },
        { pin: "no_output", value: "small" }
      ])
    })
  )

  it.effect("falls back to value1 (as given) when the chosen value is unset or null", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(
        yield* BlockTestKit.runBlock(ConditionBlock, { value1: " 7 ", operator: "==", value2: 7 }),
        [
          { pin: "result", value: true },
          { pin: "yes_output", value: " 7 " }
        ]
      )
      assert.deepStrictEqual(
        yield* BlockTestKit.runBlock(ConditionBlock, { value1: "a", operator: "==", value2: "b", no_value: null }),
        [
          { pin: "result", value: false },
          { pin: "no_output", value: "a" }
        ]
      )
    })
  )

  it.effect("defaults the operator to ==", () =>
    Effect.gen(function* () {
      const byPin = yield* BlockTestKit.runBlockByPin(ConditionBlock, { value1: "x", value2: "x" })
      assert.deepStrictEqual(byPin, { result: [true], yes_output: ["x"] })
    })
  )

  it.effect("fails with a BlockError when values cannot be ordered", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        BlockTestKit.runBlock(ConditionBlock, { value1: "abc", operator: ">", value2: 1 })
      )
      assert.instanceOf(error, BlockError)
      assert.include(error.message, "Cannot compare string > number")
    })
  )
})
