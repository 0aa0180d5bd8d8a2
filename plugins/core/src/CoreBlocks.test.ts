import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect, Exit } from "effect"
import { GetPath, JsonParse, JsonStringify, SetPath } from "./DataBlocks.ts"
import { ChangeCase, JoinText, RegexMatch, RegexReplace, SplitText } from "./TextBlocks.ts"

const run = BlockTestKit.runBlockByPin

describe("core blocks", () => {
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

  it.effect("JSON parse/stringify and get/set at a path without changing the input", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(JsonParse, { text: '{"a":[1,{"b":2}]}' }), { value: [{ a: [1, { b: 2 }] }] })
      assert.isTrue(Exit.isFailure(yield* Effect.exit(run(JsonParse, { text: "{" }))))
      assert.deepStrictEqual(yield* run(JsonStringify, { value: { a: 1 } }), { text: ['{"a":1}'] })
      const value = { a: [1, { b: 2 }] }
      assert.deepStrictEqual(yield* run(GetPath, { value, path: "a.1.b" }), { result: [2] })
      assert.deepStrictEqual(yield* run(GetPath, { value, path: "a.5" }), { missing: [true] })
      assert.deepStrictEqual(yield* run(SetPath, { value, path: "a.1.c", set: 3 }), {
        result: [{ a: [1, { b: 2, c: 3 }] }]
      })
      assert.deepStrictEqual(value, { a: [1, { b: 2 }] })
      assert.isTrue(Exit.isFailure(yield* Effect.exit(run(SetPath, { value, path: "__proto__.x", set: 1 }))))
    })
  )
})
