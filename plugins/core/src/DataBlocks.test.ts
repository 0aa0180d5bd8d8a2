import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect, Exit } from "effect"
import { GetPath, JsonParse, JsonStringify, SetPath } from "./DataBlocks.ts"

const run = BlockTestKit.runBlockByPin

describe("data blocks", () => {
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

  it.effect("paths read own keys only and create objects where they lead nowhere", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(GetPath, { value: { a: "text" }, path: "a.length" }), { missing: [true] })
      assert.deepStrictEqual(yield* run(GetPath, { value: {}, path: "toString" }), { missing: [true] })
      assert.deepStrictEqual(yield* run(GetPath, { value: { a: null }, path: "a" }), { result: [null] })
      assert.deepStrictEqual(yield* run(GetPath, { value: [1], path: "" }), { result: [[1]] })
      assert.deepStrictEqual(yield* run(SetPath, { value: null, path: "a.b", set: 1 }), { result: [{ a: { b: 1 } }] })
      assert.deepStrictEqual(yield* run(SetPath, { value: [0, 1], path: "1", set: "x" }), { result: [[0, "x"]] })
      assert.isTrue(Exit.isFailure(yield* Effect.exit(run(GetPath, { value: {}, path: "a.constructor" }))))
    })
  )
})
