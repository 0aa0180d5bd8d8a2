import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import {
  DictEntries,
  DictFromEntries,
  DictHasKey,
  DictKeys,
  DictMerge,
  DictRemoveKey,
  DictValues
} from "./DictionaryBlocks.ts"

const run = BlockTestKit.runBlockByPin

/** What the block yielded on its one pin `pin`, failing the test unless it yielded exactly once there. */
const single = (byPin: Record<string, Array<unknown>>, pin: string): unknown => {
  assert.deepStrictEqual(Object.keys(byPin), [pin])
  assert.lengthOf(byPin[pin] ?? [], 1)
  return byPin[pin]?.[0]
}

describe("DictKeys, DictValues, DictEntries", () => {
  it.effect("list keys, values and entries in the dictionary's order", () =>
    Effect.gen(function* () {
      const dictionary = { b: 1, a: [2], "x.y": null }
      assert.deepStrictEqual(yield* run(DictKeys, { dictionary }), { keys: [["b", "a", "x.y"]] })
      assert.deepStrictEqual(yield* run(DictValues, { dictionary }), { values: [[1, [2], null]] })
      assert.deepStrictEqual(yield* run(DictEntries, { dictionary }), {
        entries: [
          [
            { key: "b", value: 1 },
            { key: "a", value: [2] },
            { key: "x.y", value: null }
          ]
        ]
      })
      assert.deepStrictEqual(yield* run(DictKeys, { dictionary: {} }), { keys: [[]] })
    })
  )

  it.effect("reject a list or a text given as dictionary", () =>
    Effect.gen(function* () {
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(DictKeys, { dictionary: [1, 2] }))))
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(DictValues, { dictionary: "abc" }))))
    })
  )
})

describe("DictFromEntries", () => {
  it.effect("builds from { key, value } objects and [key, value] pairs; a later key wins", () =>
    Effect.gen(function* () {
      const entries = [{ key: "a", value: 1 }, ["b", { c: 2 }], { key: "a", value: 3 }]
      assert.deepStrictEqual(yield* run(DictFromEntries, { entries }), { dictionary: [{ a: 3, b: { c: 2 } }] })
      assert.deepStrictEqual(yield* run(DictFromEntries, { entries: [] }), { dictionary: [{}] })
    })
  )

  it.effect("round-trips with DictEntries", () =>
    Effect.gen(function* () {
      const dictionary = { one: 1, two: [2], three: { n: 3 } }
      const entries = single(yield* run(DictEntries, { dictionary }), "entries")
      assert.deepStrictEqual(single(yield* run(DictFromEntries, { entries }), "dictionary"), dictionary)
    })
  )

  it.effect("keeps a __proto__ key as an ordinary key", () =>
    Effect.gen(function* () {
      const built = single(yield* run(DictFromEntries, { entries: [["__proto__", { polluted: true }]] }), "dictionary")
      assert.deepStrictEqual(Object.keys(Object(built)), ["__proto__"])
      assert.strictEqual(Object.getPrototypeOf(built), Object.prototype)
    })
  )

  it.effect("rejects entries that are neither shape", () =>
    Effect.gen(function* () {
      for (const entries of [[["a"]], [[1, 2]], [{ name: "a", value: 1 }], [{ key: "a" }], "a"]) {
        assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(DictFromEntries, { entries }))), String(entries))
      }
    })
  )
})

describe("DictMerge", () => {
  const first = { a: 1, nested: { x: 1, list: [1, 2] }, keep: true }
  const second = { a: 2, nested: { y: 2, list: [3] } }

  it.effect("lets later dictionaries win, replacing nested objects unless deep", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(DictMerge, { dictionaries: [first, second] }), {
        dictionary: [{ a: 2, nested: { y: 2, list: [3] }, keep: true }]
      })
      assert.deepStrictEqual(yield* run(DictMerge, { dictionaries: [first, second], deep: true }), {
        dictionary: [{ a: 2, nested: { x: 1, list: [3], y: 2 }, keep: true }]
      })
      assert.deepStrictEqual(first, { a: 1, nested: { x: 1, list: [1, 2] }, keep: true })
    })
  )

  it.effect("replaces rather than merges when only one side is an object", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(
        yield* run(DictMerge, {
          dictionaries: [{ a: { x: 1 } }, { a: [1] }, { b: { y: 1 } }, { b: null }],
          deep: true
        }),
        { dictionary: [{ a: [1], b: null }] }
      )
      assert.deepStrictEqual(yield* run(DictMerge, { dictionaries: [] }), { dictionary: [{}] })
    })
  )

  it.effect("does not let a __proto__ key reach the prototype, even when merging deeply", () =>
    Effect.gen(function* () {
      const hostile = JSON.parse('{"__proto__": {"polluted": true}}')
      const merged = single(yield* run(DictMerge, { dictionaries: [{ a: 1 }, hostile], deep: true }), "dictionary")
      assert.strictEqual(Object.getPrototypeOf(merged), Object.prototype)
      assert.deepStrictEqual(Object.keys(Object(merged)), ["a", "__proto__"])
      assert.isUndefined(Reflect.get({}, "polluted"))
    })
  )
})

describe("DictRemoveKey and DictHasKey", () => {
  it.effect("remove a key without changing the input, and test for own keys only", () =>
    Effect.gen(function* () {
      const dictionary = { a: 1, "b.c": 2, n: null }
      assert.deepStrictEqual(yield* run(DictRemoveKey, { dictionary, key: "b.c" }), { dictionary: [{ a: 1, n: null }] })
      assert.deepStrictEqual(yield* run(DictRemoveKey, { dictionary, key: "zzz" }), { dictionary: [dictionary] })
      assert.deepStrictEqual(dictionary, { a: 1, "b.c": 2, n: null })
      assert.deepStrictEqual(yield* run(DictHasKey, { dictionary, key: "n" }), { result: [true] })
      assert.deepStrictEqual(yield* run(DictHasKey, { dictionary, key: "b" }), { result: [false] })
      assert.deepStrictEqual(yield* run(DictHasKey, { dictionary, key: "toString" }), { result: [false] })
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(DictHasKey, { dictionary }))))
    })
  )
})
