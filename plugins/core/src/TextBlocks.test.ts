import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect, Exit, Schema } from "effect"
import {
  ChangeCase,
  JoinText,
  RegexMatch,
  RegexReplace,
  SplitText,
  TextContains,
  TextLength,
  TrimText
} from "./TextBlocks.ts"

const run = BlockTestKit.runBlockByPin

describe("text blocks", () => {
  it.effect("regex match yields every match with its groups under g, and whether anything matched", () =>
    Effect.gen(function* () {
      const all = yield* run(RegexMatch, { text: "a1 b2 c", pattern: "([a-z])(\\d)", flags: "g" })
      assert.deepStrictEqual(all, {
        match: ["a1", "b2"],
        groups: [
          ["a", "1"],
          ["b", "2"]
        ],
        matched: [true]
      })
      assert.deepStrictEqual(yield* run(RegexMatch, { text: "xyz", pattern: "\\d" }), { matched: [false] })
      const bad = yield* Effect.exit(run(RegexMatch, { text: "x", pattern: "(" }))
      assert.isTrue(Exit.isFailure(bad))
    })
  )

  it.effect("regex replace, split, join and case", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(
        yield* run(RegexReplace, { text: "2024-01-31", pattern: "(\\d+)-(\\d+)-(\\d+)", replacement: "$3/$2/$1" }),
        { result: ["31/01/2024"] }
      )
      assert.deepStrictEqual(yield* run(SplitText, { text: "a, b ,c", trim: true }), { items: [["a", "b", "c"]] })
      assert.deepStrictEqual(yield* run(JoinText, { items: ["a", "b"], delimiter: " + " }), { text: ["a + b"] })
      assert.deepStrictEqual(yield* run(ChangeCase, { text: "hello big World", to: "camel" }), {
        result: ["helloBigWorld"]
      })
      assert.deepStrictEqual(yield* run(ChangeCase, { text: "helloBigWorld", to: "snake" }), {
        result: ["hello_big_world"]
      })
      assert.deepStrictEqual(yield* run(ChangeCase, { text: "hello world", to: "title" }), { result: ["Hello World"] })
    })
  )

  it.effect("text length counts code points, so an emoji or an accented letter counts once", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(TextLength, { text: "héllo 👋" }), { length: [7] })
      assert.deepStrictEqual(yield* run(TextLength, { text: "" }), { length: [0] })
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(TextLength, { text: 12 }))))
    })
  )

  it.effect("trim removes whitespace or given characters from either or both ends", () =>
    Effect.gen(function* () {
      const text = " \t hi there \n"
      assert.deepStrictEqual(yield* run(TrimText, { text }), { result: ["hi there"] })
      assert.deepStrictEqual(yield* run(TrimText, { text, side: "start" }), { result: ["hi there \n"] })
      assert.deepStrictEqual(yield* run(TrimText, { text, side: "end" }), { result: [" \t hi there"] })
      assert.deepStrictEqual(yield* run(TrimText, { text: "--==a-b==--", characters: "-=" }), { result: ["a-b"] })
      assert.deepStrictEqual(yield* run(TrimText, { text: "xxaxx", characters: "x", side: "end" }), {
        result: ["xxa"]
      })
      assert.deepStrictEqual(yield* run(TrimText, { text: "👋a👋", characters: "👋" }), { result: ["a"] })
      assert.deepStrictEqual(yield* run(TrimText, { text: "aaa", characters: "a" }), { result: [""] })
      assert.deepStrictEqual(yield* run(TrimText, { text: " a ", characters: "" }), { result: [" a "] })
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(TrimText, { text, side: "middle" }))))
    })
  )

  it.effect("text contains, starts with, ends with or equals, optionally ignoring case", () =>
    Effect.gen(function* () {
      const holds = (input: Record<string, unknown>) =>
        Effect.map(run(TextContains, { text: "Hello World", ...input }), (byPin) => byPin.result?.[0])
      assert.isTrue(yield* holds({ search: "o W" }))
      assert.isFalse(yield* holds({ search: "world" }))
      assert.isTrue(yield* holds({ search: "world", ignore_case: true }))
      assert.isTrue(yield* holds({ search: "Hello", mode: "starts_with" }))
      assert.isFalse(yield* holds({ search: "World", mode: "starts_with" }))
      assert.isTrue(yield* holds({ search: "WORLD", mode: "ends_with", ignore_case: true }))
      assert.isFalse(yield* holds({ search: "Hello", mode: "equals" }))
      assert.isTrue(yield* holds({ search: "hello world", mode: "equals", ignore_case: true }))
      assert.isTrue(yield* holds({ search: "" }), "every text contains the empty text")
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(holds({ search: "x", mode: "matches" }))))
    })
  )
})
