/**
 * What run drivers and starters hand the ExecutionWriter (WriteOp), what a commit reports back (WriteResult), and
 * the folding of one batch's ops into one insert or update per row (foldBatch), kept apart from the commit itself.
 */
import { type ExecutionStatus, allowedFrom } from "@weft/runtime"

export interface NodeExecutionRow {
  readonly id: string
  readonly executionId: string
  readonly nodeId: string
  readonly status: ExecutionStatus
  readonly pins: Readonly<Record<string, unknown>>
  readonly input: Readonly<Record<string, unknown>> | null
  readonly createdSeq: number
}

export type WriteOp =
  /**
   * NOTIFY payloads of `executionId` (see RunEvents), sent inside the batch's transaction so they arrive only if it
   * commits (and, for a start, only if the run was inserted).
   */
  | { readonly _tag: "Publish"; readonly executionId: string; readonly payloads: ReadonlyArray<string> }
  | {
      readonly _tag: "InsertExecution"
      readonly id: string
      readonly graphId: string
      readonly graphVersion: number
      readonly userId: string
      readonly inputs: Readonly<Record<string, unknown>>
      readonly parentExecutionId: string | null
      readonly stats: Readonly<Record<string, unknown>>
      /**
       * Inserted only if `graphVersion` is still the graph's active version when the batch commits; otherwise
       * nothing of this run (its node executions, its events) is written and the write reports it rejected.
       * Lets a start use the active version it remembers without asking for it first.
       */
      readonly expectActive?: boolean
    }
  | { readonly _tag: "InsertNodeExecution"; readonly row: NodeExecutionRow }
  | {
      readonly _tag: "UpdateNodeExecution"
      readonly id: string
      readonly status?: ExecutionStatus
      readonly pins?: Readonly<Record<string, unknown>>
      readonly input?: Readonly<Record<string, unknown>>
      readonly error?: string
      readonly attempt?: number
      readonly endSeq?: number
      readonly runner?: string
    }
  | {
      readonly _tag: "InsertOutput"
      readonly nodeExecutionId: string
      readonly executionId: string
      readonly seq: number
      readonly pin: string
      readonly value: unknown
      readonly runSeq: number
    }
  | {
      readonly _tag: "UpdateExecution"
      readonly id: string
      /** Omitted: only the other fields change, whatever the status. */
      readonly status?: ExecutionStatus
      /** The statuses the run may be in for `status` to apply; by default every status it may be entered from. */
      readonly from?: ReadonlyArray<ExecutionStatus>
      /**
       * A driver taking the run on its starter's word (RunProtocol's FreshRun): the run's other rows in this batch
       * are written only if the run is QUEUED when the batch commits; otherwise none is, and the write reports the
       * run in `skippedRuns`.
       */
      readonly claim?: boolean
      readonly outputs?: Readonly<Record<string, ReadonlyArray<unknown>>>
      readonly stuckNodes?: ReadonlyArray<unknown>
      readonly stats?: Readonly<Record<string, unknown>>
    }

/** Rows whose guarded status update matched nothing: a stale writer, reported rather than applied. */
export interface WriteResult {
  readonly staleNodeExecutions: number
  readonly staleExecutions: number
  /**
   * Runs none of whose rows in the batch were written: an `expectActive` insert whose version was no longer the
   * active one, or a `claim` on a run that was no longer QUEUED.
   */
  readonly skippedRuns: ReadonlyArray<string>
}

export const nothingStale: WriteResult = { staleNodeExecutions: 0, staleExecutions: 0, skippedRuns: [] }

interface PendingNodeUpdate {
  id: string
  /** The execution: a skipped run's updates are left out with its other rows. */
  run: string
  /** Statuses the row may be in for the whole chain of transitions in this batch to be legal. */
  from_allowed: string | null
  status: ExecutionStatus | null
  pins: Readonly<Record<string, unknown>> | null
  input: Readonly<Record<string, unknown>> | null
  error: string | null
  attempt: number | null
  end_seq: number | null
  runner: string | null
  started: boolean
  ended: boolean
}

interface PendingExecutionUpdate {
  id: string
  from_allowed: string | null
  status: ExecutionStatus | null
  outputs: Readonly<Record<string, ReadonlyArray<unknown>>> | null
  stuck_nodes: ReadonlyArray<unknown> | null
  stats: Readonly<Record<string, unknown>> | null
  started: boolean
  ended: boolean
}

const isEnd = (status: ExecutionStatus) => status === "COMPLETED" || status === "FAILED" || status === "TERMINATED"

/** Folds a batch of ops into one insert or update per row, preserving the order of status transitions. */
export interface BatchItem {
  readonly run: string
  readonly ops: ReadonlyArray<WriteOp>
}

