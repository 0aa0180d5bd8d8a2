/**
 * Loads what a run driver needs to (re)start a run: the execution, its graph version, and the journal of
 * everything that already happened to it (every stored yield and every node end, in the order the driver
 * applied them). Replaying the journal through the pure engine rebuilds the exact state the previous driver
 * had, so a run resumed on another runner neither loses nor repeats a value.
 */
import { Effect } from "effect"
import {
  Access,
  type ExecutionJournal,
  ExecutionId,
  type ExecutionStatus,
  ExecutionStore,
  type Graph,
  GraphStore,
  type StuckNode
} from "@weft/runtime"

export type JournalEntry =
  | {
      readonly _tag: "Yield"
      readonly runSeq: number
      readonly nodeExecutionId: string
      readonly seq: number
      readonly pin: string
      readonly value: unknown
    }
  | {
      readonly _tag: "End"
      readonly runSeq: number
      readonly nodeExecutionId: string
      readonly status: "COMPLETED" | "FAILED"
      readonly error: string | null
    }

export interface LoadedRun {
  readonly executionId: string
  readonly userId: string
  readonly status: ExecutionStatus
  readonly inputs: Readonly<Record<string, unknown>>
  readonly outputs: Readonly<Record<string, ReadonlyArray<unknown>>>
  readonly stuckNodes: ReadonlyArray<StuckNode>
  readonly parentExecutionId: string | null
  readonly graph: Graph
  readonly journal: ReadonlyArray<JournalEntry>
  /** Attempts already made per node execution (to number the next one). */
  readonly attempts: ReadonlyMap<string, number>
  readonly lastRunSeq: number
}

export const loadRun = Effect.fnUntraced(function* (executionId: string) {
  const executions = yield* ExecutionStore
  const graphs = yield* GraphStore
  const found = yield* executions.journal(ExecutionId.make(executionId)).pipe(
    Effect.map((j) => j as ExecutionJournal | undefined),
    Effect.catchTag("ExecutionNotFound", () => Effect.succeed(undefined))
  )
  if (found === undefined) return undefined
  const e = found.execution
  const graph = yield* graphs.get(e.graphId, Access.admin, e.graphVersion)
  const journal: Array<JournalEntry> = found.outputs.map((o) => ({
    _tag: "Yield",
    runSeq: o.runSeq,
    nodeExecutionId: o.nodeExecutionId,
    seq: o.seq,
    pin: o.pin,
    value: o.value
  }))
  const attempts = new Map<string, number>()
  for (const n of found.nodeExecutions) {
    attempts.set(n.id, n.attempt)
    if (n.endSeq !== null && (n.status === "COMPLETED" || n.status === "FAILED")) {
      journal.push({ _tag: "End", runSeq: n.endSeq, nodeExecutionId: n.id, status: n.status, error: n.error })
    }
  }
  journal.sort((a, b) => a.runSeq - b.runSeq)
  const last = journal[journal.length - 1]
  const loaded: LoadedRun = {
    executionId: e.id,
    userId: e.userId,
    status: e.status,
    inputs: e.inputs,
    outputs: e.outputs,
    stuckNodes: e.stuckNodes,
    parentExecutionId: e.parentExecutionId,
    graph,
    journal,
    attempts,
    lastRunSeq: last === undefined ? 0 : last.runSeq
  }
  return loaded
})
