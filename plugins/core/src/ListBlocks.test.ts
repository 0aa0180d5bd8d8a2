import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import {
  ListAppend,
  ListConcat,
  ListGetItem,
  ListIndexOf,
  ListLength,
  ListReverse,
  ListSlice,
  ListSort,
  ListUnique
} from "./ListBlocks.ts"

const run = BlockTestKit.runBlockByPin

/** The BlockError a block fails with, checking that it is one and is not retried. */
const blockError = (effect: Effect.Effect<unknown, unknown>) =>
  Effect.gen(function* () {
    const error = yield* Effect.flip(effect)
    assert.instanceOf(error, BlockError)
    assert.strictEqual(error instanceof BlockError && error.retryable, false)
    return error instanceof BlockError ? error.message : ""
  })

describe("ListAppend", () => {
  it.effect("adds the item at the end without changing the input, starting from an empty list", () =>
    Effect.gen(function* () {
      const list = [1, { a: 2 }]
      assert.deepStrictEqual(yield* run(ListAppend, { list, item: [3] }), { list: [[1, { a: 2 }, [3]]] })
      assert.deepStrictEqual(list, [1, { a: 2 }])
      assert.deepStrictEqual(yield* run(ListAppend, { item: null }), { list: [[null]] })
    })
  )

  it.effect("requires the item and a list", () =>
    Effect.gen(function* () {
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(ListAppend, { list: [1] }))))
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(ListAppend, { list: "abc", item: 1 }))))
    })
  )
})

describe("ListGetItem", () => {
  it.effect("reads by index, negative indexes from the end", () =>
    Effect.gen(function* () {
      const list = ["a", "b", "c"]
      assert.deepStrictEqual(yield* run(ListGetItem, { list }), { item: ["a"] })
      assert.deepStrictEqual(yield* run(ListGetItem, { list, index: 2 }), { item: ["c"] })
      assert.deepStrictEqual(yield* run(ListGetItem, { list, index: -1 }), { item: ["c"] })
      assert.deepStrictEqual(yield* run(ListGetItem, { list, index: -3 }), { item: ["a"] })
      assert.deepStrictEqual(yield* run(ListGetItem, { list: [null], index: 0 }), { item: [null] })
    })
  )

  it.effect("fails with a BlockError when out of range, also on an empty list", () =>
    Effect.gen(function* () {
      const list = ["a", "b", "c"]
      assert.strictEqual(
        yield* blockError(run(ListGetItem, { list, index: 3 })),
        "Index 3 is out of range for a list of 3 items"
      )
      assert.include(yield* blockError(run(ListGetItem, { list, index: -4 })), "Index -4 is out of range")
      assert.include(yield* blockError(run(ListGetItem, { list: [] })), "list of 0 items")
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(ListGetItem, { list, index: 1.5 }))))
    })
  )
})

describe("ListLength, ListSlice, ListConcat, ListReverse", () => {
  it.effect("measure, cut, join and reverse lists without changing them", () =>
    Effect.gen(function* () {
      const list = [1, 2, 3, 4, 5]
      assert.deepStrictEqual(yield* run(ListLength, { list }), { length: [5] })
      assert.deepStrictEqual(yield* run(ListLength, { list: [] }), { length: [0] })
      assert.deepStrictEqual(yield* run(ListSlice, { list, start: 1, end: 3 }), { list: [[2, 3]] })
      assert.deepStrictEqual(yield* run(ListSlice, { list, start: -2 }), { list: [[4, 5]] })
      assert.deepStrictEqual(yield* run(ListSlice, { list, end: -1 }), { list: [[1, 2, 3, 4]] })
      assert.deepStrictEqual(yield* run(ListSlice, { list, start: 4, end: 2 }), { list: [[]] })
      assert.deepStrictEqual(yield* run(ListSlice, { list, start: 10 }), { list: [[]] })
      assert.deepStrictEqual(yield* run(ListConcat, { lists: [[1], [], [[2]], ["x"]] }), { list: [[1, [2], "x"]] })
      assert.deepStrictEqual(yield* run(ListConcat, { lists: [] }), { list: [[]] })
      assert.deepStrictEqual(yield* run(ListReverse, { list }), { list: [[5, 4, 3, 2, 1]] })
      assert.deepStrictEqual(list, [1, 2, 3, 4, 5])
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(ListConcat, { lists: [[1], 2] }))))
    })
  )
})

