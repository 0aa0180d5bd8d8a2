/**
 * TypeScript types for clients that cannot run Effect (the studio), generated from the OpenAPI document the
 * gateway derives from its API definition: one entry per operation with its method, path, parameters, body and
 * answers, and the problem schemas. So a browser client is checked against the same definition as the server and
 * the Effect client (GatewayClient.ts); `scripts/generate-api-types.ts` writes the file and a test keeps it current.
 * Covers the JSON Schema the gateway's schemas produce: objects, records, arrays, enums, unions and references.
 */
import { OpenApi } from "effect/http-api"
import { execFileSync } from "node:child_process"
import * as NodePath from "node:path"
import { Api } from "./Api.ts"

type JsonSchema = Readonly<Record<string, unknown>>

const isRecord = (u: unknown): u is JsonSchema => typeof u === "object" && u !== null && !Array.isArray(u)
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const keyOf = (name: string): string => (identifier.test(name) ? name : JSON.stringify(name))
const indent = (text: string, by = "  "): string => text.split("\n").join(`\n${by}`)

/** The TypeScript type of a JSON Schema, as it decodes (additional properties refused by the API are left out). */
export const typeOf = (schema: unknown): string => {
  if (!isRecord(schema)) return "unknown"
  const ref = schema["$ref"]
  if (typeof ref === "string") return `Schemas[${JSON.stringify(ref.replace("#/components/schemas/", ""))}]`
  for (const combinator of ["anyOf", "oneOf"] as const) {
    const members = schema[combinator]
    if (Array.isArray(members)) return [...new Set(members.map(typeOf))].join(" | ") || "never"
  }
  if (Array.isArray(schema["allOf"])) return schema["allOf"].map(typeOf).join(" & ")
  if (Array.isArray(schema["enum"])) return schema["enum"].map((value) => JSON.stringify(value)).join(" | ")
  if ("const" in schema) return JSON.stringify(schema["const"])
  const type = schema["type"]
  if (Array.isArray(type)) return type.map((t) => typeOf({ ...schema, type: t })).join(" | ")
  switch (type) {
    case "string":
      return "string"
    case "number":
    case "integer":
      return "number"
    case "boolean":
      return "boolean"
    case "null":
      return "null"
    case "array":
      return `ReadonlyArray<${typeOf(schema["items"])}>`
    case "object":
      return objectType(schema)
    default:
      return "unknown"
  }
}

const objectType = (schema: JsonSchema): string => {
  const properties = isRecord(schema["properties"]) ? schema["properties"] : {}
  const required = new Set(Array.isArray(schema["required"]) ? schema["required"] : [])
  const members = Object.entries(properties).map(
    ([name, property]) => `readonly ${keyOf(name)}${required.has(name) ? "" : "?"}: ${typeOf(property)}`
  )
  // JSON Schema leaves an object open unless it says otherwise; the gateway closes its structs explicitly.
  const additional = schema["additionalProperties"] ?? true
  if (additional !== false) {
    members.push(`readonly [key: string]: ${additional === true ? "unknown" : typeOf(additional)}`)
  }
  return members.length === 0 ? "Record<string, never>" : `{\n  ${members.map((m) => indent(m)).join("\n  ")}\n}`
}

interface Parameter {
  readonly name: string
  readonly in: "path" | "query" | "header"
  readonly required?: boolean
  readonly schema?: unknown
}

const parametersIn = (parameters: ReadonlyArray<Parameter>, place: Parameter["in"]): string =>
  typeOf({
    type: "object",
    properties: Object.fromEntries(parameters.filter((p) => p.in === place).map((p) => [p.name, p.schema ?? {}])),
    required: parameters.filter((p) => p.in === place && p.required === true).map((p) => p.name),
    additionalProperties: false
  })

const contentSchema = (holder: unknown): unknown => {
  if (!isRecord(holder) || !isRecord(holder["content"])) return undefined
  const content = holder["content"]
  const media = content["application/json"] ?? content["application/problem+json"] ?? Object.values(content)[0]
  return isRecord(media) ? media["schema"] : undefined
}

