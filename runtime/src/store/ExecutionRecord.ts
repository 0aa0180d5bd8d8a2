/**
 * Graph runs and node runs as the store holds them, and the row schemas that decode them. These carry more than
 * model/Execution.ts: the engine's bookkeeping (pins received so far, creation order, the run sequence number of
 * each output and completion) that a resumed run replays, and nullable timestamps for what has not happened yet.
 */
import { Schema } from "effect"
import { StuckNode } from "../model/Execution.ts"
import { ExecutionId, GraphId, GraphVersion, NodeExecutionId, NodeId, UserId } from "../model/Ids.ts"
import { ExecutionStatus } from "../model/Status.ts"

const JsonObject = Schema.Record(Schema.String, Schema.Unknown)

export const ExecutionRecord = Schema.Struct({
  id: ExecutionId,
  graphId: GraphId,
  graphVersion: GraphVersion,
  userId: UserId,
  status: ExecutionStatus,
  inputs: JsonObject,
  outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
  stuckNodes: Schema.Array(StuckNode),
  stats: JsonObject,
  parentExecutionId: Schema.NullOr(ExecutionId),
  createdAt: Schema.String,
  startedAt: Schema.NullOr(Schema.String),
  endedAt: Schema.NullOr(Schema.String)
})
export type ExecutionRecord = typeof ExecutionRecord.Type

/** A node execution without its outputs (what the journal replays). */
export const NodeExecutionState = Schema.Struct({
  id: NodeExecutionId,
  executionId: ExecutionId,
  nodeId: NodeId,
  status: ExecutionStatus,
  /** Values received from links so far, by sink pin. */
  pins: JsonObject,
  /** The merged input, set once the execution was queued. */
  input: Schema.NullOr(JsonObject),
  error: Schema.NullOr(Schema.String),
  attempt: Schema.Int,
  /** Creation order within the run. */
  createdSeq: Schema.Int,
  /** Run sequence number of the event that completed or failed it. */
  endSeq: Schema.NullOr(Schema.Number),
  queuedAt: Schema.NullOr(Schema.String),
  startedAt: Schema.NullOr(Schema.String),
  endedAt: Schema.NullOr(Schema.String)
})
export type NodeExecutionState = typeof NodeExecutionState.Type

export const NodeOutputRecord = Schema.Struct({
  nodeExecutionId: NodeExecutionId,
  /** Order within the node execution. */
  seq: Schema.Int,
  pin: Schema.String,
  value: Schema.Unknown,
  /** Order within the whole run: the journal's replay order. */
  runSeq: Schema.Number,
  at: Schema.String
})
export type NodeOutputRecord = typeof NodeOutputRecord.Type

export const NodeExecutionRecord = Schema.Struct({
  ...NodeExecutionState.fields,
  outputs: Schema.Array(NodeOutputRecord)
})
export type NodeExecutionRecord = typeof NodeExecutionRecord.Type

export const ExecutionDetail = Schema.Struct({
  ...ExecutionRecord.fields,
  nodeExecutions: Schema.Array(NodeExecutionRecord)
})
export type ExecutionDetail = typeof ExecutionDetail.Type

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
