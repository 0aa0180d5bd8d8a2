/**
 * Runs one attempt of a node execution's block on this runner: decodes the input at this edge (it may have
 * crossed a process), checks every yield against the block's output schema, enforces the block's timeout and
 * turns block errors into `BlockFailure`. The NodeRun entity calls it for requests from other runners; the
 * NodeExecutor calls it directly when the node's slot lives on this runner, skipping the RPC.
 */
import { Context, Duration, Effect, Layer, type Redacted, Schema, Stream } from "effect"
import type { AnyBlock, BlockContext, BlockError } from "@weft/block-sdk"
import { BlockRegistry, type BlockServices, CredentialId, CredentialVault, SubgraphRunner, UserId } from "@weft/runtime"
import { ProcessIdentity } from "./ProcessIdentity.ts"
import type { ExecuteRequest } from "./RunDeps.ts"
import { BlockFailure, type NodeEventMessage } from "./RunProtocol.ts"
import { SubgraphRunnerLive } from "./SubgraphRunnerLive.ts"

export const describeIssue = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Checks one yield against the output pin's schema; `dynamicOutput` blocks may yield any pin. */
export const checkYield = (block: AnyBlock<BlockServices>, y: { readonly pin: string; readonly value: unknown }) => {
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

/** A limit on the whole run, not per yield: a block that trickles values forever still stops. */
const withTimeout = <A, R>(stream: Stream.Stream<A, BlockFailure, R>, timeout: Duration.Input | undefined) => {
  if (timeout === undefined) return stream
  const limit = Duration.fromInputUnsafe(timeout)
  const expired = new BlockFailure({ message: `timed out after ${Duration.format(limit)}`, retryable: true })
  return stream.pipe(Stream.interruptWhen(Effect.andThen(Effect.sleep(limit), Effect.fail(expired))))
}

export class BlockExecutor extends Context.Service<
  BlockExecutor,
  {
    /** `announce`: start the stream with `Started` (where it runs), for a driver on another runner. */
    readonly execute: (request: ExecuteRequest, announce: boolean) => Stream.Stream<NodeEventMessage, BlockFailure>
  }
>()("@weft/actors/BlockExecutor") {
  static readonly layer = Layer.effect(
    BlockExecutor,
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      const vault = yield* CredentialVault
      const subgraphs = yield* SubgraphRunnerLive
      const identity = yield* ProcessIdentity
      const started = Stream.succeed<NodeEventMessage>({ _tag: "Started", runner: identity })

      const execute = (request: ExecuteRequest, announce: boolean) =>
        Stream.unwrap(
          Effect.gen(function* () {
            const block = yield* registry
              .resolve(request.block)
              .pipe(Effect.mapError((e) => new BlockFailure({ message: e.message, retryable: false })))
            const input = yield* Schema.decodeUnknownEffect(block.inputSchema)(request.input).pipe(
              Effect.mapError(
                (e) => new BlockFailure({ message: `invalid input: ${describeIssue(e)}`, retryable: false })
              )
            )
            // Only the credentials this node was given, as values; the block never sees the vault.
            const credentials: Record<string, Redacted.Redacted<string>> = {}
            for (const [name, id] of Object.entries(request.credentials)) {
              if (block.credentials?.[name] === undefined) continue
              credentials[name] = yield* vault.reveal(UserId.make(request.userId), CredentialId.make(id)).pipe(
                Effect.mapError(
                  () =>
                    new BlockFailure({
                      message: `credential "${name}" is not available to this run`,
                      retryable: false
                    })
                )
              )
            }
            const ctx: BlockContext = {
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
            }
            // The input was decoded with this block's own input schema just above, so the erased signature holds.
            const run = block.run as (
              input: unknown,
              ctx: BlockContext
            ) => Stream.Stream<{ readonly pin: string; readonly value: unknown }, BlockError, BlockServices>
            const yields = run(input, ctx).pipe(
              Stream.mapError((e) => new BlockFailure({ message: e.message, retryable: e.retryable !== false })),
              Stream.mapEffect((y) => checkYield(block, y)),
              Stream.provideService(SubgraphRunner, subgraphs.forNode(request))
            )
            const run$ = withTimeout(yields, block.timeout)
            // A driver on this runner knows where the node runs; one elsewhere is told first.
            return announce ? Stream.concat(started, run$) : run$
          })
        )
      return BlockExecutor.of({ execute })
    })
  )
}
