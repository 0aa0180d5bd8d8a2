/**
 * One step of a run, shared by its driver and by a starter running it instantly (InstantRun): node events applied
 * to the pure engine with the rows they make, and instant blocks (BlockCatalog.runsInline) run within the step,
 * their RUNNING, yields and end committed with the values they consumed.
 */
import { Effect } from "effect"
import * as Engine from "@weft/runtime"
import { type BlockRef, NodeExecutionId, NodeId } from "@weft/runtime"
import type { NodeEvent } from "./NodeSupervisor.ts"
import { type Dispatch, plan, type Step } from "./RunPlan.ts"
import type { ExecuteRequest } from "./RunDeps.ts"
import type { BlockFailure, NodeEventMessage } from "./RunProtocol.ts"

export interface StepContext {
  readonly executionId: string
  readonly userId: string
  /** Who runs the run's instant nodes (stored per node execution, for operators). */
  readonly runner: string
  readonly compiled: Engine.CompiledGraph
  readonly state: Engine.RunState
  /** Attempts already made per node execution (to number the next one). */
  readonly attempts: ReadonlyMap<string, number>
  readonly runsInline: (block: BlockRef) => boolean
  readonly executeInline: (request: ExecuteRequest) => Effect.Effect<ReadonlyArray<NodeEventMessage>, BlockFailure>
  /** The run's journal position so far: every stored yield and node end takes the next one. */
  runSeq: number
}

/**
 * A node's credentials are named in its free-form metadata as `credentials: { <requirement>: <credential id> }`
 * (the graph format fixes the node's other fields); only ids travel, the runner running the block reveals them.
 */
export const credentialsOf = (metadata: Readonly<Record<string, unknown>>): Record<string, string> => {
  const given = metadata["credentials"]
  if (typeof given !== "object" || given === null || Array.isArray(given)) return {}
  const ids: Record<string, string> = {}
  for (const [name, id] of Object.entries(given)) if (typeof id === "string") ids[name] = id
  return ids
}

/** Applies what a node run reported to the engine, adding the rows, events and dispatches it leads to. */
export const applyNodeEvent = (ctx: StepContext, event: NodeEvent, step: Step): void => {
  const { state, executionId } = ctx
  switch (event._tag) {
    case "Yield": {
      const exec = state.execById.get(NodeExecutionId.make(event.nodeExecutionId))
      // A re-run after a crash or retry repeats yields already applied: apply only the new ones.
      if (exec === undefined || event.index < exec.outputCount || exec.status !== "RUNNING") return
      const seq = exec.outputCount
      step.ops.push({
        _tag: "InsertOutput",
        nodeExecutionId: exec.id,
        executionId,
        seq,
        pin: event.pin,
        value: event.value,
        runSeq: ++ctx.runSeq
      })
      step.events.push({ _tag: "output", id: exec.id, node: exec.nodeId, pin: event.pin, seq, value: event.value })
      plan(state, Engine.onYield(state, exec.id, event.pin, event.value), step)
      return
    }
    case "Attempt":
      step.ops.push({ _tag: "UpdateNodeExecution", id: event.nodeExecutionId, attempt: event.attempt })
      return
    case "Started":
      step.ops.push({ _tag: "UpdateNodeExecution", id: event.nodeExecutionId, runner: event.runner })
      return
    case "Completed":
    case "Failed": {
      const exec = state.execById.get(NodeExecutionId.make(event.nodeExecutionId))
      if (exec === undefined || exec.status !== "RUNNING") return
      const endSeq = ++ctx.runSeq
      if (event._tag === "Completed") {
        step.ops.push({ _tag: "UpdateNodeExecution", id: exec.id, status: "COMPLETED", endSeq })
        step.events.push({ _tag: "node", id: exec.id, node: exec.nodeId, status: "COMPLETED" })
        plan(state, Engine.onNodeCompleted(state, exec.id), step)
      } else {
        step.ops.push({ _tag: "UpdateNodeExecution", id: exec.id, status: "FAILED", error: event.error, endSeq })
        step.events.push({ _tag: "node", id: exec.id, node: exec.nodeId, status: "FAILED", error: event.error })
        plan(state, Engine.onNodeFailed(state, exec.id, event.error), step)
      }
    }
  }
}

/** Runs one instant node inside the step and reports what it did, as a NodeSupervisor would (no retries). */
const runInline = Effect.fnUntraced(function* (ctx: StepContext, d: Dispatch, step: Step) {
  const node = ctx.compiled.nodeById.get(NodeId.make(d.nodeId))
  if (node === undefined) return []
  const attempt = (ctx.attempts.get(d.id) ?? 0) + 1
  Engine.onNodeStarted(ctx.state, NodeExecutionId.make(d.id))
  step.ops.push({ _tag: "UpdateNodeExecution", id: d.id, status: "RUNNING", attempt, runner: ctx.runner })
  step.events.push({ _tag: "node", id: d.id, node: d.nodeId, status: "RUNNING" })
  const request: ExecuteRequest = {
    executionId: ctx.executionId,
    nodeExecutionId: d.id,
    nodeId: d.nodeId,
    userId: ctx.userId,
    block: node.node.block,
    input: d.input,
    attempt,
    credentials: credentialsOf(node.node.metadata)
  }
  const exit = yield* Effect.exit(ctx.executeInline(request))
  const out: Array<NodeEvent> = []
  if (exit._tag === "Success") {
    let index = 0
    for (const m of exit.value) {
      if (m._tag === "Yield")
        out.push({ _tag: "Yield", nodeExecutionId: d.id, index: index++, pin: m.pin, value: m.value })
    }
    out.push({ _tag: "Completed", nodeExecutionId: d.id })
  } else {
    const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
    out.push({
      _tag: "Failed",
      nodeExecutionId: d.id,
      error: failure?._tag === "Fail" ? failure.error.message : `block crashed: ${String(exit.cause)}`
    })
  }
  return out
})

/** Instant node runs one step may do: a cycle of instant blocks still commits now and then (and lets a Cancel in). */
export const inlineBudget = 256

/**
 * Runs the step's instant dispatches, and those their values make ready, until none is left or `budget.left` is
 * spent; returns the dispatches left for node runs.
 */
export const runInlineWork = Effect.fnUntraced(function* (ctx: StepContext, step: Step, budget: { left: number }) {
  const deferred: Array<Dispatch> = []
  while (true) {
    const events: Array<NodeEvent> = []
    for (const d of step.dispatch.splice(0)) {
      const node = ctx.compiled.nodeById.get(NodeId.make(d.nodeId))
      if (budget.left > 0 && node !== undefined && ctx.runsInline(node.node.block)) {
        budget.left--
        events.push(...(yield* runInline(ctx, d, step)))
      } else deferred.push(d)
    }
    if (events.length === 0) return deferred
    for (const event of events) applyNodeEvent(ctx, event, step)
  }
})
