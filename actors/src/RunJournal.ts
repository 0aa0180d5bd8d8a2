/**
 * Loads what a run driver needs to (re)start a run: the execution, its graph version, and the journal of
 * everything that already happened to it (every stored yield and every node end, in the order the driver
 * applied them). Replaying the journal through the pure engine rebuilds the exact state the previous driver
 * had, so a run resumed on another runner neither loses nor repeats a value.
 */
import { Effect, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { Access, ExecutionStatus, type Graph, GraphId, GraphVersion, StuckNode } from "@weft/runtime"
import { GraphVersions } from "./GraphVersions.ts"
import type { FreshRun } from "./RunProtocol.ts"

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
  /** Built from its starter's FreshRun rather than loaded: still to be confirmed QUEUED by the driver. */
  readonly fresh?: true
}

const JournalRow = Schema.Struct({
  id: Schema.String,
  graph_id: Schema.String,
  graph_version: Schema.Number,
  user_id: Schema.String,
  status: ExecutionStatus,
  inputs: Schema.Record(Schema.String, Schema.Unknown),
  outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
  stuck_nodes: Schema.Array(StuckNode),
  parent_execution_id: Schema.NullOr(Schema.String),
  /** [node execution id, seq, pin, value, run_seq] in run_seq order */
  yields: Schema.Array(Schema.Tuple([Schema.String, Schema.Number, Schema.String, Schema.Unknown, Schema.Number])),
  /** [id, status, error, end_seq, attempt] */
  nodes: Schema.Array(
    Schema.Tuple([
      Schema.String,
      ExecutionStatus,
      Schema.NullOr(Schema.String),
      Schema.NullOr(Schema.Number),
      Schema.Number
    ])
  )
})
const decodeRow = Schema.decodeUnknownEffect(JournalRow)

/** One statement, so one round trip and one consistent snapshot of the run, its node executions and outputs. */
export const loadRun = Effect.fnUntraced(function* (executionId: string) {
  const sql = yield* SqlClient.SqlClient
  const graphs = yield* GraphVersions
  const rows = yield* sql`
    SELECT e.id, e.graph_id, e.graph_version, e.user_id, e.status, e.inputs, e.outputs, e.stuck_nodes,
           e.parent_execution_id,
           coalesce((SELECT json_agg(json_build_array(o.node_execution_id, o.seq, o.pin, o.value, o.run_seq)
                                     ORDER BY o.run_seq)
                     FROM node_outputs o WHERE o.execution_id = e.id), '[]') AS yields,
           coalesce((SELECT json_agg(json_build_array(n.id, n.status, n.error, n.end_seq, n.attempt))
                     FROM node_executions n WHERE n.execution_id = e.id), '[]') AS nodes
    FROM executions e WHERE e.id = ${executionId}`
  if (rows.length === 0) return undefined
  const e = yield* decodeRow(rows[0]).pipe(Effect.orDie)
  const graph = yield* graphs.get(GraphId.make(e.graph_id), Access.admin, GraphVersion.make(e.graph_version))
  const journal: Array<JournalEntry> = e.yields.map(([nodeExecutionId, seq, pin, value, runSeq]) => ({
    _tag: "Yield",
    runSeq,
    nodeExecutionId,
    seq,
    pin,
    value
  }))
  const attempts = new Map<string, number>()
  for (const [id, status, error, endSeq, attempt] of e.nodes) {
    attempts.set(id, attempt)
    if (endSeq !== null && (status === "COMPLETED" || status === "FAILED")) {
      journal.push({ _tag: "End", runSeq: endSeq, nodeExecutionId: id, status, error })
    }
  }
  journal.sort((a, b) => a.runSeq - b.runSeq)
  const last = journal[journal.length - 1]
  const loaded: LoadedRun = {
    executionId: e.id,
    userId: e.user_id,
    status: e.status,
    inputs: e.inputs,
    outputs: e.outputs,
    stuckNodes: e.stuck_nodes,
    parentExecutionId: e.parent_execution_id,
    graph,
    journal,
    attempts,
    lastRunSeq: last === undefined ? 0 : last.runSeq
  }
  return loaded
})

/** The run its starter just inserted, as `loadRun` would find it: QUEUED, nothing journaled yet. */
export const freshRun = Effect.fnUntraced(function* (executionId: string, fresh: FreshRun) {
  const graphs = yield* GraphVersions
  const graph = yield* graphs.get(GraphId.make(fresh.graphId), Access.admin, GraphVersion.make(fresh.graphVersion))
  const run: LoadedRun = {
    executionId,
    userId: fresh.userId,
    status: "QUEUED",
    inputs: fresh.inputs,
    outputs: {},
    stuckNodes: [],
    parentExecutionId: fresh.parentExecutionId,
    graph,
    journal: [],
    attempts: new Map(),
    lastRunSeq: 0,
    fresh: true
  }
  return run
})
