/**
 * Sends one attempt of a node execution to the NodeRun entity that owns it (on whichever runner) and streams
 * the yields back. Cluster and transport errors become `InfrastructureFailure`, which the supervisor always
 * retries; the block's own failures stay `BlockFailure`.
 */
import { Context, Effect, Layer, Stream } from "effect"
import type { ExecuteRequest, InfrastructureFailure } from "./RunDeps.ts"
import { type BlockFailure, NodeRun, type NodeEventMessage } from "./RunProtocol.ts"

export class NodeExecutor extends Context.Service<NodeExecutor, {
  readonly execute: (request: ExecuteRequest) => Stream.Stream<NodeEventMessage, BlockFailure | InfrastructureFailure>
}>()("@weft/actors/NodeExecutor") {
  static readonly layer = Layer.effect(
    NodeExecutor,
    Effect.gen(function*() {
      const client = yield* NodeRun.client
      const execute = (request: ExecuteRequest) =>
        client(request.nodeExecutionId).Execute(request).pipe(
          Stream.mapError((e): BlockFailure | InfrastructureFailure =>
            e._tag === "BlockFailure" ? e : { _tag: "InfrastructureFailure", message: `${e._tag}: ${String(e)}` }
          )
        )
      return NodeExecutor.of({ execute })
    })
  )
}