/** The whole generated module for `spec` (an OpenAPI 3.1 document). */
export const renderTypes = (spec: JsonSchema): string => {
  const operations: Array<string> = []
  const routes: Array<string> = []
  const paths = isRecord(spec["paths"]) ? spec["paths"] : {}
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue
    for (const [method, operation] of Object.entries(item)) {
      if (!isRecord(operation) || typeof operation["operationId"] !== "string") continue
      // Boundary cast: OpenApi.fromApi writes parameters in exactly this shape.
      const parameters = (Array.isArray(operation["parameters"]) ? operation["parameters"] : []) as Array<Parameter>
      const responses = isRecord(operation["responses"]) ? operation["responses"] : {}
      const answers = (ok: boolean) =>
        typeOf({
          type: "object",
          properties: Object.fromEntries(
            Object.entries(responses)
              .filter(([status]) => status.startsWith("2") === ok)
              .map(([status, response]) => [status, contentSchema(response) ?? { type: "null" }])
          ),
          required: Object.keys(responses).filter((status) => status.startsWith("2") === ok),
          additionalProperties: false
        })
      const body = contentSchema(operation["requestBody"])
      const entry = [
        `readonly method: ${JSON.stringify(method.toUpperCase())}`,
        `readonly path: ${JSON.stringify(path)}`,
        `readonly params: ${parametersIn(parameters, "path")}`,
        `readonly query: ${parametersIn(parameters, "query")}`,
        `readonly headers: ${parametersIn(parameters, "header")}`,
        `readonly body: ${body === undefined ? "undefined" : typeOf(body)}`,
        `readonly responses: ${answers(true)}`,
        `readonly problems: ${answers(false)}`
      ]
      routes.push(
        `${JSON.stringify(operation["operationId"])}: { method: ${JSON.stringify(method.toUpperCase())}, path: ${JSON.stringify(path)} }`
      )
      operations.push(
        `${JSON.stringify(operation["operationId"])}: {\n  ${entry.map((e) => indent(e)).join("\n  ")}\n}`
      )
    }
  }
  const components =
    isRecord(spec["components"]) && isRecord(spec["components"]["schemas"]) ? spec["components"]["schemas"] : {}
  const schemas = Object.entries(components).map(([name, schema]) => `${keyOf(name)}: ${typeOf(schema)}`)
  return [
    "// Generated from the gateway's API definition (gateway/src/Api.ts) by `npm run generate:api-types`.",
    "// Do not edit: change the API and generate again; a test fails while this file is stale.",
    "",
    "/** Every operation of the API by its operationId. */",
    `export interface Operations {\n  ${operations.map((o) => indent(o)).join("\n  ")}\n}`,
    "",
    "/** Method and path of every operation, for the client to build requests. */",
    'export const operationRoutes: { readonly [K in keyof Operations]: Pick<Operations[K], "method" | "path"> } = {',
    `  ${routes.join(",\n  ")}`,
    "}",
    "",
    "/** The named schemas (the problem details). */",
    `export interface Schemas {\n  ${schemas.map((s) => indent(s)).join("\n  ")}\n}`,
    ""
  ].join("\n")
}

/** The generated module for the gateway's API as it is now. */
// Boundary cast: the OpenAPI document is plain JSON; its TypeScript type is stricter than what `renderTypes` reads.
export const gatewayApiTypes = (): string => renderTypes(OpenApi.fromApi(Api) as unknown as JsonSchema)

/** Where the studio keeps the generated types, relative to the repo root. */
export const studioApiTypesFile = "studio/src/app/api/gateway-operations.ts"

/** `source` formatted by the repo's Biome as if it were the file at `path`. */
export const formatWithBiome = (source: string, path: string): string => {
  const root = NodePath.join(import.meta.dirname, "..", "..")
  return execFileSync(NodePath.join(root, "node_modules", ".bin", "biome"), ["format", `--stdin-file-path=${path}`], {
    cwd: root,
    input: source,
    encoding: "utf8"
  })
}
