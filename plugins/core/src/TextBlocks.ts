/**
 * Text blocks: regex match and replace, split and join, case changes, length, trimming and substring tests.
 * Regexes come from the graph author and run in the plugin sandbox, whose time limit stops a catastrophic
 * pattern. Templates are the built-in FillTextTemplate's job, so there is none here.
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

export const TextLength = Block.make({
  id: "TextLength",
  version: "1.0.0",
  name: "Text length",
  description: "The number of characters (Unicode code points, so an emoji counts once) in a text.",
  categories: ["text"],
  input: { text: Schema.String },
  output: { length: Schema.Int },
  run: (input) => Stream.make({ pin: "length" as const, value: [...input.text].length })
})

const Side = Schema.Literals(["both", "start", "end"])

/** `text` without the leading and/or trailing code points in `characters`. */
const trimCharacters = (text: string, characters: string, side: typeof Side.Type): string => {
  const strip = new Set(characters)
  const points = [...text]
  let start = 0
  let end = points.length
  if (side !== "end") while (start < end && strip.has(points[start] ?? "")) start++
  if (side !== "start") while (end > start && strip.has(points[end - 1] ?? "")) end--
  return points.slice(start, end).join("")
}

export const TrimText = Block.make({
  id: "TrimText",
  version: "1.0.0",
  name: "Trim text",
  description: "Removes whitespace, or the given characters, from the start and/or end of a text.",
  categories: ["text"],
  input: {
    text: Schema.String,
    side: Side.pipe(Pin.withDefault("both")),
    characters: Pin.optional(
      Schema.String.pipe(Pin.annotate({ title: "Characters", description: "Any of these; whitespace when unset." }))
    )
  },
  output: { result: Schema.String },
  run: (input) => {
    const result =
      input.characters !== undefined
        ? trimCharacters(input.text, input.characters, input.side)
        : input.side === "start"
          ? input.text.trimStart()
          : input.side === "end"
            ? input.text.trimEnd()
            : input.text.trim()
    return Stream.make({ pin: "result" as const, value: result })
  }
})

const TextTest = Schema.Literals(["contains", "starts_with", "ends_with", "equals"])

export const TextContains = Block.make({
  id: "TextContains",
  version: "1.0.0",
  name: "Text contains",
  description: "Whether a text contains, starts with, ends with or equals another, optionally ignoring case.",
  categories: ["text"],
  input: {
    text: Schema.String,
    search: Schema.String,
    mode: TextTest.pipe(Pin.withDefault("contains")),
    ignore_case: Schema.Boolean.pipe(Pin.withDefault(false))
  },
  output: { result: Schema.Boolean },
  run: (input) => {
    const text = input.ignore_case ? input.text.toLowerCase() : input.text
    const search = input.ignore_case ? input.search.toLowerCase() : input.search
    const result =
      input.mode === "contains"
        ? text.includes(search)
        : input.mode === "starts_with"
          ? text.startsWith(search)
          : input.mode === "ends_with"
            ? text.endsWith(search)
            : text === search
    return Stream.make({ pin: "result" as const, value: result })
  }
})
