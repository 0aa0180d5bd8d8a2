/**
 * Runs one attempt of a node execution's block on this runner: decodes the input at this edge (it may have
 * crossed a process), checks every yield against the block's output schema, enforces the block's timeout and
 * turns block errors into `BlockFailure`. The NodeRun entity calls it for requests from other runners; the
 * NodeExecutor calls it directly when the node's slot lives on this runner, skipping the RPC.
 */
import { Context, Duration, Effect, Layer, type Redacted, Stream } from "effect"
import { BlockRegistry, CredentialId, CredentialVault, SubgraphRunner, UserId } from "@weft/runtime"
import { blockContext, decodeInput, runBlock } from "./BlockRun.ts"
import { ProcessIdentity } from "./ProcessIdentity.ts"
import type { ExecuteRequest } from "./RunDeps.ts"
import { BlockFailure, type NodeEventMessage } from "./RunProtocol.ts"
import { SubgraphRunnerLive } from "./SubgraphRunnerLive.ts"

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
            const input = yield* decodeInput(block, request.input)
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
            const yields = runBlock(block, input, blockContext(request, credentials)).pipe(
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