export const foldBatch = (items: ReadonlyArray<BatchItem>) => {
  const inserts = new Map<string, Record<string, unknown>>()
  const nodeUpdates = new Map<string, PendingNodeUpdate>()
  const outputs: Array<Record<string, unknown>> = []
  const execUpdates = new Map<string, PendingExecutionUpdate>()
  const execInserts = new Map<string, Record<string, unknown>>()
  const notifications: Array<string> = []
  const notified: Array<string> = []
  const claims: Array<string> = []
  for (const { run, ops } of items) {
    for (const op of ops) {
      switch (op._tag) {
        case "Publish":
          for (const p of op.payloads) {
            notifications.push(p)
            notified.push(op.executionId)
          }
          break
        case "InsertExecution":
          execInserts.set(op.id, {
            id: op.id,
            graph_id: op.graphId,
            graph_version: op.graphVersion,
            user_id: op.userId,
            status: "QUEUED",
            inputs: op.inputs,
            outputs: null,
            stuck_nodes: null,
            parent_execution_id: op.parentExecutionId,
            stats: op.stats,
            started: false,
            ended: false,
            expect_active: op.expectActive === true
          })
          break
        case "InsertNodeExecution": {
          const r = op.row
          inserts.set(r.id, {
            id: r.id,
            execution_id: r.executionId,
            node_id: r.nodeId,
            status: r.status,
            pins: r.pins,
            input: r.input,
            created_seq: r.createdSeq,
            error: null,
            attempt: 0,
            end_seq: null,
            runner: null,
            queued: r.status === "QUEUED",
            started: false,
            ended: false
          })
          break
        }
        case "UpdateNodeExecution": {
          const inserted = inserts.get(op.id)
          if (inserted !== undefined) {
            // The row is created in this very batch: write its latest state in the insert itself.
            if (op.status !== undefined) {
              inserted.status = op.status
              if (op.status === "QUEUED") inserted.queued = true
              if (op.status === "RUNNING") inserted.started = true
              if (isEnd(op.status)) inserted.ended = true
            }
            if (op.pins !== undefined) inserted.pins = op.pins
            if (op.input !== undefined) inserted.input = op.input
            if (op.error !== undefined) inserted.error = op.error
            if (op.attempt !== undefined) inserted.attempt = op.attempt
            if (op.endSeq !== undefined) inserted.end_seq = op.endSeq
            if (op.runner !== undefined) inserted.runner = op.runner
            break
          }
          let u = nodeUpdates.get(op.id)
          if (u === undefined) {
            u = {
              id: op.id,
              run,
              from_allowed: null,
              status: null,
              pins: null,
              input: null,
              error: null,
              attempt: null,
              end_seq: null,
              runner: null,
              started: false,
              ended: false
            }
            nodeUpdates.set(op.id, u)
          }
          if (op.status !== undefined) {
            if (u.status === null) u.from_allowed = allowedFrom[op.status].join(",")
            u.status = op.status
            if (op.status === "RUNNING") u.started = true
            if (isEnd(op.status)) u.ended = true
          }
          if (op.pins !== undefined) u.pins = op.pins
          if (op.input !== undefined) u.input = op.input
          if (op.error !== undefined) u.error = op.error
          if (op.attempt !== undefined) u.attempt = op.attempt
          if (op.endSeq !== undefined) u.end_seq = op.endSeq
          if (op.runner !== undefined) u.runner = op.runner
          break
        }
        case "InsertOutput":
          outputs.push({
            node_execution_id: op.nodeExecutionId,
            execution_id: op.executionId,
            seq: op.seq,
            pin: op.pin,
            value: op.value === undefined ? null : op.value,
            run_seq: op.runSeq
          })
          break
        case "UpdateExecution": {
          const inserted = execInserts.get(op.id)
          if (inserted !== undefined) {
            // A run created in this very batch (InstantRun): its latest state goes into the insert itself.
            if (op.status !== undefined) {
              inserted.status = op.status
              if (op.status === "RUNNING") inserted.started = true
              if (isEnd(op.status)) inserted.ended = true
            }
            if (op.outputs !== undefined) inserted.outputs = op.outputs
            if (op.stuckNodes !== undefined) inserted.stuck_nodes = op.stuckNodes
            if (op.stats !== undefined) inserted.stats = { ...(inserted.stats as object), ...op.stats }
            break
          }
          if (op.claim === true) claims.push(op.id)
          const prev = execUpdates.get(op.id)
          const firstStatus = prev?.status ?? null
          execUpdates.set(op.id, {
            id: op.id,
            from_allowed:
              firstStatus === null
                ? op.status === undefined
                  ? null
                  : (op.from ?? allowedFrom[op.status]).join(",")
                : (prev?.from_allowed ?? null),
            status: op.status ?? prev?.status ?? null,
            outputs: op.outputs ?? prev?.outputs ?? null,
            stuck_nodes: op.stuckNodes ?? prev?.stuck_nodes ?? null,
            stats: op.stats === undefined ? (prev?.stats ?? null) : { ...prev?.stats, ...op.stats },
            started: (prev?.started ?? false) || op.status === "RUNNING",
            ended: (prev?.ended ?? false) || (op.status !== undefined && isEnd(op.status))
          })
          break
        }
      }
    }
  }
  return {
    notifications,
    notified,
    execInserts: [...execInserts.values()],
    inserts: [...inserts.values()],
    nodeUpdates: [...nodeUpdates.values()],
    outputs,
    execUpdates: [...execUpdates.values()],
    claims
  }
}
