import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { assemblePins, parsePin, pinNameError, selectPath } from "./PinPath.ts"

describe("parsePin", () => {
  it("a plain pin has an empty path", () => {
    assert.deepStrictEqual(parsePin("values"), { base: "values", path: [] })
  })
  it("splits list, dict and attribute segments and nests them", () => {
    assert.deepStrictEqual(parsePin("items_$_0_#_id_@_x"), {
      base: "items",
      path: [
        { kind: "list", key: "0" },
        { kind: "dict", key: "id" },
        { kind: "attr", key: "x" }
      ]
    })
  })
  it("keeps underscores inside names and keys", () => {
    assert.deepStrictEqual(parsePin("my_values_#_first_name"), {
      base: "my_values",
      path: [{ kind: "dict", key: "first_name" }]
    })
  })
})

describe("pinNameError", () => {
  it("accepts plain and well-formed dynamic names", () => {
    assert.isUndefined(pinNameError("a"))
    assert.isUndefined(pinNameError("a_$_10_#_k"))
  })
  it("rejects a non-integer list index, an empty key and an empty base", () => {
    assert.match(pinNameError("a_$_x") ?? "", /not a non-negative integer/)
    assert.match(pinNameError("a_$_01") ?? "", /not a non-negative integer/)
    assert.match(pinNameError("a_#_") ?? "", /empty dict key/)
    assert.match(pinNameError("_$_0") ?? "", /empty base/)
  })
})

describe("selectPath (source side)", () => {
  it("selects a key, an element and nested parts", () => {
    const value = { name: "n", items: [{ id: 1 }, { id: 2 }] }
    assert.strictEqual(selectPath(value, parsePin("r_#_name").path), "n")
    assert.deepStrictEqual(selectPath(value, parsePin("r_#_items_$_1").path), { id: 2 })
    assert.strictEqual(selectPath(value, parsePin("r_#_items_$_0_@_id").path), 1)
  })
  it("a missing part is undefined: absent key, index out of range, wrong container, inherited key", () => {
    assert.isUndefined(selectPath({ a: 1 }, parsePin("r_#_b").path))
    assert.isUndefined(selectPath([1], parsePin("r_$_1").path))
    assert.isUndefined(selectPath("text", parsePin("r_#_length").path))
    assert.isUndefined(selectPath({ a: 1 }, parsePin("r_$_0").path))
    assert.isUndefined(selectPath({}, parsePin("r_#_toString").path))
  })
})

describe("assemblePins (sink side)", () => {
  it("list elements become a list padded with null", () => {
    assert.deepStrictEqual(assemblePins({ values_$_2: "c", values_$_0: "a" }), { values: ["a", null, "c"] })
  })
  it("dict keys and attributes become an object", () => {
    assert.deepStrictEqual(assemblePins({ values_$_0: 1, other: 2 }), { values: [1], other: 2 })
    assert.deepStrictEqual(assemblePins({ values_a_b: 0, "v_#_x": 1, "v_@_y": 2 }), {
      values_a_b: 0,
      v: { x: 1, y: 2 }
    })
  })
  it("nested dynamic names build nested values", () => {
    assert.deepStrictEqual(assemblePins({ "items_$_1_#_id": 7, "items_$_0_#_id": 3, "items_$_0_#_name": "n" }), {
      items: [{ id: 3, name: "n" }, { id: 7 }]
    })
  })
  it("extends a default container without mutating it", () => {
    const defaults = { a: 1, b: 2 }
    const assembled = assemblePins({ values: defaults, "values_#_c": 3 })
    assert.deepStrictEqual(assembled, { values: { a: 1, b: 2, c: 3 } })
    assert.deepStrictEqual(defaults, { a: 1, b: 2 })
  })
  it("a key named __proto__ becomes an own property, not a prototype", () => {
    const assembled = assemblePins({ "v_#___proto__": { polluted: true } })
    const v = assembled.v
    assert.isTrue(typeof v === "object" && v !== null && Object.hasOwn(v, "__proto__"))
    assert.isUndefined(Reflect.get({}, "polluted"))
  })
  it("property: assembling element pins and selecting them back round-trips", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.nat(20).map(String), fc.integer()), (elements) => {
        const pins: Record<string, unknown> = {}
        for (const [index, value] of Object.entries(elements)) pins[`xs_$_${index}`] = value
        const xs = assemblePins(pins).xs
        for (const [index, value] of Object.entries(elements))
          assert.strictEqual(selectPath(xs, parsePin(`xs_$_${index}`).path), value)
        if (Array.isArray(xs)) for (const item of xs) assert.isTrue(item === null || typeof item === "number")
      })
    )
  })
})
