import { assert, describe, it } from "@effect/vitest"
import * as NodeFs from "node:fs"
import * as NodePath from "node:path"
import { formatWithBiome, gatewayApiTypes, renderTypes, studioApiTypesFile, typeOf } from "./OpenApiTypes.ts"

describe("typeOf", () => {
  it("maps the JSON Schema the gateway's schemas produce", () => {
    assert.strictEqual(typeOf({ type: "string" }), "string")
    assert.strictEqual(typeOf({ type: "integer" }), "number")
    assert.strictEqual(typeOf({ type: ["string", "null"] }), "string | null")
    assert.strictEqual(typeOf({ enum: ["a", 1] }), '"a" | 1')
    assert.strictEqual(typeOf({ anyOf: [{ type: "string" }, { type: "string" }, { type: "null" }] }), "string | null")
    assert.strictEqual(typeOf({ type: "array", items: { type: "boolean" } }), "ReadonlyArray<boolean>")
    assert.strictEqual(typeOf({ $ref: "#/components/schemas/NotFound" }), 'Schemas["NotFound"]')
    assert.strictEqual(typeOf({ type: "object", additionalProperties: false }), "Record<string, never>")
    assert.strictEqual(typeOf({ type: "object" }), "{\n  readonly [key: string]: unknown\n}")
    assert.strictEqual(typeOf({}), "unknown")
    assert.strictEqual(
      typeOf({
        type: "object",
        properties: { id: { type: "string" }, "odd-key": { type: "number" } },
        required: ["id"],
        additionalProperties: false
      }),
      '{\n  readonly id: string\n  readonly "odd-key"?: number\n}'
    )
    assert.strictEqual(
      typeOf({ type: "object", additionalProperties: { type: "array" } }),
      "{\n  readonly [key: string]: ReadonlyArray<unknown>\n}"
    )
  })
})

describe("renderTypes", () => {
  it("renders each operation with its parameters by place, its body, its answers and its problems", () => {
    const source = renderTypes({
      paths: {
        "/things/{id}": {
          put: {
            operationId: "things.put",
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "string" } },
              { name: "dry", in: "query", schema: { type: "string" } }
            ],
            requestBody: { content: { "application/json": { schema: { type: "number" } } } },
            responses: {
              "200": { content: { "application/json": { schema: { type: "boolean" } } } },
              "204": { description: "no content" },
              "404": { content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Gone" } } } }
            }
          }
        }
      },
      components: {
        schemas: { Gone: { type: "object", properties: { status: { type: "number" } }, additionalProperties: false } }
      }
    })
    assert.include(source, '"things.put": {')
    assert.include(source, "readonly params: {\n      readonly id: string\n    }")
    assert.include(source, "readonly query: {\n      readonly dry?: string\n    }")
    assert.include(source, "readonly body: number")
    assert.include(source, 'readonly "200": boolean\n      readonly "204": null')
    assert.include(source, 'readonly "404": Schemas["Gone"]')
    assert.include(source, '"things.put": { method: "PUT", path: "/things/{id}" }')
    assert.include(source, "Gone: {\n    readonly status?: number\n  }")
  })
})

describe("the studio's generated API types", () => {
  it("are current (run `npm run generate:api-types` after changing the API)", () => {
    const file = NodePath.join(import.meta.dirname, "..", "..", studioApiTypesFile)
    const expected = formatWithBiome(gatewayApiTypes(), file)
    assert.isTrue(
      NodeFs.readFileSync(file, "utf8") === expected,
      `${studioApiTypesFile} is stale: run npm run generate:api-types`
    )
  })
})
