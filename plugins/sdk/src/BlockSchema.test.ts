import { assert, describe, it } from "@effect/vitest"
import { Schema, Stream } from "effect"
import * as Block from "./Block.ts"
import { describeBlock, inputJsonSchema, outputJsonSchema } from "./BlockSchema.ts"
import * as Pin from "./Pin.ts"

const sample = Block.make({
  id: "Sample",
  version: "1.2.3",
  name: "Sample block",
  description: "Exercises every kind of pin",
  categories: ["test"],
  input: {
    text: Schema.String.pipe(Pin.annotate({ title: "Text", description: "What to say" })),
    count: Schema.Finite.pipe(Pin.annotate({ description: "How often" }), Pin.advanced, Pin.withDefault(2)),
    flag: Schema.Boolean.pipe(Pin.withDefault(false), Pin.annotate({ description: "Flag after default" })),
    token: Pin.secret(Schema.String),
    anything: Pin.optional(Schema.Unknown.pipe(Pin.annotate({ description: "Any JSON", placeholder: "42" }))),
    mode: Schema.Literals(["fast", "slow"]).pipe(Pin.annotate({ title: "Mode" }))
  },
  output: { result: Schema.String.pipe(Pin.annotate({ description: "The result" })) },
  staticOutput: true,
  credentials: { api: { provider: "openai", description: "An OpenAI key" } },
  run: (input) => Stream.make({ pin: "result", value: input.text })
})

const property = (schema: Readonly<Record<string, unknown>>, key: string): Readonly<Record<string, unknown>> => {
  const properties = schema["properties"]
  assert.isObject(properties)
  const value: unknown = (properties as Record<string, unknown>)[key]
  assert.isObject(value, `property ${key}`)
  return value as Record<string, unknown>
}

describe("inputJsonSchema", () => {
  const schema = inputJsonSchema(sample)

  it("is a draft 2020-12 object schema titled after the block", () => {
    assert.strictEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
    assert.strictEqual(schema["type"], "object")
    assert.strictEqual(schema["title"], "Sample block input")
    assert.strictEqual(schema["description"], "Exercises every kind of pin")
  })

  it("puts titles and descriptions on the pin's property", () => {
    assert.deepStrictEqual(property(schema, "text"), { type: "string", title: "Text", description: "What to say" })
    assert.deepStrictEqual(property(schema, "mode"), { type: "string", enum: ["fast", "slow"], title: "Mode" })
  })

  it("keeps advanced, secret and placeholder hints as JSON Schema keys", () => {
    assert.deepStrictEqual(property(schema, "count"), {
      type: "number",
      description: "How often",
      advanced: true,
      default: 2
    })
    assert.deepStrictEqual(property(schema, "token"), { type: "string", secret: true })
    assert.deepStrictEqual(property(schema, "anything"), { description: "Any JSON", placeholder: "42" })
  })

  it("shows defaults whichever order the helpers were applied in", () => {
    assert.deepStrictEqual(property(schema, "flag"), {
      type: "boolean",
      default: false,
      description: "Flag after default"
    })
  })

  it("requires only the pins without a default that are not optional", () => {
    assert.deepStrictEqual([...(schema["required"] as Array<string>)].sort(), ["mode", "text", "token"])
  })

  it("is plain JSON", () => {
    assert.deepStrictEqual(JSON.parse(JSON.stringify(schema)), schema)
  })
})

describe("outputJsonSchema", () => {
  it("lists the declared pins plus the error pin, none required", () => {
    const schema = outputJsonSchema(sample)
    assert.deepStrictEqual(property(schema, "result"), { type: "string", description: "The result" })
    assert.strictEqual(property(schema, "error")["type"], "string")
    assert.isUndefined(schema["required"])
    assert.strictEqual(schema["additionalProperties"], false)
  })

  it("admits further pins for a block with dynamic output", () => {
    const schema = outputJsonSchema({ ...sample, dynamicOutput: true, output: {} })
    assert.strictEqual(schema["additionalProperties"], true)
    assert.deepStrictEqual(Object.keys(schema["properties"] as object), ["error"])
  })
})

describe("describeBlock", () => {
  it("returns a JSON-safe descriptor", () => {
    const descriptor = describeBlock(sample)
    assert.deepStrictEqual(JSON.parse(JSON.stringify(descriptor)), descriptor)
    assert.strictEqual(descriptor.id, "Sample")
    assert.strictEqual(descriptor.version, "1.2.3")
    assert.deepStrictEqual(descriptor.categories, ["test"])
    assert.isTrue(descriptor.staticOutput)
    assert.isFalse(descriptor.dynamicOutput)
    assert.deepStrictEqual(descriptor.credentials, { api: { provider: "openai", description: "An OpenAI key" } })
    assert.deepStrictEqual(descriptor.inputSchema, inputJsonSchema(sample))
  })

  it("defaults the flags and credentials of a minimal block", () => {
    const minimal = Block.make({
      id: "Min",
      version: "1.0.0",
      name: "Min",
      description: "",
      categories: [],
      input: {},
      output: {},
      run: () => Stream.empty
    })
    const descriptor = describeBlock(minimal)
    assert.isFalse(descriptor.staticOutput)
    assert.deepStrictEqual(descriptor.credentials, {})
  })

  it("drops a default that is not JSON", () => {
    const odd = Block.make({
      id: "Odd",
      version: "1.0.0",
      name: "Odd",
      description: "",
      categories: [],
      input: { n: Schema.Number.pipe(Pin.withDefault(Number.NaN)) },
      output: {},
      run: () => Stream.empty
    })
    assert.isUndefined(property(inputJsonSchema(odd), "n")["default"])
  })
})
