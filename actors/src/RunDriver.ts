/**
 * Drives one graph run to its end. It is the single writer of its run: every event (a yield, a node's end, a
 * cancel) is applied to the pure engine in one fiber, the rows that step produced are committed through the
 * group-commit writer, and only then are its consequences acted on (new node runs dispatched, outputs
 * published). Restarted on another runner, it rebuilds its state by replaying the journal. A run started as fresh
 * (RunProtocol's FreshRun) that turns out not to be answers `Reload`: its entity loads it and drives it again.
 */
import { Effect, Fiber, Queue, Result } from "effect"
import * as Engine from "@weft/runtime"
import { ExecutionId, NodeExecutionId, NodeId } from "@weft/runtime"
import type { RunBroadcast } from "./RunBroadcast.ts"
import type { WriteOp } from "./ExecutionWriter.ts"
import { type Dispatch, makeStep, plan } from "./RunPlan.ts"
import { encodeBatches, type RunEventWire } from "./RunEvents.ts"
import type { LoadedRun } from "./RunJournal.ts"
import { superviseNode, type NodeEvent } from "./NodeSupervisor.ts"
import type { RunDeps } from "./RunDeps.ts"
import { applyNodeEvent, credentialsOf, inlineBudget, runInlineWork, type StepContext } from "./RunSteps.ts"

export type DriverEvent = NodeEvent | { readonly _tag: "Cancel" }

export interface DriverHandle {
  readonly events: Queue.Queue<DriverEvent>
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

  const ctx: StepContext = {
    executionId: run.executionId,
    userId: run.userId,
    runner: deps.runner,
    compiled,
    state,
    attempts: run.attempts,
    runsInline: deps.runsInline,
    executeInline: deps.executeInline,
    runSeq: run.lastRunSeq
  }
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

  let cancelled = false
  while (!(Engine.isSettled(state) && fibers.size === 0 && waiting.length === 0)) {
    const step = makeStep()
    const { ops } = step
    if (queued.length > 0) step.dispatch.push(...queued.splice(0))
    else {
      for (const event of yield* Queue.takeAll(handle.events)) {
        if (event._tag === "Cancel") {
          cancelled = true
          for (const fiber of fibers.values()) yield* Fiber.interrupt(fiber)
          fibers.clear()
          waiting.length = 0
          plan(state, Engine.cancel(state), step)
          step.dispatch.length = 0
          break
        }
        if (event._tag === "Completed" || event._tag === "Failed") fibers.delete(event.nodeExecutionId)
        applyNodeEvent(ctx, event, step)
      }
    }
    // Instant blocks run inside the step, at most `inlineBudget` of them.
    const deferred = cancelled ? [] : yield* runInlineWork(ctx, step, { left: inlineBudget })
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
