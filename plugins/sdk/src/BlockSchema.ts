/**
 * JSON Schema export of a block's pins, for the API and the studio (semantics.md "Block": "Schemas are Effect
 * Schemas, exported as JSON Schema"). Effect's `toJsonSchemaDocument` does the type translation; this module
 * then puts each pin's documentation (`Pin` annotations) directly on its property, because Effect places
 * annotations differently depending on how the field was built (on a check, behind a default, or dropped for
 * `Unknown`), and the studio must find them in one place.
 */
import type { JsonSchema } from "effect"
import { Schema } from "effect"
import type { AnyBlock, CredentialRequirement, Fields } from "./Block.ts"
import { customAnnotationKeys, pinAnnotationKeys } from "./Pin.ts"

/** A block as the API and the studio see it: plain JSON, no functions, no Effect values. */
export interface BlockDescriptor {
  readonly id: string
  readonly version: string
  readonly name: string
  readonly description: string
  readonly categories: ReadonlyArray<string>
  readonly inputSchema: JsonSchema.JsonSchema
  readonly outputSchema: JsonSchema.JsonSchema
  readonly staticOutput: boolean
  readonly dynamicOutput: boolean
  readonly credentials: Readonly<Record<string, CredentialRequirement>>
}

/** What the export needs of a block; any `AnyBlock<R>` fits. */
export type DescribableBlock = Pick<
  AnyBlock<unknown>,
  | "id"
  | "version"
  | "name"
  | "description"
  | "categories"
  | "input"
  | "output"
  | "staticOutput"
  | "dynamicOutput"
  | "credentials"
>

const dialect = "https://json-schema.org/draft/2020-12/schema"

/** The pin every block has besides its declared outputs (semantics.md "Errors"). */
const errorPin: JsonSchema.JsonSchema = {
  type: "string",
  title: "Error",
  description: "The error message, yielded when the block fails."
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Only JSON values may go into a descriptor (a `default` could be anything a block author wrote). */
const isJson = (u: unknown): boolean => {
  if (u === null || typeof u === "string" || typeof u === "boolean") return true
  if (typeof u === "number") return Number.isFinite(u)
  if (Array.isArray(u)) return u.every(isJson)
  if (isRecord(u)) return Object.values(u).every(isJson)
  return false
}

const pickPinAnnotations = (annotations: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> => {
  const picked: Record<string, unknown> = {}
  if (annotations === undefined) return picked
  for (const key of pinAnnotationKeys) {
    const value = annotations[key]
    if (value !== undefined && isJson(value)) picked[key] = value
  }
  return picked
}

/** Folds `allOf` members that only carry annotations (Effect's rendering of annotated checks) into the pin. */
const liftAnnotationOnlyAllOf = (property: JsonSchema.JsonSchema): JsonSchema.JsonSchema => {
  const allOf = property["allOf"]
  if (!Array.isArray(allOf)) return property
  const kept: Array<unknown> = []
  let lifted: Record<string, unknown> = {}
  for (const member of allOf) {
    if (isRecord(member) && Object.keys(member).every((key) => pinAnnotationKeys.includes(key))) {
      lifted = { ...lifted, ...member }
    } else {
      kept.push(member)
    }
  }
  const { allOf: _dropped, ...rest } = property
  return kept.length === 0 ? { ...rest, ...lifted } : { ...rest, ...lifted, allOf: kept }
}

const pinProperty = (property: unknown, field: Schema.Constraint | undefined): JsonSchema.JsonSchema => {
  const base = isRecord(property) ? liftAnnotationOnlyAllOf({ ...property }) : {}
  if (field === undefined) return base
  return {
    ...base,
    ...pickPinAnnotations(Schema.resolveAnnotations(field)),
    ...pickPinAnnotations(Schema.resolveAnnotationsKey(field))
  }
}

const fieldsJsonSchema = (fields: Fields, title: string, description: string): JsonSchema.JsonSchema => {
  const document = Schema.toJsonSchemaDocument(Schema.Struct(fields), {
    includeAnnotationKey: (key) => customAnnotationKeys.includes(key)
  })
  const generated = isRecord(document.schema["properties"]) ? document.schema["properties"] : {}
  const properties: Record<string, JsonSchema.JsonSchema> = {}
  for (const [key, property] of Object.entries(generated)) {
    properties[key] = pinProperty(property, fields[key])
  }
  const definitions = Object.keys(document.definitions).length > 0 ? { $defs: document.definitions } : {}
  return { $schema: dialect, ...document.schema, title, description, properties, ...definitions }
}

/** The JSON Schema of the block's input object; pins with a default are not `required`. */
export const inputJsonSchema = (block: DescribableBlock): JsonSchema.JsonSchema =>
  fieldsJsonSchema(block.input, `${block.name} input`, block.description)

/**
 * The JSON Schema of the block's output pins, including the implicit `error` pin. Nothing is `required`: a
 * block yields any pin zero or more times. A block with `dynamicOutput` may yield further pins.
 */
export const outputJsonSchema = (block: DescribableBlock): JsonSchema.JsonSchema => {
  const { required: _required, ...schema } = fieldsJsonSchema(block.output, `${block.name} output`, block.description)
  const properties = isRecord(schema["properties"]) ? schema["properties"] : {}
  return {
    ...schema,
    properties: { ...properties, error: errorPin },
    additionalProperties: block.dynamicOutput === true
  }
}

export const describeBlock = (block: DescribableBlock): BlockDescriptor => ({
  id: block.id,
  version: block.version,
  name: block.name,
  description: block.description,
  categories: [...block.categories],
  inputSchema: inputJsonSchema(block),
  outputSchema: outputJsonSchema(block),
  staticOutput: block.staticOutput === true,
  dynamicOutput: block.dynamicOutput === true,
  credentials: { ...block.credentials }
})
