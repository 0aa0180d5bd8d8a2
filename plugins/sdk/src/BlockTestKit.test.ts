import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Redacted, Schema, Stream } from "effect"
import * as Block from "./Block.ts"
import { BlockError } from "./Block.ts"
import { runAnyBlock, runBlock, runBlockByPin, testContext, yieldsByPin } from "./BlockTestKit.ts"
import * as Pin from "./Pin.ts"

const echo = Block.make({
  id: "Echo",
  version: "1.0.0",
  name: "Echo",
  description: "Yields its input twice, then its context",
  categories: [],
  input: { text: Schema.String, times: Schema.Int.pipe(Pin.withDefault(2)) },
  output: { text: Schema.String, attempt: Schema.Number, key: Schema.String, secret: Schema.String },
  credentials: { api: { provider: "test" } },
  run: (input, ctx) =>
    Stream.range(1, input.times).pipe(
      Stream.map(() => ({ pin: "text" as const, value: input.text })),
      Stream.concat(
        Stream.make(
          { pin: "attempt" as const, value: ctx.attempt },
          { pin: "key" as const, value: ctx.idempotencyKey },
          { pin: "secret" as const, value: ctx.credentials["api"] ? Redacted.value(ctx.credentials["api"]) : "none" }
        )
      )
    )
})

const failing = Block.make({
  id: "Failing",
  version: "1.0.0",
  name: "Failing",
  description: "",
  categories: [],
  input: {},
  output: { before: Schema.String },
  run: () =>
    Stream.make({ pin: "before" as const, value: "x" }).pipe(
      Stream.concat(Stream.fail(new BlockError({ message: "boom", retryable: false })))
    )
})

describe("runBlock", () => {
  it.effect("decodes the input (applying defaults) and collects yields in order", () =>
    Effect.gen(function* () {
      const yields = yield* runBlock(echo, { text: "hi" })
      assert.deepStrictEqual(yields, [
        { pin: "text", value: "hi" },
        { pin: "text", value: "hi" },
        { pin: "attempt", value: 1 },
        { pin: "key", value: "test-execution/test-node-execution" },
        { pin: "secret", value: "none" }
      ])
    })
  )

  it.effect("passes context overrides and plain-string credentials", () =>
    Effect.gen(function* () {
      const byPin = yield* runBlockByPin(
        echo,
        { text: "a", times: 1 },
        {
          attempt: 3,
          executionId: "e",
          nodeExecutionId: "n",
          credentials: { api: "s3cret" }
        }
      )
      assert.deepStrictEqual(byPin, { text: ["a"], attempt: [3], key: ["e/n"], secret: ["s3cret"] })
    })
  )

  it.effect("fails with a SchemaError on invalid input", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(runBlock(echo, { text: 1 }))
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(runBlock(echo, {}))
      assert.isTrue(Schema.isSchemaError(error))
    })
  )

  it.effect("fails with the block's BlockError", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(runBlock(failing, {}))
      assert.instanceOf(error, BlockError)
      assert.strictEqual(error.message, "boom")
    })
  )

  it.effect("runs a block erased to AnyBlock", () =>
    Effect.gen(function* () {
      const erased: Block.AnyBlock = echo
      const yields = yield* runAnyBlock(erased, { text: "x", times: 1 })
      assert.deepStrictEqual(yields[0], { pin: "text", value: "x" })
    })
  )
})

describe("yieldsByPin", () => {
  it("groups values per pin keeping their order", () => {
    assert.deepStrictEqual(
      yieldsByPin([
        { pin: "a", value: 1 },
        { pin: "b", value: 2 },
        { pin: "a", value: 3 }
      ]),
      { a: [1, 3], b: [2] }
    )
    assert.deepStrictEqual(yieldsByPin([]), {})
  })
})

describe("testContext", () => {
  it.effect("derives the idempotency key from the ids and logs without failing", () =>
    Effect.gen(function* () {
      const ctx = testContext({ executionId: "run", nodeExecutionId: "node" })
      assert.strictEqual(ctx.idempotencyKey, "run/node")
      assert.strictEqual(ctx.nodeId, "test-node")
      yield* ctx.log("hello", { a: 1 })
    })
  )
})
