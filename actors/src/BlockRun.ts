/**
 * One attempt of a block, wherever it runs (BlockExecutor on a runner, InlineBlocks in a driver's step or at a
 * starter): the input decoded at this edge with the block's own schema, what the block sees of its node execution,
 * and its yields checked against its output schema, block errors turned into `BlockFailure`.
 */
import { Effect, type Redacted, Schema, Stream } from "effect"
import { type AnyBlock, type BlockContext, BlockError } from "@weft/block-sdk"
import type { BlockServices } from "@weft/runtime"
import type { ExecuteRequest } from "./RunDeps.ts"
import { BlockFailure, type NodeEventMessage } from "./RunProtocol.ts"

const describeIssue = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Checks one yield against the output pin's schema; `dynamicOutput` blocks may yield any pin. */
const checkYield = (block: AnyBlock<BlockServices>, y: { readonly pin: string; readonly value: unknown }) => {
  if (y.pin === "error") {
    return Effect.fail(new BlockFailure({ message: String(y.value), retryable: false }))
  }
  const pinSchema = block.output[y.pin]
  if (pinSchema === undefined) {
    if (block.dynamicOutput === true) {
      return Effect.succeed<NodeEventMessage>({ _tag: "Yield", pin: y.pin, value: y.value })
    }
    return Effect.fail(
      new BlockFailure({ message: `block ${block.id} yielded unknown output pin "${y.pin}"`, retryable: false })
    )
  }
  return Schema.decodeUnknownEffect(pinSchema)(y.value).pipe(
    Effect.map((value): NodeEventMessage => ({ _tag: "Yield", pin: y.pin, value })),
    Effect.mapError(
      (e) =>
        new BlockFailure({
          message: `block ${block.id} yielded an invalid value on "${y.pin}": ${describeIssue(e)}`,
          retryable: false
        })
    )
  )
}

/** The request's input as the block's `run` takes it, or a failure naming what does not fit. */
export const decodeInput = (block: AnyBlock<BlockServices>, input: unknown) =>
  Schema.decodeUnknownEffect(block.inputSchema)(input).pipe(
    Effect.mapError((e) => new BlockFailure({ message: `invalid input: ${describeIssue(e)}`, retryable: false }))
  )

/** What the block sees of its node execution: ids, attempt, idempotency key, its credentials' values, a logger. */
export const blockContext = (
  request: ExecuteRequest,
  credentials: Readonly<Record<string, Redacted.Redacted<string>>>
): BlockContext => ({
  executionId: request.executionId,
  nodeExecutionId: request.nodeExecutionId,
  nodeId: request.nodeId,
  attempt: request.attempt,
  idempotencyKey: `${request.executionId}/${request.nodeExecutionId}`,
  credentials,
  log: (message, fields) =>
    Effect.logInfo(message).pipe(
      Effect.annotateLogs({ ...fields, executionId: request.executionId, nodeId: request.nodeId })
    )
})

const blockFailure = (e: BlockError) => new BlockFailure({ message: e.message, retryable: e.retryable !== false })

/** Runs the block on an input `decodeInput` gave, its yields checked and its errors as `BlockFailure`. */
export const runBlock = (
  block: AnyBlock<BlockServices>,
  input: unknown,
  ctx: BlockContext
): Stream.Stream<NodeEventMessage, BlockFailure, BlockServices> => {
  // Decoded with this block's own input schema, so the erased signature holds.
  const run = block.run as (
    input: unknown,
    ctx: BlockContext
  ) => Stream.Stream<{ readonly pin: string; readonly value: unknown }, BlockError, BlockServices>
  return run(input, ctx).pipe(
    Stream.mapError(blockFailure),
    Stream.mapEffect((y) => checkYield(block, y))
  )
}

/**
 * `runBlock`'s outcome, collected, for an instant block (`Block.instant`): its yields come from the function itself,
 * not from a stream, so a node execution costs a few steps of the fiber instead of a stream's machinery.
 */
export const runInstant = (
  block: AnyBlock<BlockServices>,
  yields: NonNullable<AnyBlock<BlockServices>["instant"]>,
  input: unknown
): Effect.Effect<ReadonlyArray<NodeEventMessage>, BlockFailure> =>
  Effect.suspend(() => {
    // Decoded with this block's own input schema, so the erased signature holds.
    const outcome = yields(input as never)
    return outcome instanceof BlockError
      ? Effect.fail(blockFailure(outcome))
      : Effect.forEach(outcome, (y) => checkYield(block, y))
  })
