/**
 * Routing of yields and readiness of node executions (semantics.md "Readiness and routing"). A yield is routed
 * at once over every link leaving its pin; a placed value may make a sink execution ready (QUEUED) or fail it
 * (its input does not fit the block), and a failure yields its error on the `error` pin, which is routed in
 * turn. That cascade runs from a FIFO work list rather than by recursion, so a long chain cannot overflow the
 * stack. Failures caused by routing an error (an error handler whose input does not fit) are counted per
 * event; past `maxEngineFailureCascade` of them their errors are no longer routed (and count as unhandled), so a
 * cycle of failing validations (A's error into B, B's error into A, possibly fanning out) cannot loop forever.
 */
import type { NodeId } from "../model/Ids.ts"
import type { CompiledLink, CompiledNode, PinError } from "./CompiledGraph.ts"
import { assemblePins, selectPath, setOwn } from "./PinPath.ts"
import { createExec, enqueueWaiting, takeAllWaiting, takeOldestWaiting } from "./ExecIndex.ts"
import type { Command, NodeExecState, RunState } from "./RunState.ts"

export const maxEngineFailureCascade = 1000

interface PendingYield {
  readonly exec: NodeExecState
  readonly pin: string
  readonly value: unknown
  /** The yield is the error of a failure (its routing may cascade into further failures). */
  readonly fromFailure: boolean
}

interface Step {
  readonly state: RunState
  readonly commands: Array<Command>
  readonly work: Array<PendingYield>
  /** The yield being routed is a failure's error. */
  readonly fromFailure: boolean
  /** Failures caused so far in this event by routing errors. */
  readonly cascade: { count: number }
}

export const formatPinErrors = (errors: ReadonlyArray<PinError>): string =>
  errors.map((error) => `input pin "${error.pin}": ${error.message}`).join("; ")

const compiledNode = (state: RunState, nodeId: NodeId): CompiledNode => {
  const node = state.compiled.nodeById.get(nodeId)
  if (node === undefined) throw new Error(`node ${nodeId} is not part of graph ${state.compiled.graph.id}`)
  return node
}

/** Records a failure and queues its error yield on the `error` pin (semantics.md "Errors"); returns the error. */
const recordFailure = (step: Step, exec: NodeExecState, error: string): string => {
  const node = compiledNode(step.state, exec.nodeId)
  const routed = !step.fromFailure || ++step.cascade.count <= maxEngineFailureCascade
  const message = routed
    ? error
    : `${error} (not routed: more than ${maxEngineFailureCascade} failures caused by routing errors)`
  exec.error = message
  step.state.failures.push({
    nodeExecutionId: exec.id,
    nodeId: exec.nodeId,
    error: message,
    handled: routed && node.handlesErrors
  })
  if (routed) step.work.push({ exec, pin: "error", value: message, fromFailure: true })
  return message
}

const failByEngine = (step: Step, exec: NodeExecState, error: string): void => {
  exec.status = "FAILED"
  const message = recordFailure(step, exec, error)
  // Before any command of the error's routing: those are only produced when the work list reaches it.
  step.commands.push({ _tag: "NodeFailed", nodeExecutionId: exec.id, error: message })
}

/** QUEUEs an INCOMPLETE execution whose linked pins all have values and whose merged input fits the block. */
const checkReady = (step: Step, node: CompiledNode, exec: NodeExecState): void => {
  if (exec.status !== "INCOMPLETE") return
  for (const pin of node.requiredPins) if (!Object.hasOwn(exec.pins, pin)) return
  if (node.pinNameErrors.length > 0) {
    failByEngine(step, exec, formatPinErrors(node.pinNameErrors))
    return
  }
  const decoded = node.info.validateInput(assemblePins({ ...node.node.inputDefault, ...exec.pins }))
  if (decoded._tag === "Failure") {
    failByEngine(step, exec, formatPinErrors(decoded.failure))
    return
  }
  exec.status = "QUEUED"
  exec.input = decoded.success
  step.state.active += 1
  step.commands.push({ _tag: "NodeQueued", nodeExecutionId: exec.id, nodeId: exec.nodeId, input: decoded.success })
}

const setPin = (step: Step, exec: NodeExecState, pin: string, value: unknown): void => {
  setOwn(exec.pins, pin, value)
  step.commands.push({ _tag: "PinSet", nodeExecutionId: exec.id, pin, value })
}

