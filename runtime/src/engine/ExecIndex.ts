/**
 * Creating node executions and finding the INCOMPLETE ones waiting for a pin, oldest first, without scanning:
 * per node and pin a FIFO of waiting executions, from which executions that got the pin (or left INCOMPLETE)
 * are dropped lazily when they reach the head. Internal to the engine; not exported from the package.
 */
import type { NodeExecutionId, NodeId } from "../model/Ids.ts"
import type { Command, NodeExecState, RunState, WaitQueue } from "./RunState.ts"

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
