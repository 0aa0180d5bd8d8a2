/**
 * The form generator: from the JSON Schema of a block's inputs to the descriptors of the fields a node shows.
 * Pure, so that the rules (which editor a type gets, secret pins masked, advanced pins folded, linked pins not
 * editable) are tested without rendering anything.
 */
import { admittedTypes, isRecord, type JsonSchema, properties, requiredNames, resolveRef } from "./json-schema"

export type FieldKind = "text" | "number" | "boolean" | "enum" | "object" | "list" | "json"

export interface FieldDescriptor {
  /** The pin name: the key in the node's `inputDefault`. */
  readonly name: string
  readonly label: string
  readonly description: string
  readonly kind: FieldKind
  readonly required: boolean
  /** Masked input; the value is never shown back. */
  readonly secret: boolean
  /** Folded away unless the user opens the advanced section. */
  readonly advanced: boolean
  /** Fed by a link: the value comes from another node, so the field is shown read-only. */
  readonly linked: boolean
  readonly integer: boolean
  readonly defaultValue: unknown
  readonly placeholder: string
  /** The choices of an `enum` field. */
  readonly options: ReadonlyArray<string | number | boolean | null>
  /** The fields of an `object` field with declared properties. */
  readonly fields: ReadonlyArray<FieldDescriptor>
  /** The element of a `list` field. */
  readonly item: FieldDescriptor | null
  /** The value of each entry of an `object` field used as a dictionary (`additionalProperties`). */
  readonly entry: FieldDescriptor | null
}

export interface GeneratedForm {
  readonly basic: ReadonlyArray<FieldDescriptor>
  readonly advanced: ReadonlyArray<FieldDescriptor>
}

