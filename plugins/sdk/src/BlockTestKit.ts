/**
 * Running a block outside the engine, for the block's own tests: decode the input with the block's input
 * schema (as the engine does before it runs a node), supply a `BlockContext`, and collect every yield in order.
 */
import type { Schema } from "effect"
import { Effect, Redacted, Schema as S, Stream } from "effect"
import type { AnyBlock, Block, BlockContext, BlockError, Fields, Yield } from "./Block.ts"

/** One collected yield of an erased block. */
export interface BlockYield {
  readonly pin: string
  readonly value: unknown
}

/** What a test may set on the context; `credentials` may be given as plain strings. */
export interface TestContextOptions {
  readonly executionId?: string
  readonly nodeExecutionId?: string
  readonly nodeId?: string
  readonly attempt?: number
  readonly idempotencyKey?: string
  readonly credentials?: Readonly<Record<string, string | Redacted.Redacted<string>>>
  readonly log?: BlockContext["log"]
}

/** A context with fixed test ids; `log` writes through Effect's logger at debug level. */
export const testContext = (options: TestContextOptions = {}): BlockContext => {
  const executionId = options.executionId ?? "test-execution"
  const nodeExecutionId = options.nodeExecutionId ?? "test-node-execution"
  const credentials: Record<string, Redacted.Redacted<string>> = {}
  for (const [name, value] of Object.entries(options.credentials ?? {})) {
    credentials[name] = typeof value === "string" ? Redacted.make(value) : value
  }
  return {
    executionId,
    nodeExecutionId,
    nodeId: options.nodeId ?? "test-node",
    attempt: options.attempt ?? 1,
    idempotencyKey: options.idempotencyKey ?? `${executionId}/${nodeExecutionId}`,
    credentials,
    log: options.log ?? ((message, fields) => Effect.logDebug(message).pipe(Effect.annotateLogs(fields ?? {})))
  }
}

/**
 * Decodes `input` with the block's input schema, runs the block and collects its yields in order. A yield
 * on `error` is collected like any other; a `BlockError` fails the effect, an invalid input fails it with
 * the `SchemaError`.
 */
export const runBlock = <I extends Fields, O extends Fields, R>(
  block: Block<I, O, R>,
  input: unknown,
  context?: TestContextOptions
): Effect.Effect<Array<Yield<O>>, BlockError | Schema.SchemaError, R> =>
  S.decodeUnknownEffect(block.inputSchema)(input).pipe(
    Effect.flatMap((decoded) => Stream.runCollect(block.run(decoded, testContext(context))))
  )

/** `runBlock` for a block erased to `AnyBlock` (as a registry returns it). */
export const runAnyBlock = <R>(
  block: AnyBlock<R>,
  input: unknown,
  context?: TestContextOptions
): Effect.Effect<Array<BlockYield>, BlockError | Schema.SchemaError, R> =>
  S.decodeUnknownEffect(block.inputSchema)(input).pipe(
    // Boundary: `run` is erased to `never` input in AnyBlock; the value was just decoded by this block's own
    // input schema, which is exactly the type its `run` was written against.
    Effect.flatMap((decoded) => Stream.runCollect(block.run(decoded as never, testContext(context))))
  )

/** Groups yields by pin, keeping the order of values within each pin. */
export const yieldsByPin = (yields: ReadonlyArray<BlockYield>): Record<string, Array<unknown>> => {
  const grouped: Record<string, Array<unknown>> = {}
  for (const { pin, value } of yields) {
    const values = grouped[pin] ?? []
    values.push(value)
    grouped[pin] = values
  }
  return grouped
}

/** `runAnyBlock`, then `yieldsByPin`. */
export const runBlockByPin = <R>(
  block: AnyBlock<R>,
  input: unknown,
  context?: TestContextOptions
): Effect.Effect<Record<string, Array<unknown>>, BlockError | Schema.SchemaError, R> =>
  Effect.map(runAnyBlock(block, input, context), yieldsByPin)
