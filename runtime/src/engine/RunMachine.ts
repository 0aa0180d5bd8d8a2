/**
 * The run machine: the pure execution semantics of one graph run (semantics.md). The caller (the run actor)
 * feeds it what happened (a run start, a block's yield, a node's start / completion / failure, a cancellation)
 * and persists and performs the commands it returns, in order. No I/O, clock or randomness: the same events in
 * the same order give the same state, commands and node execution ids, which is how a run is rebuilt after a
 * crash.
 *
 * Events for an execution that can no longer take them (a yield after the execution was terminated or failed,
 * a second completion, any event after `cancel`) are ignored and return no commands: they are what a race with
 * a cancellation looks like, not a bug. An id the run never created is a bug in the caller and throws.
 */
import { Result, Schema } from "effect"
import type { ExecutionId, NodeExecutionId, NodeId } from "../model/Ids.ts"
import type { CompiledGraph } from "./CompiledGraph.ts"
import { setOwn } from "./PinPath.ts"
import { formatPinErrors, runFailure, runYield } from "./Routing.ts"
import { createExec, execOf, missingPins } from "./ExecIndex.ts"
import { type Command, type FailureRecord, makeState, type RunState } from "./RunState.ts"

/** The run was not started: nothing was created. HTTP 400 with these per-node errors (semantics.md step 2-3). */
export class StartRejected extends Schema.TaggedError<StartRejected>()("StartRejected", {
  message: Schema.String,
  /** nodeId -> what is wrong with that starting node's input. */
  nodeErrors: Schema.Record(Schema.String, Schema.Array(Schema.String)),
  /** Keys of `inputs` that name no AgentInput node. */
  unknownInputs: Schema.Array(Schema.String)
}) {}

export interface StartResult {
  readonly state: RunState
  readonly commands: Array<Command>
}

/** An AgentInput has a value when one is given or defaulted; `null` counts as none (AutoGPT's `None`). */
const hasValue = (value: unknown): boolean => value !== undefined && value !== null

/**
 * Starts a run: validates the starting nodes' inputs (AgentInput values from `inputs` or their defaults) and,
 * only when all of them pass, creates their executions QUEUED, in `graph.nodes` order.
 */
export const start = (
  compiled: CompiledGraph,
  executionId: ExecutionId,
  inputs: Readonly<Record<string, unknown>>
): Result.Result<StartResult, StartRejected> => {
  const nodeErrors: Record<string, Array<string>> = {}
  const addError = (nodeId: NodeId, error: string): void => {
    const list = Object.hasOwn(nodeErrors, nodeId) ? nodeErrors[nodeId] : undefined
    if (list === undefined) setOwn(nodeErrors, nodeId, [error])
    else list.push(error)
  }
  const inputNames = new Set<string>()
  const ready: Array<{ readonly nodeId: NodeId; readonly input: Record<string, unknown> }> = []
  for (const node of compiled.startingNodes) {
    const input: Record<string, unknown> = { ...node.node.inputDefault }
    if (node.info.kind === "input") {
      const name = input.name
      if (typeof name !== "string" || name === "") {
        addError(node.node.id, "AgentInput has no name")
        continue
      }
      inputNames.add(name)
      const given = Object.hasOwn(inputs, name) ? inputs[name] : undefined
      if (hasValue(given)) input.value = given
      else if (!hasValue(input.value)) {
        addError(node.node.id, `missing required input "${name}"`)
        continue
      }
    }
    const decoded = node.info.validateInput(input)
    if (decoded._tag === "Failure") addError(node.node.id, formatPinErrors(decoded.failure))
    else ready.push({ nodeId: node.node.id, input: decoded.success })
  }
  const unknownInputs = Object.keys(inputs).filter((name) => !inputNames.has(name))
  const failedNodes = Object.keys(nodeErrors)
  if (failedNodes.length > 0 || unknownInputs.length > 0) {
    const parts = [
      ...(unknownInputs.length > 0 ? [`unknown inputs: ${unknownInputs.join(", ")}`] : []),
      ...failedNodes.map((nodeId) => `node ${nodeId}: ${(nodeErrors[nodeId] ?? []).join("; ")}`)
    ]
    return Result.fail(new StartRejected({ message: `run rejected: ${parts.join("; ")}`, nodeErrors, unknownInputs }))
  }
  const state = makeState(compiled, executionId)
  const commands: Array<Command> = []
  for (const { nodeId, input } of ready) {
    const exec = createExec(state, nodeId, commands)
    exec.status = "QUEUED"
    exec.input = input
    state.active += 1
    commands.push({ _tag: "NodeQueued", nodeExecutionId: exec.id, nodeId, input })
  }
  return Result.succeed({ state, commands })
}

