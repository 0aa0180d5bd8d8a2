/**
 * What a run driver and its node supervisors need from the runner they live on, gathered once per runner so
 * the hot path does no service look-ups.
 */
import type { Effect, Stream } from "effect"
import type { BlockRef } from "@weft/runtime"
import type * as Engine from "@weft/runtime"
import type { ExecutionWriter } from "./ExecutionWriter.ts"
import type { BlockFailure, NodeEventMessage } from "./RunProtocol.ts"

export interface ExecuteRequest {
  readonly executionId: string
  readonly nodeExecutionId: string
  readonly nodeId: string
  readonly userId: string
  readonly block: BlockRef
  readonly input: Record<string, unknown>
  readonly attempt: number
  /** Credential ids by the names the block declared; revealed only where the block runs. */
  readonly credentials: Readonly<Record<string, string>>
}

export interface RunDeps {
  /** `host:port` of the runner the driver runs on. */
  readonly runner: string
  readonly writer: ExecutionWriter["Service"]
  readonly blockInfo: (node: Engine.Node) => Engine.BlockInfo
  /** The graph compiled for execution (cached per saved version). */
  readonly compile: (graph: Engine.Graph) => Engine.CompiledGraph
  /** The retry policy of a node's block (extra attempts, first backoff in ms). */
  readonly retryPolicy: (block: BlockRef) => { readonly times: number; readonly backoffMs: number }
  /** The block is instant and effect-free (BlockCatalog.runsInline): its node may run inside the driver's step. */
  readonly runsInline: (block: BlockRef) => boolean
  /** Runs one attempt of an inline node execution in this process (InlineBlocks). */
  readonly executeInline: (request: ExecuteRequest) => Effect.Effect<ReadonlyArray<NodeEventMessage>, BlockFailure>
  /** Runs one attempt of a node execution on whichever runner owns it. */
  readonly execute: (request: ExecuteRequest) => Stream.Stream<NodeEventMessage, BlockFailure | InfrastructureFailure>
  readonly cancelChildren: (executionId: string) => Effect.Effect<void>
  /** The node execution will run on this runner (then no `Started` message says where). */
  readonly runsHere: (nodeExecutionId: string) => boolean
  /** Node executions of one run that may run at once. */
  readonly runConcurrency: number
  /** Re-attempts of a node after its runner or the transport failed (not the block). */
  readonly infrastructureRetries: number
}

/** The runner running a node, or the way to it, failed: not the block's fault, so always re-run. */
export interface InfrastructureFailure {
  readonly _tag: "InfrastructureFailure"
  readonly message: string
}
