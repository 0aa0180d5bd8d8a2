import { describe, it, assert } from "@effect/vitest"
import { isDynamicPinName, isListIndex, parsePinName } from "./PinName.ts"

describe("parsePinName", () => {
  it("leaves a plain pin alone, underscores included", () => {
    assert.deepStrictEqual(parsePinName("round_result"), { base: "round_result", steps: [] })
    assert.isFalse(isDynamicPinName("round_result"))
  })

  it("splits list, object and attribute steps", () => {
    assert.deepStrictEqual(parsePinName("values_$_2"), { base: "values", steps: [{ kind: "$", key: "2" }] })
    assert.deepStrictEqual(parsePinName("values_#_first_name"), {
      base: "values",
      steps: [{ kind: "#", key: "first_name" }]
    })
    assert.deepStrictEqual(parsePinName("x_@_attr"), { base: "x", steps: [{ kind: "@", key: "attr" }] })
  })

  it("parses nested steps in order", () => {
    assert.deepStrictEqual(parsePinName("items_$_0_#_id_@_raw"), {
      base: "items",
      steps: [
        { kind: "$", key: "0" },
        { kind: "#", key: "id" },
        { kind: "@", key: "raw" }
      ]
    })
    assert.isTrue(isDynamicPinName("items_$_0_#_id"))
  })

  it("accepts only plain non-negative integers as list indexes", () => {
    assert.isTrue(isListIndex("0"))
    assert.isTrue(isListIndex("12"))
    assert.isFalse(isListIndex("01"))
    assert.isFalse(isListIndex("-1"))
    assert.isFalse(isListIndex("x"))
  })
})
