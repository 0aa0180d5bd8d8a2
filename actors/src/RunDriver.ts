/**
 * Drives one graph run to its end. It is the single writer of its run: every event (a yield, a node's end, a
 * cancel) is applied to the pure engine in one fiber, the rows that step produced are committed through the
 * group-commit writer, and only then are its consequences acted on (new node runs dispatched, outputs
 * published). Restarted on another runner, it rebuilds its state by replaying the journal. A run started as fresh
 * (RunProtocol's FreshRun) that turns out not to be answers `Reload`: its entity loads it and drives it again.
 */
import { Effect, Fiber, Queue, Result, Stream } from "effect"
import * as Engine from "@weft/runtime"
import { ExecutionId, NodeExecutionId, NodeId } from "@weft/runtime"
import type { RunBroadcast } from "./RunBroadcast.ts"
import type { WriteOp } from "./ExecutionWriter.ts"
import { type Dispatch, makeStep, plan, type Step } from "./RunPlan.ts"
import { encodeBatches, type RunEventWire } from "./RunEvents.ts"
import type { LoadedRun } from "./RunJournal.ts"
import { superviseNode, type NodeEvent } from "./NodeSupervisor.ts"
import type { RunDeps } from "./RunDeps.ts"

export type DriverEvent = NodeEvent | { readonly _tag: "Cancel" }

export interface DriverHandle {
  readonly events: Queue.Queue<DriverEvent>
}

/**
 * A node's credentials are named in its free-form metadata as `credentials: { <requirement>: <credential id> }`
 * (the graph format fixes the node's other fields); only ids travel, the runner running the block reveals them.
 */
const credentialsOf = (metadata: Readonly<Record<string, unknown>>): Record<string, string> => {
  const given = metadata["credentials"]
  if (typeof given !== "object" || given === null || Array.isArray(given)) return {}
  const ids: Record<string, string> = {}
  for (const [name, id] of Object.entries(given)) if (typeof id === "string") ids[name] = id
  return ids
}