/** Fills the execution's still empty static-fed pins with the latest value seen on their static link. */
const fillStaticPins = (step: Step, node: CompiledNode, exec: NodeExecState): void => {
  if (node.staticPins.length === 0) return
  const values = step.state.staticValues.get(node.node.id)
  if (values === undefined) return
  for (const pin of node.staticPins)
    if (!Object.hasOwn(exec.pins, pin) && values.has(pin)) setPin(step, exec, pin, values.get(pin))
}

const newExec = (step: Step, node: CompiledNode): NodeExecState => createExec(step.state, node.node.id, step.commands)

/**
 * Places one value that travelled over `link`.
 *
 * A plain link puts it into the oldest INCOMPLETE execution of the sink lacking the pin, or into a new one.
 *
 * A static link first remembers the value, then fills every INCOMPLETE execution of the sink lacking the pin; if
 * there is none, it creates one, exactly as a plain link would. This is the literal rule of semantics.md
 * (route like any link, then fill the others that lack the pin) with the two steps merged, so that no execution
 * can receive the pin twice and a static value never creates an execution while one is waiting for it.
 * Executions that already hold an older static value keep it: only pins still empty are filled.
 */
const place = (step: Step, link: CompiledLink, value: unknown): void => {
  const { state } = step
  const sink = compiledNode(state, link.link.sinkId)
  const pin = link.link.sinkName
  let targets: Array<NodeExecState>
  if (link.link.isStatic) {
    let values = state.staticValues.get(sink.node.id)
    if (values === undefined) {
      values = new Map()
      state.staticValues.set(sink.node.id, values)
    }
    values.set(pin, value)
    targets = takeAllWaiting(state, sink.node.id, pin)
  } else {
    const oldest = takeOldestWaiting(state, sink.node.id, pin)
    targets = oldest === undefined ? [] : [oldest]
  }
  if (targets.length === 0) {
    const exec = newExec(step, sink)
    setPin(step, exec, pin, value)
    fillStaticPins(step, sink, exec)
    // A new execution is the newest one, so appending it keeps every wait queue in creation order.
    for (const required of sink.requiredPins)
      if (!Object.hasOwn(exec.pins, required)) enqueueWaiting(state, exec, required)
    checkReady(step, sink, exec)
    return
  }
  for (const exec of targets) {
    setPin(step, exec, pin, value)
    fillStaticPins(step, sink, exec)
    checkReady(step, sink, exec)
  }
}

/** Applies one yield: counts it, records a graph output, and routes it over every link leaving the pin. */
const applyYield = (step: Step, pending: PendingYield): void => {
  const { state } = step
  const { exec, pin, value } = pending
  exec.outputCount += 1
  const node = compiledNode(state, exec.nodeId)
  if (node.info.kind === "output" && pin === "output") {
    const declared = exec.input?.name
    const name = typeof declared === "string" ? declared : node.node.id
    let list = state.outputs.get(name)
    if (list === undefined) {
      list = []
      state.outputs.set(name, list)
    }
    list.push(value)
    step.commands.push({ _tag: "GraphOutput", name, value })
  }
  const routes = state.compiled.routes.get(exec.nodeId)?.get(pin)
  if (routes === undefined) return
  for (const route of routes) {
    if (route.path.length === 0) place(step, route.link, value)
    else {
      const selected = selectPath(value, route.path)
      if (selected !== undefined) place(step, route.link, selected)
    }
  }
}

/** Applies a yield and everything it cascades into; returns the commands in order. */
export const runYield = (state: RunState, exec: NodeExecState, pin: string, value: unknown): Array<Command> => {
  const commands: Array<Command> = []
  drain(state, commands, [{ exec, pin, value, fromFailure: false }])
  return commands
}

/** Marks a failure reported by the caller and routes its error; returns the commands in order. */
export const runFailure = (state: RunState, exec: NodeExecState, error: string): Array<Command> => {
  const commands: Array<Command> = []
  const work: Array<PendingYield> = []
  exec.status = "FAILED"
  recordFailure({ state, commands, work, fromFailure: false, cascade: { count: 0 } }, exec, error)
  drain(state, commands, work)
  return commands
}

const drain = (state: RunState, commands: Array<Command>, work: Array<PendingYield>): void => {
  const cascade = { count: 0 }
  for (let i = 0; i < work.length; i++) {
    const pending = work[i]
    if (pending === undefined) continue
    applyYield({ state, commands, work, fromFailure: pending.fromFailure, cascade }, pending)
  }
}
