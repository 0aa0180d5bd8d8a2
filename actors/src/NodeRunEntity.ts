/**
 * The NodeRun entity: runs one node execution's block on the runner that owns it and streams the yields back
 * to the run's driver. It decodes the input at this edge (the message crossed a process), checks every yield
 * against the block's output schema, enforces the block's timeout and turns block errors into `BlockFailure`.
 */
import { Duration, Effect, Schema, Stream } from "effect"
import { Entity } from "effect/cluster"
import type { AnyBlock, BlockContext, BlockError } from "@weft/block-sdk"
import { BlockRegistry, type BlockServices, SubgraphRunner } from "@weft/runtime"
import { BlockFailure, type NodeEventMessage, NodeRun } from "./RunProtocol.ts"
import { SubgraphRunnerLive } from "./SubgraphRunnerLive.ts"

const describeIssue = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Checks one yield against the output pin's schema; `dynamicOutput` blocks may yield any pin. */
const checkYield = (block: AnyBlock<BlockServices>, y: { readonly pin: string; readonly value: unknown }) => {
  if (y.pin === "error") {
    return Effect.fail(new BlockFailure({ message: String(y.value), retryable: false }))
  }
  const pinSchema = block.output[y.pin]
  if (pinSchema === undefined) {
    if (block.dynamicOutput === true)
      return Effect.succeed<NodeEventMessage>({ _tag: "Yield", pin: y.pin, value: y.value })
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

export const NodeRunLayer = NodeRun.toLayer(
  Effect.gen(function* () {
    const registry = yield* BlockRegistry
    const subgraphs = yield* SubgraphRunnerLive
    const here = yield* Entity.CurrentRunnerAddress
    const started = Stream.succeed<NodeEventMessage>({ _tag: "Started", runner: `${here.host}:${here.port}` })
    return NodeRun.of({
      Execute: ({ payload }) =>
        Stream.unwrap(
          Effect.gen(function* () {
            const block = yield* registry
              .resolve(payload.block)
              .pipe(Effect.mapError((e) => new BlockFailure({ message: e.message, retryable: false })))
            const input = yield* Schema.decodeUnknownEffect(block.inputSchema)(payload.input).pipe(
              Effect.mapError(
                (e) => new BlockFailure({ message: `invalid input: ${describeIssue(e)}`, retryable: false })
              )
            )
            const ctx: BlockContext = {
              executionId: payload.executionId,
              nodeExecutionId: payload.nodeExecutionId,
              nodeId: payload.nodeId,
              attempt: payload.attempt,
              idempotencyKey: `${payload.executionId}/${payload.nodeExecutionId}`,
              credentials: {},
              log: (message, fields) =>
                Effect.logInfo(message).pipe(
                  Effect.annotateLogs({ ...fields, executionId: payload.executionId, nodeId: payload.nodeId })
                )
            }
            // The input was decoded with this block's own input schema just above, so the erased signature holds.
            const run = block.run as (
              input: unknown,
              ctx: BlockContext
            ) => Stream.Stream<{ readonly pin: string; readonly value: unknown }, BlockError, BlockServices>
            let stream = run(input, ctx).pipe(
              Stream.mapError((e) => new BlockFailure({ message: e.message, retryable: e.retryable !== false })),
              Stream.mapEffect((y) => checkYield(block, y))
            )
            if (block.timeout !== undefined) {
              const limit = Duration.fromInputUnsafe(block.timeout)
              // A limit on the whole run, not per yield: a block that trickles values forever still stops.
              stream = stream.pipe(
                Stream.interruptWhen(
                  Effect.sleep(limit).pipe(
                    Effect.andThen(
                      Effect.fail(
                        new BlockFailure({ message: `timed out after ${Duration.format(limit)}`, retryable: true })
                      )
                    )
                  )
                )
              )
            }
            return Stream.concat(
              started,
              stream.pipe(Stream.provideService(SubgraphRunner, subgraphs.forNode(payload)))
            )
          })
        )
    })
  }),
  { concurrency: "unbounded", maxIdleTime: Duration.minutes(5) }
)
