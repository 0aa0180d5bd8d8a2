/**
 * Data blocks: JSON parse and stringify, and reading or writing a value at a dotted path (`a.b.0.c`) of an
 * object or list without changing the input.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Effect, Schema, Stream } from "effect"
import { getAt, parsePath, setAt } from "./ValuePath.ts"

export const JsonParse = Block.make({
  id: "JsonParse",
  version: "1.0.0",
  name: "Parse JSON",
  description: "Parses a JSON text into a value.",
  categories: ["data"],
  input: { text: Schema.String },
  output: { value: Schema.Unknown },
  run: (input) =>
    Stream.fromEffect(
      Effect.try({
        try: () => ({ pin: "value" as const, value: JSON.parse(input.text) as unknown }),
        catch: (cause) => new BlockError({ message: `Invalid JSON: ${String(cause)}`, retryable: false })
      })
    )
})

export const JsonStringify = Block.make({
  id: "JsonStringify",
  version: "1.0.0",
  name: "Stringify JSON",
  description: "Renders a value as JSON text.",
  categories: ["data"],
  input: { value: Schema.Unknown, indent: Schema.Number.pipe(Pin.withDefault(0)) },
  output: { text: Schema.String },
  run: (input) => Stream.make({ pin: "text" as const, value: JSON.stringify(input.value ?? null, null, input.indent) })
})

export const GetPath = Block.make({
  id: "GetPath",
  version: "1.0.0",
  name: "Get value at path",
  description: "Reads the value at a dotted path; yields `missing` when there is none.",
  categories: ["data"],
  input: { value: Schema.Unknown, path: Schema.String },
  output: { result: Schema.Unknown, missing: Schema.Boolean },
  run: (input) =>
    Stream.fromEffect(parsePath(input.path)).pipe(
      Stream.map((path) => {
        const found = getAt(input.value, path)
        return found === undefined ? { pin: "missing" as const, value: true } : { pin: "result" as const, value: found }
      })
    )
})

export const SetPath = Block.make({
  id: "SetPath",
  version: "1.0.0",
  name: "Set value at path",
  description: "Returns a copy of the value with the value at a dotted path replaced (objects created as needed).",
  categories: ["data"],
  input: { value: Schema.Unknown, path: Schema.String, set: Schema.Unknown },
  output: { result: Schema.Unknown },
  run: (input) =>
    Stream.fromEffect(parsePath(input.path)).pipe(
      Stream.map((path) => ({ pin: "result" as const, value: setAt(input.value, path, input.set) }))
    )
})
