/**
 * Loads what a run driver needs to (re)start a run: the execution, its graph version, and the journal of
 * everything that already happened to it (every stored yield and every node end, in the order the driver
 * applied them). Replaying the journal through the pure engine rebuilds the exact state the previous driver
 * had, so a run resumed on another runner neither loses nor repeats a value.
 */
import { Effect, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { ExecutionStatus, Graph } from "@weft/runtime"

const ExecutionRow = Schema.Struct({
  id: Schema.String,
  graph_id: Schema.String,
  graph_version: Schema.Number,
  user_id: Schema.String,
  status: ExecutionStatus,
  inputs: Schema.Record(Schema.String, Schema.Unknown),
  outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
  stuck_nodes: Schema.Array(Schema.Unknown),
  parent_execution_id: Schema.NullOr(Schema.String),
  graph: Schema.Unknown
})

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
  readonly stuckNodes: ReadonlyArray<unknown>
  readonly parentExecutionId: string | null
  readonly graph: Graph
  readonly journal: ReadonlyArray<JournalEntry>
  /** Attempts already made per node execution (to number the next one). */
  readonly attempts: ReadonlyMap<string, number>
  readonly lastRunSeq: number
}

const decodeExecution = Schema.decodeUnknownEffect(ExecutionRow)
const decodeGraph = Schema.decodeUnknownEffect(Graph)

export const loadRun = Effect.fnUntraced(function*(executionId: string) {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql`
    SELECT e.id, e.graph_id, e.graph_version, e.user_id, e.status, e.inputs, e.outputs, e.stuck_nodes,
           e.parent_execution_id,
           jsonb_build_object('id', g.id, 'version', g.version, 'name', g.name, 'description', g.description,
             'nodes', g.nodes, 'links', g.links, 'isActive', g.is_active, 'ownerId', g.owner_id,
             'createdAt', to_char(g.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS graph
    FROM executions e JOIN graphs g ON g.id = e.graph_id AND g.version = e.graph_version
    WHERE e.id = ${executionId}`
  if (rows.length === 0) return undefined
  const row = yield* decodeExecution(rows[0]).pipe(Effect.orDie)
  const graph = yield* decodeGraph(row.graph).pipe(Effect.orDie)

  const outputs = yield* sql<{
    node_execution_id: string
    seq: number
    pin: string
    value: unknown
    run_seq: string | number
  }>`SELECT node_execution_id, seq, pin, value, run_seq FROM node_outputs
     WHERE execution_id = ${executionId} ORDER BY run_seq`
  const ends = yield* sql<{
    id: string
    status: string
    error: string | null
    end_seq: string | number | null
    attempt: number
  }>`SELECT id, status, error, end_seq, attempt FROM node_executions WHERE execution_id = ${executionId}`

  const journal: Array<JournalEntry> = outputs.map((o) => ({
    _tag: "Yield",
    runSeq: Number(o.run_seq),
    nodeExecutionId: o.node_execution_id,
    seq: o.seq,
    pin: o.pin,
    value: o.value
  }))
  const attempts = new Map<string, number>()
  for (const e of ends) {
    attempts.set(e.id, e.attempt)
    if (e.end_seq !== null && (e.status === "COMPLETED" || e.status === "FAILED")) {
      journal.push({
        _tag: "End",
        runSeq: Number(e.end_seq),
        nodeExecutionId: e.id,
        status: e.status,
        error: e.error
      })
    }
  }
  journal.sort((a, b) => a.runSeq - b.runSeq)
  const last = journal[journal.length - 1]
  const loaded: LoadedRun = {
    executionId: row.id,
    userId: row.user_id,
    status: row.status,
    inputs: row.inputs,
    outputs: row.outputs,
    stuckNodes: row.stuck_nodes,
    parentExecutionId: row.parent_execution_id,
    graph,
    journal,
    attempts,
    lastRunSeq: last === undefined ? 0 : last.runSeq
  }
  return loaded
})
