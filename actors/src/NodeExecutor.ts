/**
 * Sends one attempt of a node execution to the NodeRun entity that owns it (on whichever runner) and streams
 * the yields back. Cluster and transport errors become `InfrastructureFailure`, which the supervisor always
 * retries; the block's own failures stay `BlockFailure`.
 */
import { Context, Effect, Layer, Stream } from "effect"
import { EntityId, Sharding } from "effect/cluster"
import { BlockExecutor } from "./BlockExecutor.ts"
import type { ExecuteRequest, InfrastructureFailure } from "./RunDeps.ts"
import { type BlockFailure, NodeRun, type NodeEventMessage } from "./RunProtocol.ts"

/**
 * NodeRun entities are worker slots, not one entity per node execution: creating, registering and passivating an
 * entity for every node execution cost more CPU than running most blocks. A node execution goes to the slot its
 * id hashes to; slots are sharded over the runners like any entity, so one run's nodes still spread over all of
 * them, and a slot runs its executions concurrently.
 */
export const nodeRunSlots = 256

export const workerFor = (nodeExecutionId: string): string => {
  let h = 2166136261
  for (let i = 0; i < nodeExecutionId.length; i++) {
    h ^= nodeExecutionId.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return `slot-${(h >>> 0) % nodeRunSlots}`
}

export class NodeExecutor extends Context.Service<
  NodeExecutor,
  {
    readonly execute: (request: ExecuteRequest) => Stream.Stream<NodeEventMessage, BlockFailure | InfrastructureFailure>
    /** The node execution runs on this runner (its slot's shard is here). */
    readonly isLocal: (nodeExecutionId: string) => boolean
  }
>()("@weft/actors/NodeExecutor") {
  static readonly layer = Layer.effect(
    NodeExecutor,
    Effect.gen(function* () {
      const client = yield* NodeRun.client
      const sharding = yield* Sharding.Sharding
      const local = yield* BlockExecutor
      const isLocal = (nodeExecutionId: string) =>
        sharding.hasShardId(sharding.getShardId(EntityId.make(workerFor(nodeExecutionId)), "default"))
      const execute = (
        request: ExecuteRequest
      ): Stream.Stream<NodeEventMessage, BlockFailure | InfrastructureFailure> => {
        const slot = workerFor(request.nodeExecutionId)
        // The slot lives on this runner: run the block here directly; an RPC to ourselves would only add work.
        if (isLocal(request.nodeExecutionId)) return local.execute(request, false)
        return client(slot)
          .Execute(request)
          .pipe(
            Stream.mapError((e): BlockFailure | InfrastructureFailure =>
              e._tag === "BlockFailure" ? e : { _tag: "InfrastructureFailure", message: `${e._tag}: ${String(e)}` }
            )
          )
      }
      return NodeExecutor.of({ execute, isLocal })
    })
  )
}
