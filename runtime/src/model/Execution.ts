/**
 * Graph runs, node runs and their outputs (semantics.md "Data model"), as the store records and the API returns
 * them: besides the fields semantics.md names, the engine's bookkeeping a resumed run replays (pins received so
 * far, creation order, the run sequence number of each output and completion) and nullable times for what has not
 * happened yet.
 */
import { Schema } from "effect"
import { ExecutionId, GraphId, GraphVersion, NodeExecutionId, NodeId, UserId } from "./Ids.ts"
import { ExecutionStatus } from "./Status.ts"

const JsonObject = Schema.Record(Schema.String, Schema.Unknown)

/** A node execution still INCOMPLETE when its run ended, with the pins it never received. */
export const StuckNode = Schema.Struct({
  nodeExecutionId: NodeExecutionId,
  nodeId: NodeId,
  missingPins: Schema.Array(Schema.String)
})
export type StuckNode = typeof StuckNode.Type

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
  endSeq: Schema.NullOr(Schema.Int),
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
  runSeq: Schema.Int,
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