describe("ListIndexOf", () => {
  it.effect("finds the first item equal by content", () =>
    Effect.gen(function* () {
      const list = [1, { a: [1, 2], b: "x" }, "1", { b: "x", a: [1, 2] }]
      assert.deepStrictEqual(yield* run(ListIndexOf, { list, item: { b: "x", a: [1, 2] } }), {
        index: [1],
        found: [true]
      })
      assert.deepStrictEqual(yield* run(ListIndexOf, { list, item: "1" }), { index: [2], found: [true] })
      assert.deepStrictEqual(yield* run(ListIndexOf, { list, item: { a: [2, 1], b: "x" } }), {
        index: [-1],
        found: [false]
      })
      assert.deepStrictEqual(yield* run(ListIndexOf, { list: [], item: null }), { index: [-1], found: [false] })
    })
  )
})

describe("ListSort", () => {
  it.effect("sorts numbers numerically and strings by character code, in either order", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(ListSort, { list: [10, 9, -1, 2.5] }), { list: [[-1, 2.5, 9, 10]] })
      assert.deepStrictEqual(yield* run(ListSort, { list: [10, 9, -1], order: "descending" }), {
        list: [[10, 9, -1]]
      })
      assert.deepStrictEqual(yield* run(ListSort, { list: ["b", "B", "a", "10", "9"] }), {
        list: [["10", "9", "B", "a", "b"]]
      })
      assert.deepStrictEqual(yield* run(ListSort, { list: [] }), { list: [[]] })
    })
  )

  it.effect("sorts objects by a key path, keeping equal items in their order", () =>
    Effect.gen(function* () {
      const list = [
        { name: "c", meta: { age: 30 } },
        { name: "a", meta: { age: 20 } },
        { name: "b", meta: { age: 30 } }
      ]
      const byAge = yield* run(ListSort, { list, key: "meta.age" })
      assert.deepStrictEqual(byAge, { list: [[list[1], list[0], list[2]]] })
      const byAgeDescending = yield* run(ListSort, { list, key: "meta.age", order: "descending" })
      assert.deepStrictEqual(byAgeDescending, { list: [[list[0], list[2], list[1]]] })
      assert.deepStrictEqual(yield* run(ListSort, { list, key: "name" }), { list: [[list[1], list[2], list[0]]] })
    })
  )

  it.effect("fails on items that cannot be ordered or lack the key", () =>
    Effect.gen(function* () {
      assert.include(yield* blockError(run(ListSort, { list: [1, "2"] })), "mixes numbers and strings")
      assert.include(yield* blockError(run(ListSort, { list: [1, null, 2] })), "item 1 is compared as a null")
      assert.include(yield* blockError(run(ListSort, { list: [[1], [2]] })), "item 0 is compared as a list")
      assert.include(
        yield* blockError(run(ListSort, { list: [{ a: 1 }, { b: 2 }], key: "a" })),
        'Item 1 has no value at key path "a"'
      )
      assert.include(yield* blockError(run(ListSort, { list: [{}], key: "__proto__" })), "forbidden key")
    })
  )
})

describe("ListUnique", () => {
  it.effect("keeps the first of items equal by content", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(ListUnique, { list: [1, "1", 1, { a: 1, b: 2 }, { b: 2, a: 1 }, [1], [1]] }), {
        list: [[1, "1", { a: 1, b: 2 }, [1]]]
      })
      assert.deepStrictEqual(yield* run(ListUnique, { list: [] }), { list: [[]] })
    })
  )

  it.effect("compares by a key path when given one", () =>
    Effect.gen(function* () {
      const list = [
        { id: 1, v: "a" },
        { id: 2, v: "b" },
        { id: 1, v: "c" }
      ]
      assert.deepStrictEqual(yield* run(ListUnique, { list, key: "id" }), { list: [[list[0], list[1]]] })
      assert.include(yield* blockError(run(ListUnique, { list: [{ id: 1 }, 2], key: "id" })), "Item 1 has no value")
    })
  )
})
