import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Layer, Schema } from "effect"
import { type AnyBlock, Block, BlockError } from "@weft/block-sdk"
import { BlockRegistry, type BlockServices, builtinBlocks } from "@weft/runtime"
import { InlineBlocks } from "./InlineBlocks.ts"
import type { ExecuteRequest } from "./RunDeps.ts"

/** Yields what its input asks for, so every outcome of an instant block can be provoked. */
const scripted = Block.instant({
  id: "Scripted",
  version: "1.0.0",
  name: "Scripted",
  description: "",
  categories: [],
  input: { mode: Schema.Literals(["ok", "fail", "retryable", "error-pin", "invalid", "unknown-pin", "throw"]) },
  output: { count: Schema.Int },
  yields: ({ mode }) => {
    switch (mode) {
      case "ok":
        return [
          { pin: "count", value: 1 },
          { pin: "count", value: 2 }
        ]
      case "fail":
        return new BlockError({ message: "refused", retryable: false })
      case "retryable":
        return new BlockError({ message: "try again" })
      case "error-pin":
        return [{ pin: "error", value: "said so" }]
      case "invalid":
        // A yield its output schema refuses, as a careless block could make.
        return [{ pin: "count", value: 1.5 }]
      case "unknown-pin":
        return [{ pin: "nope", value: 1 } as never]
      case "throw":
        throw new Error("bug")
    }
  }
})

/** The same block without its yields function: InlineBlocks must stream it through `run`. */
const { instant: _yields, ...withoutYields } = scripted
const streamed: AnyBlock<BlockServices> = { ...withoutYields, id: "Streamed" }

const inlineBlocks = InlineBlocks.layer.pipe(
  Layer.provide(Layer.succeed(BlockRegistry, BlockRegistry.make({ builtins: [...builtinBlocks, scripted, streamed] })))
)

const request = (block: string, input: Record<string, unknown>): ExecuteRequest => ({
  executionId: "run-1",
  nodeExecutionId: "run-1.1",
  nodeId: "n1",
  userId: "user-1",
  block: { id: block },
  input,
  attempt: 1,
  credentials: {}
})

/** What a caller of `execute` sees: the yields, or the failure's message and retryability, or a defect. */
const outcome = (block: string, input: Record<string, unknown>) =>
  Effect.gen(function* () {
    const inline = yield* InlineBlocks
    const exit = yield* Effect.exit(inline.execute(request(block, input)))
    if (Exit.isSuccess(exit)) return { yields: exit.value }
    const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
    return failure?._tag === "Fail"
      ? { failed: failure.error.message, retryable: failure.error.retryable }
      : { defect: exit.cause.reasons.some((r) => r._tag === "Die") }
  })

describe("InlineBlocks", () => {
  it.effect("runs a built-in instant block from its yields function", () =>
    Effect.gen(function* () {
      const result = yield* outcome("FillTextTemplate", { format: "Hello {{ name }}!", values: { name: "Ada" } })
      assert.deepStrictEqual(result, { yields: [{ _tag: "Yield", pin: "output", value: "Hello Ada!" }] })
    }).pipe(Effect.provide(inlineBlocks))
  )

  it.effect("gives every outcome of an instant block exactly as streaming its run would", () =>
    Effect.gen(function* () {
      for (const mode of ["ok", "fail", "retryable", "error-pin", "invalid", "unknown-pin", "throw"]) {
        const direct = yield* outcome("Scripted", { mode })
        const viaStream = yield* outcome("Streamed", { mode })
        assert.deepStrictEqual(JSON.parse(JSON.stringify(direct).replaceAll("Scripted", "Streamed")), viaStream, mode)
      }
      assert.deepStrictEqual(yield* outcome("Scripted", { mode: "ok" }), {
        yields: [
          { _tag: "Yield", pin: "count", value: 1 },
          { _tag: "Yield", pin: "count", value: 2 }
        ]
      })
      assert.deepStrictEqual(yield* outcome("Scripted", { mode: "fail" }), { failed: "refused", retryable: false })
      assert.deepStrictEqual(yield* outcome("Scripted", { mode: "retryable" }), {
        failed: "try again",
        retryable: true
      })
      assert.deepStrictEqual(yield* outcome("Scripted", { mode: "error-pin" }), { failed: "said so", retryable: false })
      assert.deepStrictEqual(yield* outcome("Scripted", { mode: "throw" }), { defect: true })
    }).pipe(Effect.provide(inlineBlocks))
  )

  it.effect("refuses an input its schema does not accept before running the block", () =>
    Effect.gen(function* () {
      const result = yield* outcome("Scripted", { mode: "sideways" })
      assert.strictEqual("failed" in result && result.failed.startsWith("invalid input"), true)
    }).pipe(Effect.provide(inlineBlocks))
  )
})
