/**
 * The rows of runs, node runs and outputs as PostgreSQL returns them, and their conversion to the model's records
 * (model/Execution.ts).
 */
import { Schema } from "effect"
import { type ExecutionRecord, type NodeExecutionState, type NodeOutputRecord, StuckNode } from "../model/Execution.ts"
import { ExecutionId, GraphId, GraphVersion, NodeExecutionId, NodeId, UserId } from "../model/Ids.ts"
import { ExecutionStatus } from "../model/Status.ts"

const JsonObject = Schema.Record(Schema.String, Schema.Unknown)

/** Everything needed to rebuild a run's state after a crash: outputs in run order, node executions in creation order. */
export interface ExecutionJournal {
  readonly execution: ExecutionRecord
  readonly nodeExecutions: ReadonlyArray<NodeExecutionState>
  readonly outputs: ReadonlyArray<NodeOutputRecord>
}

// Rows as PostgreSQL returns them through @effect/sql-pg: timestamptz as Date, bigint as BigInt, jsonb parsed.

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString())

export const ExecutionRow = Schema.Struct({
  id: ExecutionId,
  graph_id: GraphId,
  graph_version: GraphVersion,
  user_id: UserId,
  status: ExecutionStatus,
  inputs: JsonObject,
  outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
  stuck_nodes: Schema.Array(StuckNode),
  stats: JsonObject,
  parent_execution_id: Schema.NullOr(ExecutionId),
  created_at: Schema.Date,
  started_at: Schema.NullOr(Schema.Date),
  ended_at: Schema.NullOr(Schema.Date)
})
export const executionColumns =
  "id, graph_id, graph_version, user_id, status, inputs, outputs, stuck_nodes, stats, parent_execution_id, created_at, started_at, ended_at"

export const toExecutionRecord = (row: typeof ExecutionRow.Type): ExecutionRecord => ({
  id: row.id,
  graphId: row.graph_id,
  graphVersion: row.graph_version,
  userId: row.user_id,
  status: row.status,
  inputs: row.inputs,
  outputs: row.outputs,
  stuckNodes: row.stuck_nodes,
  stats: row.stats,
  parentExecutionId: row.parent_execution_id,
  createdAt: row.created_at.toISOString(),
  startedAt: iso(row.started_at),
  endedAt: iso(row.ended_at)
})

export const NodeExecutionRow = Schema.Struct({
  id: NodeExecutionId,
  execution_id: ExecutionId,
  node_id: NodeId,
  status: ExecutionStatus,
  pins: JsonObject,
  input: Schema.NullOr(JsonObject),
  error: Schema.NullOr(Schema.String),
  attempt: Schema.Int,
  created_seq: Schema.Int,
  end_seq: Schema.NullOr(Schema.BigInt),
  queued_at: Schema.NullOr(Schema.Date),
  started_at: Schema.NullOr(Schema.Date),
  ended_at: Schema.NullOr(Schema.Date)
})
export const nodeExecutionColumns =
  "id, execution_id, node_id, status, pins, input, error, attempt, created_seq, end_seq, queued_at, started_at, ended_at"

export const toNodeExecutionState = (row: typeof NodeExecutionRow.Type): NodeExecutionState => ({
  id: row.id,
  executionId: row.execution_id,
  nodeId: row.node_id,
  status: row.status,
  pins: row.pins,
  input: row.input,
  error: row.error,
  attempt: row.attempt,
  createdSeq: row.created_seq,
  endSeq: row.end_seq === null ? null : Number(row.end_seq),
  queuedAt: iso(row.queued_at),
  startedAt: iso(row.started_at),
  endedAt: iso(row.ended_at)
})

export const NodeOutputRow = Schema.Struct({
  node_execution_id: NodeExecutionId,
  seq: Schema.Int,
  pin: Schema.String,
  value: Schema.Unknown,
  run_seq: Schema.BigInt,
  at: Schema.Date
})
export const nodeOutputColumns = "node_execution_id, seq, pin, value, run_seq, at"

export const toNodeOutputRecord = (row: typeof NodeOutputRow.Type): NodeOutputRecord => ({
  nodeExecutionId: row.node_execution_id,
  seq: row.seq,
  pin: row.pin,
  value: row.value,
  runSeq: Number(row.run_seq),
  at: row.at.toISOString()
})
