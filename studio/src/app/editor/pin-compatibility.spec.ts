import { describe, expect, it } from "vitest"
import { canConnect, pinSchema, pinTypesCompatible } from "./pin-compatibility"

const calculatorInput = {
  type: "object",
  properties: {
    operation: { type: "string", enum: ["Add", "Subtract"] },
    a: { type: "number" },
    b: { type: "number" },
    count: { type: "integer" },
    values: { type: "object", additionalProperties: { type: "string" } },
    items: { type: "array", items: { type: "boolean" } },
    anything: { description: "Any JSON" },
    ref: { $ref: "#/$defs/Text" }
  },
  $defs: { Text: { type: "string" } }
}

const output = {
  type: "object",
  properties: {
    text: { type: "string" },
    total: { type: "number" },
    whole: { type: "integer" },
    maybe: { anyOf: [{ type: "string" }, { type: "null" }] },
    flag: { type: "boolean" },
    error: { type: "string" }
  },
  additionalProperties: false
}

describe("canConnect", () => {
  it("accepts a pin of the same type", () => {
    expect(canConnect(output, "total", calculatorInput, "a")).toEqual({ ok: true })
  })

  it("refuses a string into a number and says why", () => {
    const verdict = canConnect(output, "text", calculatorInput, "a")
    expect(verdict.ok).toBe(false)
    expect(verdict).toEqual({ ok: false, reason: "string output cannot feed a number input" })
  })

  it("widens integer into number but not number into integer", () => {
    expect(canConnect(output, "whole", calculatorInput, "a").ok).toBe(true)
    expect(canConnect(output, "total", calculatorInput, "count").ok).toBe(false)
  })

  it("lets an untyped pin feed or be fed by anything", () => {
    expect(canConnect(output, "flag", calculatorInput, "anything").ok).toBe(true)
  })

  it("reads enum pins by the type of their values", () => {
    expect(canConnect(output, "text", calculatorInput, "operation").ok).toBe(true)
    expect(canConnect(output, "total", calculatorInput, "operation").ok).toBe(false)
  })

  it("follows $ref into $defs", () => {
    expect(canConnect(output, "text", calculatorInput, "ref").ok).toBe(true)
    expect(canConnect(output, "flag", calculatorInput, "ref").ok).toBe(false)
  })

  it("accepts a union source when one of its types fits", () => {
    expect(canConnect(output, "maybe", calculatorInput, "ref").ok).toBe(true)
    expect(canConnect(output, "maybe", calculatorInput, "a").ok).toBe(false)
  })

  it("types dictionary entries and list elements from the parent pin", () => {
    expect(canConnect(output, "text", calculatorInput, "values_#_name").ok).toBe(true)
    expect(canConnect(output, "total", calculatorInput, "values_#_name").ok).toBe(false)
    expect(canConnect(output, "flag", calculatorInput, "items_$_0").ok).toBe(true)
    expect(canConnect(output, "text", calculatorInput, "items_$_0").ok).toBe(false)
  })

  it("refuses pins the blocks do not have", () => {
    expect(canConnect(output, "nope", calculatorInput, "a")).toEqual({
      ok: false,
      reason: 'The block has no output pin "nope"'
    })
    expect(canConnect(output, "text", calculatorInput, "nope").ok).toBe(false)
  })

  it("admits undeclared output pins of a dynamic-output block as untyped", () => {
    const dynamic = { type: "object", properties: {}, additionalProperties: true }
    expect(pinSchema(dynamic, "whatever")).toEqual({})
    expect(canConnect(dynamic, "whatever", calculatorInput, "a").ok).toBe(true)
  })
})

describe("pinTypesCompatible", () => {
  it("compares declared type lists", () => {
    expect(pinTypesCompatible({ type: ["string", "null"] }, { type: "string" }).ok).toBe(true)
    expect(pinTypesCompatible({ type: "array" }, { type: "object" }).ok).toBe(false)
  })
})
