/**
 * Reading the JSON Schemas of block pins (as plugins/sdk/src/BlockSchema.ts exports them): a pin's property
 * schema, `$ref`s into `$defs` resolved, and the set of JSON types a schema admits. Pure, shared by the pin
 * compatibility rule and the form generator.
 */

export type JsonSchema = { readonly [key: string]: unknown }

export type JsonType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null"

const jsonTypes: ReadonlyArray<JsonType> = ["string", "number", "integer", "boolean", "object", "array", "null"]

export const isRecord = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const isJsonType = (value: unknown): value is JsonType => jsonTypes.some((t) => t === value)

/** Follows a local `#/$defs/Name` reference against the document root; other references stay unresolved. */
export const resolveRef = (schema: JsonSchema, root: JsonSchema): JsonSchema => {
  let current = schema
  for (let hops = 0; hops < 16; hops++) {
    const ref = current["$ref"]
    if (typeof ref !== "string" || !ref.startsWith("#/")) return current
    let target: unknown = root
    for (const segment of ref.slice(2).split("/")) target = isRecord(target) ? target[segment] : undefined
    if (!isRecord(target)) return current
    const { $ref: _followed, ...siblings } = current
    current = { ...target, ...siblings }
  }
  return current
}

export const properties = (schema: unknown): ReadonlyArray<[string, JsonSchema]> => {
  if (!isRecord(schema) || !isRecord(schema["properties"])) return []
  return Object.entries(schema["properties"]).map(([name, property]): [string, JsonSchema] => [
    name,
    isRecord(property) ? resolveRef(property, schema) : {}
  ])
}

export const requiredNames = (schema: unknown): ReadonlySet<string> =>
  new Set(
    isRecord(schema) && Array.isArray(schema["required"]) ? schema["required"].filter((n) => typeof n === "string") : []
  )

const typeOfValue = (value: unknown): JsonType => {
  if (Array.isArray(value)) return "array"
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number"
  if (typeof value === "string") return "string"
  if (typeof value === "boolean") return "boolean"
  if (typeof value === "object" && value !== null) return "object"
  return "null"
}

/**
 * The JSON types a schema admits, or `"any"` when it does not constrain the type (no `type`, an empty schema, an
 * unresolvable reference). Unions (`anyOf`/`oneOf`) admit the union of their members' types.
 */
export const admittedTypes = (schema: JsonSchema, root: JsonSchema = schema): ReadonlySet<JsonType> | "any" => {
  const resolved = resolveRef(schema, root)
  const declared = resolved["type"]
  if (typeof declared === "string" && isJsonType(declared)) return new Set([declared])
  if (Array.isArray(declared)) return new Set(declared.filter(isJsonType))
  if (Array.isArray(resolved["enum"])) return new Set(resolved["enum"].map(typeOfValue))
  if ("const" in resolved) return new Set([typeOfValue(resolved["const"])])
  const members = resolved["anyOf"] ?? resolved["oneOf"]
  if (Array.isArray(members) && members.length > 0) {
    const union = new Set<JsonType>()
    for (const member of members) {
      if (!isRecord(member)) return "any"
      const types = admittedTypes(member, root)
      if (types === "any") return "any"
      for (const t of types) union.add(t)
    }
    return union
  }
  return "any"
}