/** `snake_case` / `camelCase` pin names as a label when the schema has no title. */
export const humanize = (name: string): string => {
  const spaced = name
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
  return spaced.length === 0 ? name : spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

const kindOf = (schema: JsonSchema, root: JsonSchema): { kind: FieldKind; integer: boolean } => {
  if (Array.isArray(schema["enum"]) && schema["enum"].length > 0) return { kind: "enum", integer: false }
  const types = admittedTypes(schema, root)
  if (types === "any") return { kind: "json", integer: false }
  const concrete = [...types].filter((t) => t !== "null")
  if (concrete.length !== 1) return { kind: "json", integer: false }
  switch (concrete[0]) {
    case "string":
      return { kind: "text", integer: false }
    case "number":
      return { kind: "number", integer: false }
    case "integer":
      return { kind: "number", integer: true }
    case "boolean":
      return { kind: "boolean", integer: false }
    case "object":
      return { kind: "object", integer: false }
    case "array":
      return { kind: "list", integer: false }
    default:
      return { kind: "json", integer: false }
  }
}

const isOption = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean"

const describeField = (
  name: string,
  raw: JsonSchema,
  root: JsonSchema,
  required: boolean,
  linked: boolean,
  depth: number
): FieldDescriptor => {
  const schema = resolveRef(raw, root)
  const { kind, integer } = kindOf(schema, root)
  const nested = depth < 4
  const items = schema["items"]
  return {
    name,
    label: typeof schema["title"] === "string" && schema["title"].length > 0 ? schema["title"] : humanize(name),
    description: typeof schema["description"] === "string" ? schema["description"] : "",
    kind,
    required,
    secret: schema["secret"] === true || schema["format"] === "password" || schema["writeOnly"] === true,
    advanced: schema["advanced"] === true,
    linked,
    integer,
    defaultValue: schema["default"],
    placeholder: typeof schema["placeholder"] === "string" ? schema["placeholder"] : "",
    options: kind === "enum" && Array.isArray(schema["enum"]) ? schema["enum"].filter(isOption) : [],
    fields:
      kind === "object" && nested
        ? properties({ ...schema, $defs: root["$defs"] }).map(([child, childSchema]) =>
            describeField(child, childSchema, root, requiredNames(schema).has(child), false, depth + 1)
          )
        : [],
    item:
      kind === "list" && nested && isRecord(items) ? describeField("item", items, root, true, false, depth + 1) : null,
    entry:
      kind === "object" && nested && isRecord(schema["additionalProperties"])
        ? describeField("value", schema["additionalProperties"], root, true, false, depth + 1)
        : null
  }
}

/**
 * The fields of a block's input form. `linkedPins` are the pins fed by links (a sink name such as `values_#_x`
 * marks its base pin `values` as linked too).
 */
export const generateForm = (inputSchema: unknown, linkedPins: ReadonlyArray<string> = []): GeneratedForm => {
  if (!isRecord(inputSchema)) return { basic: [], advanced: [] }
  const required = requiredNames(inputSchema)
  const linked = new Set(linkedPins.map((pin) => pin.replace(/_[#$@]_.*$/, "")))
  const fields = properties(inputSchema).map(([name, schema]) =>
    describeField(name, schema, inputSchema, required.has(name), linked.has(name), 0)
  )
  return { basic: fields.filter((f) => !f.advanced), advanced: fields.filter((f) => f.advanced) }
}

/**
 * Parses what the user typed into a field back into the value stored in `inputDefault`; `undefined` clears the
 * pin (so the block's default applies), and a text that does not parse is reported rather than stored.
 */
export const parseFieldValue = (
  field: Pick<FieldDescriptor, "kind" | "integer" | "options">,
  text: string
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string } => {
  if (field.kind === "text") return { ok: true, value: text }
  if (text.trim() === "") return { ok: true, value: undefined }
  switch (field.kind) {
    case "boolean":
      return { ok: true, value: text === "true" }
    case "number": {
      const value = Number(text)
      if (!Number.isFinite(value)) return { ok: false, reason: "Not a number" }
      if (field.integer && !Number.isInteger(value)) return { ok: false, reason: "Must be a whole number" }
      return { ok: true, value }
    }
    case "enum": {
      const option = field.options.find((o) => String(o) === text)
      return option === undefined ? { ok: false, reason: "Not one of the choices" } : { ok: true, value: option }
    }
    default:
      try {
        const value: unknown = JSON.parse(text)
        if (field.kind === "object" && !isRecord(value)) return { ok: false, reason: "Must be a JSON object" }
        if (field.kind === "list" && !Array.isArray(value)) return { ok: false, reason: "Must be a JSON list" }
        return { ok: true, value }
      } catch {
        return { ok: false, reason: "Not valid JSON" }
      }
  }
}

/** The text a field shows for a stored value (objects and lists as JSON). */
export const formatFieldValue = (value: unknown): string => {
  if (value === undefined || value === null) return ""
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  return JSON.stringify(value, null, 2)
}

/** How a field is edited: one input for a scalar, nested fields, rows of items or entries, or JSON text. */
export type FieldEditor = "text" | "number" | "boolean" | "enum" | "fields" | "items" | "entries" | "json"

const scalarKinds: ReadonlySet<FieldKind> = new Set(["text", "number", "boolean", "enum"])

/** Whether a field can be edited in place (a scalar, or an object of declared fields), not as JSON text. */
const editableInPlace = (field: FieldDescriptor): boolean =>
  scalarKinds.has(field.kind) || (field.kind === "object" && field.fields.length > 0)

export const editorOf = (field: FieldDescriptor): FieldEditor => {
  if (field.kind === "object") {
    if (field.fields.length > 0) return "fields"
    if (field.entry !== null && scalarKinds.has(field.entry.kind)) return "entries"
    return "json"
  }
  if (field.kind === "list") return field.item !== null && editableInPlace(field.item) ? "items" : "json"
  return field.kind
}

/** The value a new list item or dictionary entry starts with. */
export const blankValue = (field: FieldDescriptor): unknown => {
  if (field.defaultValue !== undefined) return field.defaultValue
  switch (field.kind) {
    case "text":
      return ""
    case "number":
      return 0
    case "boolean":
      return false
    case "enum":
      return field.options[0] ?? null
    case "object":
      return {}
    case "list":
      return []
    default:
      return null
  }
}