const isActive = (status: string): boolean => status === "QUEUED" || status === "RUNNING"

/** QUEUED -> RUNNING. */
export const onNodeStarted = (state: RunState, nodeExecutionId: NodeExecutionId): void => {
  const exec = execOf(state, nodeExecutionId)
  if (exec.status === "QUEUED") exec.status = "RUNNING"
}

/**
 * Routes one yield of a QUEUED or RUNNING execution at once. A yield on `error` is routed like any other and
 * does not fail the node: the caller reports a failure with `onNodeFailed`, which routes the error itself.
 */
export const onYield = (
  state: RunState,
  nodeExecutionId: NodeExecutionId,
  pin: string,
  value: unknown
): Array<Command> => {
  const exec = execOf(state, nodeExecutionId)
  if (!isActive(exec.status)) return []
  return runYield(state, exec, pin, value)
}

/** The block's stream ended: RUNNING (or QUEUED) -> COMPLETED. Nothing is routed by a completion. */
export const onNodeCompleted = (state: RunState, nodeExecutionId: NodeExecutionId): Array<Command> => {
  const exec = execOf(state, nodeExecutionId)
  if (!isActive(exec.status)) return []
  exec.status = "COMPLETED"
  state.active -= 1
  return []
}

/**
 * The block failed for good: marks the execution FAILED and yields `error` on its `error` pin (the yield counts
 * in `outputCount`), which is a handled failure when a link leaves that pin. No NodeFailed command: the caller
 * reported the failure; NodeFailed is for failures the engine decides.
 */
export const onNodeFailed = (state: RunState, nodeExecutionId: NodeExecutionId, error: string): Array<Command> => {
  const exec = execOf(state, nodeExecutionId)
  if (!isActive(exec.status)) return []
  state.active -= 1
  return runFailure(state, exec, error)
}

/** Nothing is QUEUED or RUNNING: nothing can happen any more, the run is over. */
export const isSettled = (state: RunState): boolean => state.active === 0

/**
 * Every QUEUED, RUNNING and INCOMPLETE execution -> TERMINATED, and the run ends TERMINATED. Idempotent; later
 * events are ignored. A run that is already over (settled) is left as it ended: cancelling a finished run
 * must not turn its COMPLETED or FAILED into TERMINATED.
 */
export const cancel = (state: RunState): Array<Command> => {
  if (state.cancelled || isSettled(state)) return []
  state.cancelled = true
  const commands: Array<Command> = []
  for (const exec of state.nodeExecs) {
    if (exec.status === "QUEUED" || exec.status === "RUNNING" || exec.status === "INCOMPLETE") {
      exec.status = "TERMINATED"
      commands.push({ _tag: "NodeTerminated", nodeExecutionId: exec.id })
    }
  }
  state.active = 0
  return commands
}

export type RunStatus = "COMPLETED" | "FAILED" | "TERMINATED"

export interface StuckNodeReport {
  readonly nodeExecutionId: NodeExecutionId
  readonly nodeId: NodeId
  readonly missingPins: Array<string>
}

export interface RunResult {
  /** TERMINATED when cancelled, FAILED when some failure was not handled by an `error` link, else COMPLETED. */
  readonly status: RunStatus
  /** AgentOutput name -> values in arrival order. */
  readonly outputs: Record<string, Array<unknown>>
  /** INCOMPLETE executions with the pins they never received (semantics.md "(Weft) stuck graph"). */
  readonly stuckNodes: Array<StuckNodeReport>
  /** The failures that made the run FAILED. */
  readonly unhandledFailures: Array<FailureRecord>
}

export const result = (state: RunState): RunResult => {
  const outputs: Record<string, Array<unknown>> = {}
  for (const [name, values] of state.outputs) setOwn(outputs, name, [...values])
  const stuckNodes: Array<StuckNodeReport> = []
  for (const exec of state.nodeExecs)
    if (exec.status === "INCOMPLETE")
      stuckNodes.push({ nodeExecutionId: exec.id, nodeId: exec.nodeId, missingPins: missingPins(state, exec) })
  const unhandledFailures = state.failures.filter((failure) => !failure.handled)
  const status: RunStatus = state.cancelled ? "TERMINATED" : unhandledFailures.length > 0 ? "FAILED" : "COMPLETED"
  return { status, outputs, stuckNodes, unhandledFailures }
}
