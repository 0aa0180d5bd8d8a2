import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { Compare, maxRangeLength, Range, Switch } from "./LogicBlocks.ts"

const run = BlockTestKit.runBlockByPin

const blockError = (effect: Effect.Effect<unknown, unknown>) =>
  Effect.gen(function* () {
    const error = yield* Effect.flip(effect)
    assert.instanceOf(error, BlockError)
    assert.strictEqual(error instanceof BlockError && error.retryable, false)
    return error instanceof BlockError ? error.message : ""
  })

const holds = (a: unknown, operator: string, b: unknown, ignore_case = false) =>
  Effect.map(run(Compare, { a, operator, b, ignore_case }), (byPin) => {
    const result = byPin.result?.[0]
    assert.isBoolean(result)
    return result === true
  })

describe("Compare", () => {
  it.effect("orders two numbers or two strings", () =>
    Effect.gen(function* () {
      assert.isTrue(yield* holds(2, ">", 1))
      assert.isFalse(yield* holds(1, ">", 1))
      assert.isTrue(yield* holds(1, ">=", 1))
      assert.isTrue(yield* holds(-1, "<", 0))
      assert.isTrue(yield* holds(1, "<=", 1))
      assert.isFalse(yield* holds(2, "<=", 1))
      assert.isTrue(yield* holds("apple", "<", "banana"))
      assert.isTrue(yield* holds("10", "<", "9"), "strings compare as strings, not as numbers")
      assert.isTrue(yield* holds("Z", "<", "a"), "by character code: upper case first")
    })
  )

  it.effect("tests equality by content and never converts types", () =>
    Effect.gen(function* () {
      assert.isTrue(yield* holds({ a: [1, { b: 2 }], c: null }, "==", { c: null, a: [1, { b: 2 }] }))
      assert.isFalse(yield* holds({ a: 1 }, "==", { a: 1, b: 2 }))
      assert.isTrue(yield* holds([1, 2], "!=", [2, 1]))
      assert.isFalse(yield* holds("10", "==", 10))
      assert.isFalse(yield* holds(0, "==", false))
      assert.isFalse(yield* holds(null, "==", 0))
      assert.isTrue(yield* holds(null, "==", null))
    })
  )

  it.effect("ignores case on request, inside structures too", () =>
    Effect.gen(function* () {
      assert.isFalse(yield* holds("Hello", "==", "hello"))
      assert.isTrue(yield* holds("Hello", "==", "hello", true))
      assert.isTrue(yield* holds({ name: ["ADA"] }, "==", { name: ["ada"] }, true))
      assert.isFalse(yield* holds({ Name: "a" }, "==", { name: "a" }, true), "keys keep their case")
      assert.isTrue(yield* holds("apple", "<", "Banana", true))
    })
  )

  it.effect("yields the result, then a on yes_output or no_output; the operator defaults to ==", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(Compare, { a: "x", b: "x" }), [
        { pin: "result", value: true },
        { pin: "yes_output", value: "x" }
      ])
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(Compare, { a: 1, operator: ">", b: 2 }), [
        { pin: "result", value: false },
        { pin: "no_output", value: 1 }
      ])
    })
  )

  it.effect("fails on values that cannot be ordered, and on unknown operators", () =>
    Effect.gen(function* () {
      assert.include(yield* blockError(run(Compare, { a: "1", operator: "<", b: 2 })), "Cannot order string < number")
      assert.include(yield* blockError(run(Compare, { a: [1], operator: ">", b: [0] })), "Cannot order list > list")
      assert.include(yield* blockError(run(Compare, { a: true, operator: ">=", b: false })), "boolean")
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(Compare, { a: 1, operator: "contains", b: 1 }))))
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(Compare, { a: 1 }))))
    })
  )
})

describe("Switch", () => {
  it.effect("yields the index of the first matching case and the value", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(Switch, { value: "b", cases: ["a", "b", "b"] }), [
        { pin: "matched_index", value: 1 },
        { pin: "matched", value: "b" }
      ])
      assert.deepStrictEqual(yield* run(Switch, { value: { k: [1] }, cases: [1, { k: [1] }] }), {
        matched_index: [1],
        matched: [{ k: [1] }]
      })
    })
  )

  it.effect("yields the value on default when no case matches, without converting types", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(Switch, { value: 1, cases: ["1", true, [1]] }), { default: [1] })
      assert.deepStrictEqual(yield* run(Switch, { value: null, cases: [] }), { default: [null] })
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(Switch, { value: 1, cases: "1" }))))
    })
  )
})

describe("Range", () => {
  it.effect("counts from start up to, not including, stop", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(Range, { stop: 4 }), { list: [[0, 1, 2, 3]] })
      assert.deepStrictEqual(yield* run(Range, { start: 2, stop: 10, step: 3 }), { list: [[2, 5, 8]] })
      assert.deepStrictEqual(yield* run(Range, { start: 3, stop: 0, step: -1 }), { list: [[3, 2, 1]] })
      assert.deepStrictEqual(yield* run(Range, { start: 0, stop: 1, step: 0.25 }), { list: [[0, 0.25, 0.5, 0.75]] })
    })
  )

  it.effect("is empty when the step points away from stop or start equals stop", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(Range, { start: 5, stop: 5 }), { list: [[]] })
      assert.deepStrictEqual(yield* run(Range, { start: 0, stop: 5, step: -1 }), { list: [[]] })
      assert.deepStrictEqual(yield* run(Range, { start: 5, stop: 0 }), { list: [[]] })
    })
  )

  it.effect("fails on a zero step and on ranges too long to store", () =>
    Effect.gen(function* () {
      assert.include(yield* blockError(run(Range, { stop: 1, step: 0 })), "step must not be 0")
      const length = yield* run(Range, { stop: maxRangeLength })
      assert.lengthOf(length.list?.[0] as ReadonlyArray<unknown>, maxRangeLength)
      assert.include(yield* blockError(run(Range, { stop: maxRangeLength + 1 })), "at most")
      assert.include(yield* blockError(run(Range, { start: -1e308, stop: 1e308 })), "at most")
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(Range, { start: 0 }))))
    })
  )
})
