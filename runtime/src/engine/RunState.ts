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
  | { readonly _tag: "PinSet"; readonly nodeExecutionId: NodeExecutionId; readonly pin: string; readonly value: unknown }
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

/** Node execution ids are derived from the run id and a creation counter, so a replay recreates them. */
const nextId = (state: RunState): NodeExecutionId => {
  state.created += 1
  // Boundary: an ExecutionId is non-empty, so `${id}.${n}` satisfies NodeExecutionId's check by construction;
  // skipping the runtime check keeps creation cheap.
  return `${state.executionId}.${state.created}` as NodeExecutionId
}

/** Creates an INCOMPLETE execution of `nodeId` and reports it. */
export const createExec = (state: RunState, nodeId: NodeId, commands: Array<Command>): NodeExecState => {
  const exec: NodeExecState = {
    id: nextId(state),
    nodeId,
    status: "INCOMPLETE",
    pins: {},
    input: undefined,
    outputCount: 0,
    error: undefined
  }
  state.nodeExecs.push(exec)
  state.execById.set(exec.id, exec)
  commands.push({ _tag: "NodeCreated", exec: { ...exec, pins: {} } })
  return exec
}

const queueFor = (state: RunState, nodeId: NodeId, pin: string): WaitQueue => {
  let byPin = state.waiting.get(nodeId)
  if (byPin === undefined) {
    byPin = new Map()
    state.waiting.set(nodeId, byPin)
  }
  let queue = byPin.get(pin)
  if (queue === undefined) {
    queue = { items: [], head: 0 }
    byPin.set(pin, queue)
  }
  return queue
}

const stillWaits = (exec: NodeExecState, pin: string): boolean =>
  exec.status === "INCOMPLETE" && !Object.hasOwn(exec.pins, pin)

/** Registers a (new) INCOMPLETE execution as waiting for `pin`. Callers add executions in creation order. */
export const enqueueWaiting = (state: RunState, exec: NodeExecState, pin: string): void => {
  queueFor(state, exec.nodeId, pin).items.push(exec)
}

const compact = (queue: WaitQueue): void => {
  if (queue.head > 64 && queue.head * 2 > queue.items.length) {
    queue.items.splice(0, queue.head)
    queue.head = 0
  }
}

/** The oldest INCOMPLETE execution of `nodeId` lacking `pin`, removed from its queue; undefined when none. */
export const takeOldestWaiting = (state: RunState, nodeId: NodeId, pin: string): NodeExecState | undefined => {
  const queue = state.waiting.get(nodeId)?.get(pin)
  if (queue === undefined) return undefined
  while (queue.head < queue.items.length) {
    const exec = queue.items[queue.head]
    queue.head += 1
    if (exec !== undefined && stillWaits(exec, pin)) {
      compact(queue)
      return exec
    }
  }
  queue.items.length = 0
  queue.head = 0
  return undefined
}

/** Every INCOMPLETE execution of `nodeId` lacking `pin`, oldest first; the queue is emptied. */
export const takeAllWaiting = (state: RunState, nodeId: NodeId, pin: string): Array<NodeExecState> => {
  const queue = state.waiting.get(nodeId)?.get(pin)
  if (queue === undefined) return []
  const result: Array<NodeExecState> = []
  for (let i = queue.head; i < queue.items.length; i++) {
    const exec = queue.items[i]
    if (exec !== undefined && stillWaits(exec, pin)) result.push(exec)
  }
  queue.items.length = 0
  queue.head = 0
  return result
}

/** The execution with this id; an unknown id means the caller's events do not belong to this run. */
export const execOf = (state: RunState, nodeExecutionId: NodeExecutionId): NodeExecState => {
  const exec = state.execById.get(nodeExecutionId)
  if (exec === undefined) throw new Error(`unknown node execution ${nodeExecutionId} in run ${state.executionId}`)
  return exec
}

/** The pins an INCOMPLETE execution still lacks. */
export const missingPins = (state: RunState, exec: NodeExecState): Array<string> => {
  const node = state.compiled.nodeById.get(exec.nodeId)
  return node === undefined ? [] : node.requiredPins.filter((pin) => !Object.hasOwn(exec.pins, pin))
}
