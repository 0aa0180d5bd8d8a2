/**
 * Graph runs, node runs and their outputs as the store records them (semantics.md "Data model").
 */
import { Schema } from "effect"
import { ExecutionId, GraphId, GraphVersion, NodeExecutionId, NodeId, UserId } from "./Ids.ts"
import { ExecutionStatus } from "./Status.ts"

export const NodeOutput = Schema.Struct({
  pin: Schema.String,
  value: Schema.Unknown,
  seq: Schema.Int,
  at: Schema.String
})
export type NodeOutput = typeof NodeOutput.Type

export const NodeExecution = Schema.Struct({
  id: NodeExecutionId,
  executionId: ExecutionId,
  nodeId: NodeId,
  status: ExecutionStatus,
  input: Schema.Record(Schema.String, Schema.Unknown),
  outputs: Schema.Array(NodeOutput),
  error: Schema.NullOr(Schema.String),
  attempt: Schema.Int,
  startedAt: Schema.NullOr(Schema.String),
  endedAt: Schema.NullOr(Schema.String)
})
export type NodeExecution = typeof NodeExecution.Type

/** A node execution still INCOMPLETE when its run ended, with the pins it never received. */
export const StuckNode = Schema.Struct({
  nodeExecutionId: NodeExecutionId,
  nodeId: NodeId,
  missingPins: Schema.Array(Schema.String)
})
export type StuckNode = typeof StuckNode.Type

export const Execution = Schema.Struct({
  id: ExecutionId,
  graphId: GraphId,
  graphVersion: GraphVersion,
  userId: UserId,
  status: ExecutionStatus,
  inputs: Schema.Record(Schema.String, Schema.Unknown),
  outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
  stuckNodes: Schema.Array(StuckNode),
  startedAt: Schema.String,
  endedAt: Schema.NullOr(Schema.String),
  parentExecutionId: Schema.NullOr(ExecutionId)
})
export type Execution = typeof Execution.Type