export const driveRun = Effect.fnUntraced(function* (
  deps: RunDeps,
  run: LoadedRun,
  broadcast: RunBroadcast,
  handle: DriverHandle
) {
  const compiled = deps.compile(run.graph)
  const started = Engine.start(compiled, ExecutionId.make(run.executionId), run.inputs)
  if (Result.isFailure(started)) {
    // The run was validated when it was created; a graph that no longer starts (e.g. a block gone) fails.
    const message = `run can no longer start: ${JSON.stringify(started.failure)}`
    yield* deps.writer.write(run.executionId, [
      { _tag: "UpdateExecution", id: run.executionId, status: "FAILED", stats: { error: message } }
    ])
    broadcast.emit({ _tag: "Finished", status: "FAILED", outputs: {}, stuckNodes: [] })
    return undefined
  }
  const state = started.success.state

  // Replay: rebuild the state the previous driver reached; nothing is written or dispatched.
  for (const entry of run.journal) {
    const exec = state.execById.get(NodeExecutionId.make(entry.nodeExecutionId))
    if (exec === undefined) continue
    if (exec.status === "QUEUED") Engine.onNodeStarted(state, exec.id)
    const commands =
      entry._tag === "Yield"
        ? Engine.onYield(state, exec.id, entry.pin, entry.value)
        : entry.status === "COMPLETED"
          ? Engine.onNodeCompleted(state, exec.id)
          : Engine.onNodeFailed(state, exec.id, entry.error ?? "failed")
    for (const c of commands)
      if (c._tag === "GraphOutput") broadcast.emit({ _tag: "Output", name: c.name, value: c.value })
  }

  let runSeq = run.lastRunSeq
  const fibers = new Map<string, Fiber.Fiber<void>>()
  const waiting: Array<Dispatch> = []
  const head = { executionId: run.executionId, graphId: run.graph.id, userId: run.userId }
  const publish = (events: ReadonlyArray<RunEventWire>): WriteOp => ({
    _tag: "Publish",
    executionId: run.executionId,
    payloads: encodeBatches(head, events)
  })
  // Which runner drives the run is kept in its stats, for operators (and the failover test).
  // A fresh run is taken on its starter's word that nothing happened yet, which holds only if it is still QUEUED:
  // the claim goes with the first step's rows, all written only if it holds, and nothing leaves the process
  // (a non-inline node, an output) before that commit says so.
  const claimOp: WriteOp = {
    _tag: "UpdateExecution",
    id: run.executionId,
    status: "RUNNING",
    from: ["QUEUED"],
    claim: true,
    stats: { driver: deps.runner }
  }
  let claiming = run.fresh === true
  if (!claiming) {
    yield* deps.writer.enqueue(run.executionId, [
      run.status === "QUEUED"
        ? { _tag: "UpdateExecution", id: run.executionId, status: "RUNNING", stats: { driver: deps.runner } }
        : { _tag: "UpdateExecution", id: run.executionId, stats: { driver: deps.runner } },
      publish([{ _tag: "graph", status: "RUNNING" }])
    ])
  }

  const launch = (id: string, nodeId: string, input: Record<string, unknown>) =>
    Effect.gen(function* () {
      const node = compiled.nodeById.get(NodeId.make(nodeId))
      if (node === undefined) return
      const attempt = (run.attempts.get(id) ?? 0) + 1
      const execId = NodeExecutionId.make(id)
      // A node RUNNING when the previous driver stopped is re-run: only its attempt changes.
      const rerun = state.execById.get(execId)?.status === "RUNNING"
      Engine.onNodeStarted(state, execId)
      // Not awaited: the writer commits in submission order, so this lands before the node's end.
      yield* deps.writer.enqueue(run.executionId, [
        {
          _tag: "UpdateNodeExecution",
          id,
          ...(rerun ? {} : { status: "RUNNING" as const }),
          attempt,
          ...(deps.runsHere(id) ? { runner: deps.runner } : {})
        },
        publish([{ _tag: "node", id, node: nodeId, status: "RUNNING" }])
      ])
      const fiber = yield* Effect.forkChild(
        superviseNode(
          deps,
          {
            executionId: run.executionId,
            nodeExecutionId: id,
            nodeId,
            userId: run.userId,
            block: node.node.block,
            input,
            attempt,
            credentials: credentialsOf(node.node.metadata)
          },
          handle.events
        )
      )
      fibers.set(id, fiber)
    })

  const runsInline = (nodeId: string) => {
    const node = compiled.nodeById.get(NodeId.make(nodeId))
    return node !== undefined && deps.runsInline(node.node.block)
  }

  const dispatchAll = Effect.fnUntraced(function* (list: ReadonlyArray<Dispatch>) {
    for (const d of list) {
      if (fibers.size < deps.runConcurrency) yield* launch(d.id, d.nodeId, d.input)
      else waiting.push(d)
    }
  })

  // Whatever was queued or running when the previous driver stopped runs (again) now.
  // Queued ones go through the first step (inline blocks run there); ones RUNNING before are re-launched now.
  const resume: Array<Dispatch> = []
  const queued: Array<Dispatch> = []
  for (const exec of state.nodeExecs) {
    if ((exec.status === "QUEUED" || exec.status === "RUNNING") && exec.input !== undefined) {
      const dispatch = { id: exec.id, nodeId: exec.nodeId, input: exec.input }
      if (exec.status === "QUEUED") queued.push(dispatch)
      else resume.push(dispatch)
    }
  }
  yield* dispatchAll(resume)
  if (claiming && queued.length === 0) {
    const claimed = yield* deps.writer.write(run.executionId, [
      claimOp,
      publish([{ _tag: "graph", status: "RUNNING" }])
    ])
    if (claimed.skippedRuns.includes(run.executionId)) return "Reload" as const
    claiming = false
  }

  /**
   * Runs an instant, effect-free block (BlockCatalog.runsInline) inside the current step: its RUNNING, its yields
   * and its end join the step and are committed together with the values it consumed, which is safe because
   * nothing outside the run saw it run: a crash before that commit leaves no trace, and the node runs again.
   */
  const runInline = Effect.fnUntraced(function* (d: Dispatch, step: Step) {
    const node = compiled.nodeById.get(NodeId.make(d.nodeId))
    const execId = NodeExecutionId.make(d.id)
    if (node === undefined) return []
    const attempt = (run.attempts.get(d.id) ?? 0) + 1
    Engine.onNodeStarted(state, execId)
    step.ops.push({ _tag: "UpdateNodeExecution", id: d.id, status: "RUNNING", attempt, runner: deps.runner })
    step.events.push({ _tag: "node", id: d.id, node: d.nodeId, status: "RUNNING" })
    const request = {
      executionId: run.executionId,
      nodeExecutionId: d.id,
      nodeId: d.nodeId,
      userId: run.userId,
      block: node.node.block,
      input: d.input,
      attempt,
      credentials: credentialsOf(node.node.metadata)
    }
    const exit = yield* Stream.runCollect(deps.executeHere(request)).pipe(Effect.exit)
    const out: Array<DriverEvent> = []
    if (exit._tag === "Success") {
      let index = 0
      for (const m of exit.value) {
        if (m._tag === "Yield")
          out.push({ _tag: "Yield", nodeExecutionId: d.id, index: index++, pin: m.pin, value: m.value })
      }
      out.push({ _tag: "Completed", nodeExecutionId: d.id })
    } else {
      // As NodeSupervisor reports it when no retry is left (inline blocks have none).
      const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
      out.push({
        _tag: "Failed",
        nodeExecutionId: d.id,
        error: failure?._tag === "Fail" ? failure.error.message : `block crashed: ${String(exit.cause)}`
      })
    }
    return out
  })

  let cancelled = false
  while (!(Engine.isSettled(state) && fibers.size === 0 && waiting.length === 0)) {
    const step = makeStep()
    const { ops } = step
    // A cycle of inline blocks must still commit now and then (and let a Cancel in): at most this many per step.
    let inlineBudget = 256
    const deferred: Array<Dispatch> = []
    let pending: ReadonlyArray<DriverEvent> = []
    if (queued.length > 0) step.dispatch.push(...queued.splice(0))
    else pending = yield* Queue.takeAll(handle.events)
    do {
      const events = pending
      pending = []
      for (const event of events) {
        if (cancelled) break
        switch (event._tag) {
          case "Yield": {
            const exec = state.execById.get(NodeExecutionId.make(event.nodeExecutionId))
            // A re-run after a crash or retry repeats yields already applied: apply only the new ones.
            if (exec === undefined || event.index < exec.outputCount || exec.status !== "RUNNING") break
            const seq = exec.outputCount
            ops.push({
              _tag: "InsertOutput",
              nodeExecutionId: exec.id,
              executionId: run.executionId,
              seq,
              pin: event.pin,
              value: event.value,
              runSeq: ++runSeq
            })
            step.events.push({
              _tag: "output",
              id: exec.id,
              node: exec.nodeId,
              pin: event.pin,
              seq,
              value: event.value
            })
            plan(state, Engine.onYield(state, exec.id, event.pin, event.value), step)
            break
          }
          case "Attempt":
            ops.push({ _tag: "UpdateNodeExecution", id: event.nodeExecutionId, attempt: event.attempt })
            break
          case "Started":
            ops.push({ _tag: "UpdateNodeExecution", id: event.nodeExecutionId, runner: event.runner })
            break
          case "Completed":
          case "Failed": {
            fibers.delete(event.nodeExecutionId)
            const exec = state.execById.get(NodeExecutionId.make(event.nodeExecutionId))
            if (exec === undefined || exec.status !== "RUNNING") break
            const endSeq = ++runSeq
            if (event._tag === "Completed") {
              ops.push({ _tag: "UpdateNodeExecution", id: exec.id, status: "COMPLETED", endSeq })
              step.events.push({ _tag: "node", id: exec.id, node: exec.nodeId, status: "COMPLETED" })
              plan(state, Engine.onNodeCompleted(state, exec.id), step)
            } else {
              ops.push({ _tag: "UpdateNodeExecution", id: exec.id, status: "FAILED", error: event.error, endSeq })
              step.events.push({ _tag: "node", id: exec.id, node: exec.nodeId, status: "FAILED", error: event.error })
              plan(state, Engine.onNodeFailed(state, exec.id, event.error), step)
            }
            break
          }
          case "Cancel": {
            cancelled = true
            for (const fiber of fibers.values()) yield* Fiber.interrupt(fiber)
            fibers.clear()
            waiting.length = 0
            plan(state, Engine.cancel(state), step)
            step.dispatch.length = 0
            deferred.length = 0
            break
          }
        }
      }
      const inline: Array<DriverEvent> = []
      for (const d of step.dispatch.splice(0)) {
        if (!cancelled && inlineBudget > 0 && runsInline(d.nodeId)) {
          inlineBudget--
          inline.push(...(yield* runInline(d, step)))
        } else deferred.push(d)
      }
      pending = inline
    } while (pending.length > 0)
    step.dispatch.push(...deferred)
    // The step that settles the run also ends it: the run's end shares the step's commit instead of following it.
    const settled =
      !cancelled && step.dispatch.length === 0 && fibers.size === 0 && waiting.length === 0 && Engine.isSettled(state)
    const ending = settled ? Engine.result(state) : undefined
    if (ending !== undefined) {
      ops.push({
        _tag: "UpdateExecution",
        id: run.executionId,
        status: ending.status,
        outputs: ending.outputs,
        stuckNodes: ending.stuckNodes
      })
      step.events.push({ _tag: "graph", status: ending.status })
    }
    if (claiming) {
      ops.unshift(claimOp)
      step.events.unshift({ _tag: "graph", status: "RUNNING" })
    }
    if (step.events.length > 0) ops.push(publish(step.events))
    // Durable first, then routed: nothing below happens unless the step's rows are committed.
    if (step.dispatch.length === 0 && step.outputs.length === 0 && !cancelled && ending === undefined && !claiming) {
      // Nothing waits on these rows (say, a node's completion with nothing downstream): the writer commits them
      // in order with the next rows, and a crash before that only re-runs the node (its yields are deduplicated).
      yield* deps.writer.enqueue(run.executionId, ops)
    } else {
      const written = yield* deps.writer.write(run.executionId, ops)
      // Not QUEUED after all: nothing of this step was written or shown; the entity loads the run as stored.
      if (claiming && written.skippedRuns.includes(run.executionId)) return "Reload" as const
    }
    claiming = false
    for (const o of step.outputs) broadcast.emit({ _tag: "Output", name: o.name, value: o.value })
    if (ending !== undefined) {
      broadcast.emit({
        _tag: "Finished",
        status: ending.status,
        outputs: ending.outputs,
        stuckNodes: ending.stuckNodes
      })
      return undefined
    }
    if (cancelled) break
    yield* dispatchAll(step.dispatch)
    while (fibers.size < deps.runConcurrency) {
      const next = waiting.shift()
      if (next === undefined) break
      yield* launch(next.id, next.nodeId, next.input)
    }
  }

  const result = Engine.result(state)
  const status = cancelled ? "TERMINATED" : result.status
  yield* deps.writer.write(run.executionId, [
    {
      _tag: "UpdateExecution",
      id: run.executionId,
      status,
      outputs: result.outputs,
      stuckNodes: result.stuckNodes
    },
    publish([{ _tag: "graph", status }])
  ])
  if (cancelled) yield* deps.cancelChildren(run.executionId)
  broadcast.emit({ _tag: "Finished", status, outputs: result.outputs, stuckNodes: result.stuckNodes })
  return undefined
})
