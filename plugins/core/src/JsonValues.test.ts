import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { canonicalJson, isPlainObject, jsonEqual } from "./JsonValues.ts"

/** The same value with every object's keys in reverse order. */
const reverseKeys = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(reverseKeys)
  if (isPlainObject(u))
    return Object.fromEntries(
      Object.entries(u)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)])
    )
  return u
}

describe("JsonValues", () => {
  it("treats values as equal regardless of key order, and canonical JSON agrees", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = reverseKeys(value)
        assert.isTrue(jsonEqual(value, reordered))
        assert.strictEqual(canonicalJson(value), canonicalJson(reordered))
      })
    )
  })

  it("canonical JSON is equal exactly when the values are", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 }), (a, b) => {
        assert.strictEqual(jsonEqual(a, b), canonicalJson(a) === canonicalJson(b))
      })
    )
  })

  it("tells lists, objects and scalars apart", () => {
    assert.isFalse(jsonEqual([], {}))
    assert.isFalse(jsonEqual({ 0: "a" }, ["a"]))
    assert.isFalse(jsonEqual([1, 2], [1, 2, 3]))
    assert.isFalse(jsonEqual({ a: 1 }, { a: 1, b: null }))
    assert.isFalse(jsonEqual(null, {}))
    assert.isFalse(jsonEqual("1", 1))
    assert.isTrue(jsonEqual({ a: [{ b: null }] }, { a: [{ b: null }] }))
  })
})
