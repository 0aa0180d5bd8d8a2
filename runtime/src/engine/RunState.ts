/**
 * The state of one graph run as the run machine keeps it, and the commands the machine hands its caller. The
 * state is mutable so that routing a yield is cheap, but it is only ever changed by the machine's event
 * functions: replaying the same events in the same order rebuilds the same state with the same ids.
 */
import type { ExecutionId, NodeExecutionId, NodeId } from "../model/Ids.ts"
import type { ExecutionStatus } from "../model/Status.ts"
import type { CompiledGraph } from "./CompiledGraph.ts"

export interface NodeExecState {
  readonly id: NodeExecutionId
  readonly nodeId: NodeId
  status: ExecutionStatus
  /** Values received over links, keyed by sink pin name (dynamic names included). */
  readonly pins: Record<string, unknown>
  /** The merged and decoded input, set when the execution is QUEUED. */
  input: Record<string, unknown> | undefined
  /** Yields applied so far (the error yield of a failure included): the next per-node sequence number. */
  outputCount: number
  error: string | undefined
}

/** A failed node execution; `handled` when a link leaves the node's `error` pin (semantics.md "Errors"). */
export interface FailureRecord {
  readonly nodeExecutionId: NodeExecutionId
  readonly nodeId: NodeId
  readonly error: string
  readonly handled: boolean
}

/** What the caller must persist or do, in order. */
export type Command =
  /** A new INCOMPLETE execution (a snapshot taken at creation: no pins yet; PinSet commands follow). */
  | { readonly _tag: "NodeCreated"; readonly exec: NodeExecState }
  /** A value placed into an INCOMPLETE execution. */
  | {
      readonly _tag: "PinSet"
      readonly nodeExecutionId: NodeExecutionId
      readonly pin: string
      readonly value: unknown
    }
  /** The execution is ready: run its block with `input`. */
  | {
      readonly _tag: "NodeQueued"
      readonly nodeExecutionId: NodeExecutionId
      readonly nodeId: NodeId
      readonly input: Record<string, unknown>
    }
  /** The engine failed the execution (its input did not fit the block); the error has been routed. */
  | { readonly _tag: "NodeFailed"; readonly nodeExecutionId: NodeExecutionId; readonly error: string }
  /** A value reached an AgentOutput node named `name`. */
  | { readonly _tag: "GraphOutput"; readonly name: string; readonly value: unknown }
  | { readonly _tag: "NodeTerminated"; readonly nodeExecutionId: NodeExecutionId }

/** INCOMPLETE executions of one node that lack one pin, oldest first. Entries are dropped lazily at the head. */
export interface WaitQueue {
  readonly items: Array<NodeExecState>
  head: number
}

export interface RunState {
  readonly executionId: ExecutionId
  readonly compiled: CompiledGraph
  /** Every node execution, in creation order. */
  readonly nodeExecs: Array<NodeExecState>
  readonly execById: Map<NodeExecutionId, NodeExecState>
  /** nodeId -> sink pin -> the latest value seen on a static link into it. */
  readonly staticValues: Map<NodeId, Map<string, unknown>>
  /** AgentOutput name -> values in arrival order. */
  readonly outputs: Map<string, Array<unknown>>
  readonly failures: Array<FailureRecord>
  /** nodeId -> sink pin -> INCOMPLETE executions lacking it. */
  readonly waiting: Map<NodeId, Map<string, WaitQueue>>
  /** Node executions created so far; the n-th gets id `${executionId}.${n}`. */
  created: number
  /** Node executions QUEUED or RUNNING. */
  active: number
  cancelled: boolean
}

export const makeState = (compiled: CompiledGraph, executionId: ExecutionId): RunState => ({
  executionId,
  compiled,
  nodeExecs: [],
  execById: new Map(),
  staticValues: new Map(),
  outputs: new Map(),
  failures: [],
  waiting: new Map(),
  created: 0,
  active: 0,
  cancelled: false
})
