/**
 * Text blocks: regex match and replace, split and join, case changes. Regexes come from the graph author and
 * run in the plugin sandbox, whose time limit stops a catastrophic pattern.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Effect, Schema, Stream } from "effect"

const compile = (pattern: string, flags: string) =>
  Effect.try({
    try: () => new RegExp(pattern, flags),
    catch: (cause) => new BlockError({ message: `Invalid regular expression: ${String(cause)}`, retryable: false })
  })

export const RegexMatch = Block.make({
  id: "RegexMatch",
  version: "1.0.0",
  name: "Regex match",
  description: "Finds a regular expression in a text; yields each match (all of them with the g flag) and its groups.",
  categories: ["text"],
  input: {
    text: Schema.String.pipe(Pin.annotate({ title: "Text" })),
    pattern: Schema.String.pipe(Pin.annotate({ title: "Pattern" })),
    flags: Schema.String.pipe(Pin.annotate({ title: "Flags" }), Pin.withDefault(""))
  },
  output: {
    match: Schema.String.pipe(Pin.annotate({ title: "Match" })),
    groups: Schema.Array(Schema.NullOr(Schema.String)).pipe(Pin.annotate({ title: "Groups" })),
    matched: Schema.Boolean.pipe(Pin.annotate({ title: "Matched" }))
  },
  run: (input) =>
    Stream.unwrap(
      Effect.map(compile(input.pattern, input.flags), (regex) => {
        const matches = regex.global
          ? [...input.text.matchAll(regex)]
          : [regex.exec(input.text)].filter((m) => m !== null)
        const yields = matches.flatMap((m) => [
          { pin: "match" as const, value: m[0] },
          { pin: "groups" as const, value: m.slice(1).map((g) => g ?? null) }
        ])
        return Stream.fromIterable([...yields, { pin: "matched" as const, value: matches.length > 0 }])
      })
    )
})

export const RegexReplace = Block.make({
  id: "RegexReplace",
  version: "1.0.0",
  name: "Regex replace",
  description: "Replaces matches of a regular expression ($1 etc. refer to groups).",
  categories: ["text"],
  input: {
    text: Schema.String,
    pattern: Schema.String,
    replacement: Schema.String.pipe(Pin.withDefault("")),
    flags: Schema.String.pipe(Pin.withDefault("g"))
  },
  output: { result: Schema.String },
  run: (input) =>
    Stream.fromEffect(
      Effect.map(compile(input.pattern, input.flags), (regex) => ({
        pin: "result" as const,
        value: input.text.replace(regex, input.replacement)
      }))
    )
})

export const SplitText = Block.make({
  id: "SplitText",
  version: "1.0.0",
  name: "Split text",
  description: "Splits a text at a delimiter into a list.",
  categories: ["text"],
  input: {
    text: Schema.String,
    delimiter: Schema.String.pipe(Pin.withDefault(",")),
    trim: Schema.Boolean.pipe(Pin.withDefault(false))
  },
  output: { items: Schema.Array(Schema.String) },
  run: (input) =>
    Stream.make({
      pin: "items" as const,
      value: input.text.split(input.delimiter).map((part) => (input.trim ? part.trim() : part))
    })
})

export const JoinText = Block.make({
  id: "JoinText",
  version: "1.0.0",
  name: "Join text",
  description: "Joins a list of texts with a delimiter.",
  categories: ["text"],
  input: { items: Schema.Array(Schema.String), delimiter: Schema.String.pipe(Pin.withDefault(",")) },
  output: { text: Schema.String },
  run: (input) => Stream.make({ pin: "text" as const, value: input.items.join(input.delimiter) })
})

const Case = Schema.Literals(["upper", "lower", "title", "snake", "kebab", "camel"])

const words = (text: string): Array<string> =>
  text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")

const applyCase = (text: string, to: typeof Case.Type): string => {
  switch (to) {
    case "upper":
      return text.toUpperCase()
    case "lower":
      return text.toLowerCase()
    case "title":
      return text.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    case "snake":
      return words(text)
        .map((w) => w.toLowerCase())
        .join("_")
    case "kebab":
      return words(text)
        .map((w) => w.toLowerCase())
        .join("-")
    case "camel":
      return words(text)
        .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
        .join("")
  }
}

export const ChangeCase = Block.make({
  id: "ChangeCase",
  version: "1.0.0",
  name: "Change case",
  description: "Upper, lower, title, snake, kebab or camel case.",
  categories: ["text"],
  input: { text: Schema.String, to: Case.pipe(Pin.withDefault("lower")) },
  output: { result: Schema.String },
  run: (input) => Stream.make({ pin: "result" as const, value: applyCase(input.text, input.to) })
})
