import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { inputValidator, typeName } from "./InputValidator.ts"

const validate = inputValidator(
  Schema.Struct({
    a: Schema.Number,
    values: Schema.Record(Schema.String, Schema.Number),
    items: Schema.optionalKey(Schema.Array(Schema.String))
  })
)

describe("inputValidator", () => {
  it("passes a fitting input through decoded", () => {
    assert.deepStrictEqual(validate({ a: 1, values: { x: 2 } }), Result.succeed({ a: 1, values: { x: 2 } }))
  })

  it("reports every misfit with its pin, the expected type and the actual type, nested parts with their path", () => {
    const decoded = validate({ a: "1", items: ["ok", 3] })
    assert.isTrue(Result.isFailure(decoded))
    if (Result.isFailure(decoded))
      assert.deepStrictEqual(decoded.failure, [
        { pin: "a", message: "Expected number, got string" },
        { pin: "values", message: "a value is required" },
        { pin: "items", message: "Expected string, got number at 1" }
      ])
  })

  it("names JSON types", () => {
    assert.deepStrictEqual([null, [], {}, 1, "s", true, undefined].map(typeName), [
      "null",
      "array",
      "object",
      "number",
      "string",
      "boolean",
      "nothing"
    ])
  })
})
