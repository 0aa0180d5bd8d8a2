import { describe, expect, it } from "vitest"
import { blankValue, editorOf, formatFieldValue, generateForm, humanize, parseFieldValue } from "./schema-form"

const schema = {
  type: "object",
  properties: {
    prompt: { type: "string", title: "Prompt", description: "What to ask" },
    temperature: { type: "number", default: 0.7, advanced: true },
    max_tokens: { type: "integer" },
    stream: { type: "boolean", default: false },
    mode: { type: "string", enum: ["fast", "slow"] },
    api_key: { type: "string", secret: true },
    headers: { type: "object", properties: { accept: { type: "string" } }, required: ["accept"] },
    tags: { type: "array", items: { type: "string" } },
    payload: { description: "Any JSON", placeholder: "42" },
    values: { $ref: "#/$defs/Values" }
  },
  required: ["prompt", "mode"],
  $defs: { Values: { type: "object", additionalProperties: true } }
}

describe("generateForm", () => {
  const form = generateForm(schema)
  const field = (name: string) => [...form.basic, ...form.advanced].find((f) => f.name === name)

  it("gives each JSON type its editor", () => {
    expect(field("prompt")?.kind).toBe("text")
    expect(field("temperature")?.kind).toBe("number")
    expect(field("max_tokens")).toMatchObject({ kind: "number", integer: true })
    expect(field("stream")?.kind).toBe("boolean")
    expect(field("mode")).toMatchObject({ kind: "enum", options: ["fast", "slow"] })
    expect(field("headers")?.kind).toBe("object")
    expect(field("tags")?.kind).toBe("list")
    expect(field("payload")?.kind).toBe("json")
    expect(field("values")?.kind).toBe("object")
  })

  it("masks secret pins", () => {
    expect(field("api_key")?.secret).toBe(true)
    expect(field("prompt")?.secret).toBe(false)
  })

  it("folds advanced pins into their own section", () => {
    expect(form.advanced.map((f) => f.name)).toEqual(["temperature"])
    expect(form.basic.map((f) => f.name)).not.toContain("temperature")
  })

  it("keeps labels, descriptions, defaults, placeholders and required flags", () => {
    expect(field("prompt")).toMatchObject({ label: "Prompt", description: "What to ask", required: true })
    expect(field("max_tokens")).toMatchObject({ label: "Max tokens", required: false })
    expect(field("temperature")?.defaultValue).toBe(0.7)
    expect(field("payload")?.placeholder).toBe("42")
  })

  it("describes nested object properties and list elements", () => {
    expect(field("headers")?.fields).toMatchObject([{ name: "accept", kind: "text", required: true }])
    expect(field("tags")?.item).toMatchObject({ kind: "text" })
  })

  it("marks pins fed by links, including a dictionary entry's base pin", () => {
    const linked = generateForm(schema, ["prompt", "values_#_name"])
    const names = linked.basic.filter((f) => f.linked).map((f) => f.name)
    expect(names).toEqual(["prompt", "values"])
  })

  it("yields no fields for a missing or malformed schema", () => {
    expect(generateForm(undefined)).toEqual({ basic: [], advanced: [] })
    expect(generateForm({ type: "object" })).toEqual({ basic: [], advanced: [] })
  })
})

describe("parseFieldValue", () => {
  it("parses numbers and refuses fractions for integer pins", () => {
    expect(parseFieldValue({ kind: "number", integer: false, options: [] }, "2.5")).toEqual({ ok: true, value: 2.5 })
    expect(parseFieldValue({ kind: "number", integer: true, options: [] }, "2.5").ok).toBe(false)
    expect(parseFieldValue({ kind: "number", integer: false, options: [] }, "abc").ok).toBe(false)
  })

  it("clears a non-text pin when the field is emptied", () => {
    expect(parseFieldValue({ kind: "number", integer: false, options: [] }, " ")).toEqual({
      ok: true,
      value: undefined
    })
    expect(parseFieldValue({ kind: "text", integer: false, options: [] }, "")).toEqual({ ok: true, value: "" })
  })

  it("maps enum text back to the option value", () => {
    expect(parseFieldValue({ kind: "enum", integer: false, options: [1, 2] }, "2")).toEqual({ ok: true, value: 2 })
    expect(parseFieldValue({ kind: "enum", integer: false, options: [1, 2] }, "3").ok).toBe(false)
  })

  it("checks JSON shape for objects and lists", () => {
    expect(parseFieldValue({ kind: "object", integer: false, options: [] }, '{"a":1}')).toEqual({
      ok: true,
      value: { a: 1 }
    })
    expect(parseFieldValue({ kind: "object", integer: false, options: [] }, "[1]").ok).toBe(false)
    expect(parseFieldValue({ kind: "list", integer: false, options: [] }, "[1]")).toEqual({ ok: true, value: [1] })
    expect(parseFieldValue({ kind: "json", integer: false, options: [] }, "{oops").ok).toBe(false)
  })
})

describe("formatting", () => {
  it("shows stored values as text", () => {
    expect(formatFieldValue(undefined)).toBe("")
    expect(formatFieldValue(3)).toBe("3")
    expect(formatFieldValue({ a: 1 })).toBe('{\n  "a": 1\n}')
  })

  it("humanizes pin names", () => {
    expect(humanize("round_result")).toBe("Round result")
    expect(humanize("itemsObject")).toBe("Items Object")
  })
})

describe("editorOf", () => {
  const fieldOf = (property: object) => {
    const field = generateForm({ type: "object", properties: { p: property } }).basic[0]
    if (field === undefined) throw new Error("no field")
    return field
  }

  it("edits scalars in place, objects field by field, lists and dictionaries row by row", () => {
    expect(editorOf(fieldOf({ type: "string" }))).toBe("text")
    expect(editorOf(fieldOf({ type: "object", properties: { a: { type: "string" } } }))).toBe("fields")
    expect(editorOf(fieldOf({ type: "array", items: { type: "number" } }))).toBe("items")
    expect(editorOf(fieldOf({ type: "array", items: { type: "object", properties: { a: {} } } }))).toBe("items")
    expect(editorOf(fieldOf({ type: "object", additionalProperties: { type: "string" } }))).toBe("entries")
  })

  it("falls back to JSON text for shapes a form cannot show", () => {
    expect(editorOf(fieldOf({ type: "array", items: { type: "array" } }))).toBe("json")
    expect(editorOf(fieldOf({ type: "object", additionalProperties: { type: "object" } }))).toBe("json")
    expect(editorOf(fieldOf({ type: "object" }))).toBe("json")
    expect(editorOf(fieldOf({}))).toBe("json")
  })

  it("starts new rows from the item's default or an empty value of its type", () => {
    expect(blankValue(fieldOf({ type: "number" }))).toBe(0)
    expect(blankValue(fieldOf({ type: "string", default: "x" }))).toBe("x")
    expect(blankValue(fieldOf({ enum: ["a", "b"] }))).toBe("a")
  })
})
