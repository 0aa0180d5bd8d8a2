/**
 * The messages runners exchange about runs: the GraphRun entity (one per execution, drives the run) and the
 * NodeRun entity (runs one node execution's block and streams its yields back). Both are volatile: the
 * execution store in PostgreSQL is the durable record and RunRecovery re-sends `Start` for runs whose runner
 * died, because persisted cluster messages measured at 140–640/s here (architecture.md), far below the
 * throughput the engine must reach.
 */
import { Schema } from "effect"
import { Entity } from "effect/cluster"
import { Rpc } from "effect/rpc"
import { ExecutionStatus } from "@weft/runtime"

/** A failure of the block itself (as opposed to the runner or transport), subject to the block's retry policy. */
export class BlockFailure extends Schema.TaggedError<BlockFailure>()("BlockFailure", {
  message: Schema.String,
  retryable: Schema.Boolean
}) {}

export const NodeYield = Schema.Struct({ pin: Schema.String, value: Schema.Unknown })
export type NodeYield = typeof NodeYield.Type

/** What a NodeRun streams back: first where it runs (recorded for operators), then the block's yields. */
export const NodeEventMessage = Schema.Union([
  Schema.TaggedStruct("Started", { runner: Schema.String }),
  Schema.TaggedStruct("Yield", { pin: Schema.String, value: Schema.Unknown })
])
export type NodeEventMessage = typeof NodeEventMessage.Type

export const ExecuteNode = Rpc.make("Execute", {
  payload: {
    executionId: Schema.String,
    nodeExecutionId: Schema.String,
    nodeId: Schema.String,
    userId: Schema.String,
    block: Schema.Struct({
      id: Schema.String,
      version: Schema.optionalKey(Schema.String),
      package: Schema.optionalKey(Schema.String)
    }),
    input: Schema.Record(Schema.String, Schema.Unknown),
    attempt: Schema.Int,
    credentials: Schema.Record(Schema.String, Schema.String)
  },
  success: NodeEventMessage,
  error: BlockFailure,
  stream: true
})

export const NodeRun = Entity.make("NodeRun", [ExecuteNode])

export const StuckNodeReport = Schema.Struct({
  nodeExecutionId: Schema.String,
  nodeId: Schema.String,
  missingPins: Schema.Array(Schema.String)
})

export const RunEvent = Schema.Union([
  Schema.TaggedStruct("Output", { name: Schema.String, value: Schema.Unknown }),
  Schema.TaggedStruct("Finished", {
    status: ExecutionStatus,
    outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
    stuckNodes: Schema.Array(StuckNodeReport)
  })
])
export type RunEvent = typeof RunEvent.Type

export class RunNotFound extends Schema.TaggedError<RunNotFound>()("RunNotFound", {
  executionId: Schema.String
}) {}

/**
 * A run its starter has just inserted (QUEUED, nothing done yet): sent with the first `Start` so the entity need
 * not load what the starter already knows. The driver checks the claim when it marks the run RUNNING (only from
 * QUEUED) and loads the run from the store if it does not hold (say, the run was driven elsewhere meanwhile).
 */
export const FreshRun = Schema.Struct({
  graphId: Schema.String,
  graphVersion: Schema.Int,
  userId: Schema.String,
  inputs: Schema.Record(Schema.String, Schema.Unknown),
  parentExecutionId: Schema.NullOr(Schema.String)
})
export type FreshRun = typeof FreshRun.Type

/** Drives the run to its end (or joins the driver already running) and streams its outputs, then `Finished`. */
export const StartRun = Rpc.make("Start", {
  payload: { executionId: Schema.String, fresh: Schema.optionalKey(FreshRun) },
  success: RunEvent,
  error: RunNotFound,
  stream: true
})

export const RunEnd = Schema.Struct({
  status: ExecutionStatus,
  outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
  stuckNodes: Schema.Array(StuckNodeReport)
})
export type RunEnd = typeof RunEnd.Type

/**
 * Like `Start`, but answers only with the run's end: one request and one reply for the whole run, where `Start`
 * streams every output with an acknowledgement each. For starters that want the outcome, not the outputs as they
 * come (the gateway). The open request keeps the entity alive while the run is driven, as `Start`'s does.
 */
export const AwaitRun = Rpc.make("Await", {
  payload: { executionId: Schema.String, fresh: Schema.optionalKey(FreshRun) },
  success: RunEnd,
  error: RunNotFound
})

/** Idempotent: cancelling a finished or unknown run does nothing. */
export const CancelRun = Rpc.make("Cancel", {
  payload: { executionId: Schema.String },
  success: Schema.Boolean
})

export const GraphRun = Entity.make("GraphRun", [StartRun, AwaitRun, CancelRun])
