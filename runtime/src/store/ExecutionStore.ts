/**
 * Graph runs in PostgreSQL, the source of truth the actors reload a run from: creating a run with its starting
 * node executions (one transaction, semantics.md "Starting a run"), reading runs, guarded status transitions,
 * and the journal a resumed run replays. The engine's hot-path writes (outputs, pins, completions) are done by
 * its batching writer with SQL of its own against the same tables.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import type { ExecutionId, GraphId, GraphVersion, NodeExecutionId, NodeId, UserId } from "../model/Ids.ts"
import { ExecutionStatus, isFinal } from "../model/Status.ts"
import type { ExecutionDetail, ExecutionRecord, NodeOutputRecord } from "../model/Execution.ts"
import {
  type ExecutionJournal,
  ExecutionRow,
  executionColumns,
  NodeExecutionRow,
  nodeExecutionColumns,
  NodeOutputRow,
  nodeOutputColumns,
  toExecutionRecord,
  toNodeExecutionState,
  toNodeOutputRecord
} from "./ExecutionRecord.ts"
import { ExecutionCursor, type InvalidCursor } from "./ExecutionCursor.ts"
import { mapStoreErrors, type StoreError } from "./StoreError.ts"

export interface NewExecution {
  readonly id: ExecutionId
  readonly graphId: GraphId
  readonly graphVersion: GraphVersion
  readonly userId: UserId
  readonly inputs: Readonly<Record<string, unknown>>
  readonly parentExecutionId?: ExecutionId | null | undefined
}

export interface NewNodeExecution {
  readonly id: NodeExecutionId
  readonly nodeId: NodeId
  /** Creation order within the run. */
  readonly createdSeq: number
  /** QUEUED (default) for a starting node with its input, INCOMPLETE for one still waiting for pins. */
  readonly status?: "QUEUED" | "INCOMPLETE" | undefined
  readonly pins?: Readonly<Record<string, unknown>> | undefined
  readonly input?: Readonly<Record<string, unknown>> | null | undefined
}

export interface ExecutionFilter {
  readonly userId?: UserId | undefined
  readonly graphId?: GraphId | undefined
  readonly statuses?: ReadonlyArray<ExecutionStatus> | undefined
  /** Only runs created at or after this time. */
  readonly createdFrom?: Date | undefined
  /** Only runs created before this time. */
  readonly createdBefore?: Date | undefined
  /** Page size, 1..500, default 50. */
  readonly limit?: number | undefined
  /** `nextCursor` of the previous page. */
  readonly cursor?: string | undefined
}

export interface ExecutionPage {
  readonly items: ReadonlyArray<ExecutionRecord>
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  readonly nextCursor: string | null
}

export type TransitionTable = "executions" | "node_executions"

/** A guarded status update either moved the row or found it in a status the target may not be entered from. */
export type TransitionResult =
  | { readonly _tag: "Transitioned"; readonly from: ExecutionStatus; readonly to: ExecutionStatus }
  | { readonly _tag: "Rejected"; readonly current: ExecutionStatus; readonly to: ExecutionStatus }

export class ExecutionNotFound extends Schema.TaggedError<ExecutionNotFound>()("ExecutionNotFound", {
  table: Schema.Literals(["executions", "node_executions"]),
  id: Schema.String
}) {}

const decodeExecutions = Schema.decodeUnknownEffect(Schema.Array(ExecutionRow))
const decodeListRows = Schema.decodeUnknownEffect(
  Schema.Array(Schema.Struct({ ...ExecutionRow.fields, created_micros: Schema.BigInt }))
)
const decodeNodeExecutions = Schema.decodeUnknownEffect(Schema.Array(NodeExecutionRow))
const decodeOutputs = Schema.decodeUnknownEffect(Schema.Array(NodeOutputRow))
const TransitionRow = Schema.Struct({ previous: Schema.NullOr(ExecutionStatus), changed: Schema.Boolean })
const decodeTransition = Schema.decodeUnknownEffect(Schema.Array(TransitionRow))

const json = (value: unknown) => JSON.stringify(value)

export class ExecutionStore extends Context.Service<
  ExecutionStore,
  {
    /** Stores the run (QUEUED) and its starting node executions in one transaction. */
    create(input: {
      readonly execution: NewExecution
      readonly nodeExecutions: ReadonlyArray<NewNodeExecution>
    }): Effect.Effect<ExecutionRecord, StoreError>
    /** The run with its node executions (by created_seq) and their outputs (by seq), from one snapshot. */
    get(id: ExecutionId): Effect.Effect<ExecutionDetail, ExecutionNotFound | StoreError>
    /** Newest first; cursor pagination on (created_at, id). */
    list(filter: ExecutionFilter): Effect.Effect<ExecutionPage, InvalidCursor | StoreError>
    /** Moves `id` to `to` if weft_can_transition allows it from its current status, stamping the times. */
    transition(
      table: TransitionTable,
      id: ExecutionId | NodeExecutionId,
      to: ExecutionStatus
    ): Effect.Effect<TransitionResult, ExecutionNotFound | StoreError>
    /** Every output of the run in run_seq order plus every node execution, from one snapshot, for replay. */
    journal(executionId: ExecutionId): Effect.Effect<ExecutionJournal, ExecutionNotFound | StoreError>
    /** Deletes the run, its node executions and outputs, and its child runs. */
    delete(id: ExecutionId): Effect.Effect<void, ExecutionNotFound | StoreError>
  }
>()("weft/store/ExecutionStore") {
  static readonly layer = Layer.effect(
    ExecutionStore,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient

      /** Reads that span several statements see one snapshot, even while the batching writer commits. */
      const snapshot = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        sql.withTransaction(Effect.andThen(sql`set transaction isolation level repeatable read, read only`, effect))

      const selectExecution = (id: ExecutionId) =>
        Effect.gen(function* () {
          const rows = yield* sql`select ${sql.literal(executionColumns)} from executions where id = ${id}`.pipe(
            Effect.flatMap(decodeExecutions)
          )
          const row = rows[0]
          if (row === undefined) return yield* new ExecutionNotFound({ table: "executions", id })
          return toExecutionRecord(row)
        })

      const selectNodeExecutions = (executionId: ExecutionId) =>
        sql`select ${sql.literal(nodeExecutionColumns)} from node_executions
            where execution_id = ${executionId} order by created_seq, id`.pipe(
          Effect.flatMap(decodeNodeExecutions),
          Effect.map((rows) => rows.map(toNodeExecutionState))
        )

      const create = Effect.fn("ExecutionStore.create")(function* (input: {
        readonly execution: NewExecution
        readonly nodeExecutions: ReadonlyArray<NewNodeExecution>
      }) {
        const { execution, nodeExecutions } = input
        return yield* sql.withTransaction(
          Effect.gen(function* () {
            const rows = yield* sql`
              insert into executions (id, graph_id, graph_version, user_id, status, inputs, parent_execution_id)
              values (${execution.id}, ${execution.graphId}, ${execution.graphVersion}, ${execution.userId},
                      'QUEUED', ${json(execution.inputs)}::jsonb, ${execution.parentExecutionId ?? null})
              returning ${sql.literal(executionColumns)}`.pipe(Effect.flatMap(decodeExecutions))
            if (nodeExecutions.length > 0) {
              // One statement for all starting nodes: arrays of columns unnested into rows.
              yield* sql`
                insert into node_executions (id, execution_id, node_id, status, pins, input, created_seq, queued_at)
                select t.id, ${execution.id}, t.node_id, t.status, t.pins::jsonb, t.input::jsonb, t.created_seq,
                       case when t.status = 'QUEUED' then now() end
                from unnest(
                  ${nodeExecutions.map((n) => n.id)}::text[],
                  ${nodeExecutions.map((n) => n.nodeId)}::text[],
                  ${nodeExecutions.map((n) => n.status ?? "QUEUED")}::text[],
                  ${nodeExecutions.map((n) => json(n.pins ?? {}))}::text[],
                  ${nodeExecutions.map((n) => (n.input === undefined || n.input === null ? null : json(n.input)))}::text[],
                  ${nodeExecutions.map((n) => n.createdSeq)}::int[]
                ) as t(id, node_id, status, pins, input, created_seq)`
            }
            const row = rows[0]
            // INSERT ... RETURNING of one row returns one row; anything else is a driver defect.
            if (row === undefined) return yield* Effect.die(new Error("insert into executions returned no row"))
            return toExecutionRecord(row)
          })
        )
      }, mapStoreErrors("ExecutionStore.create"))

      const get = Effect.fn("ExecutionStore.get")(function* (id: ExecutionId) {
        return yield* snapshot(
          Effect.gen(function* () {
            const execution = yield* selectExecution(id)
            const nodeExecutions = yield* selectNodeExecutions(id)
            const outputs = yield* sql`select ${sql.literal(nodeOutputColumns)} from node_outputs
                where execution_id = ${id} order by node_execution_id, seq`.pipe(Effect.flatMap(decodeOutputs))
            const byNode = new Map<string, Array<NodeOutputRecord>>()
            for (const row of outputs) {
              const output = toNodeOutputRecord(row)
              const list = byNode.get(output.nodeExecutionId)
              if (list === undefined) byNode.set(output.nodeExecutionId, [output])
              else list.push(output)
            }
            const detail: ExecutionDetail = {
              ...execution,
              nodeExecutions: nodeExecutions.map((node) => ({ ...node, outputs: byNode.get(node.id) ?? [] }))
            }
            return detail
          })
        )
      }, mapStoreErrors("ExecutionStore.get"))

      const list = Effect.fn("ExecutionStore.list")(function* (filter: ExecutionFilter) {
        const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 500)
        const cursor = filter.cursor === undefined ? undefined : yield* ExecutionCursor.decode(filter.cursor)
        const statuses = filter.statuses
        const where = sql.and([
          ...(filter.userId === undefined ? [] : [sql`user_id = ${filter.userId}`]),
          ...(filter.graphId === undefined ? [] : [sql`graph_id = ${filter.graphId}`]),
          ...(statuses === undefined ? [] : [sql`status = any(${[...statuses]}::text[])`]),
          ...(filter.createdFrom === undefined
            ? []
            : [sql`created_at >= ${filter.createdFrom.toISOString()}::timestamptz`]),
          ...(filter.createdBefore === undefined
            ? []
            : [sql`created_at < ${filter.createdBefore.toISOString()}::timestamptz`]),
          ...(cursor === undefined
            ? []
            : [
                sql`(created_at, id) < (timestamptz 'epoch' + ${cursor.micros}::bigint * interval '1 microsecond', ${cursor.id})`
              ])
        ])
        const rows = yield* sql`
          select ${sql.literal(executionColumns)}, (extract(epoch from created_at) * 1000000)::bigint as created_micros
          from executions where ${where}
          order by created_at desc, id desc
          limit ${limit + 1}`
        const decoded = yield* decodeListRows(rows)
        const page = decoded.slice(0, limit).map(toExecutionRecord)
        const last = decoded[limit - 1]
        const nextCursor =
          decoded.length > limit && last !== undefined ? ExecutionCursor.encode(last.created_micros, last.id) : null
        const result: ExecutionPage = { items: page, nextCursor }
        return result
      }, mapStoreErrors("ExecutionStore.list"))

      const transition = Effect.fn("ExecutionStore.transition")(function* (
        table: TransitionTable,
        id: ExecutionId | NodeExecutionId,
        to: ExecutionStatus
      ) {
        const final = isFinal(to)
        // Which timestamps a status stamps: runs and node runs differ only in queued_at.
        const stamps =
          table === "executions"
            ? sql`started_at = case when ${to} = 'RUNNING' then coalesce(started_at, now()) else started_at end,
                  ended_at = case when ${final} then now() when ${to} in ('QUEUED', 'RUNNING') then null else ended_at end`
            : sql`queued_at = case when ${to} = 'QUEUED' then now() else queued_at end,
                  started_at = case when ${to} = 'RUNNING' then now() else started_at end,
                  ended_at = case when ${final} then now() when ${to} in ('QUEUED', 'RUNNING') then null else ended_at end`
        const rows = yield* sql`
          with previous as (select status from ${sql(table)} where id = ${id}),
          changed as (
            update ${sql(table)} set status = ${to}, ${stamps}
            where id = ${id} and weft_can_transition(status, ${to})
            returning 1
          )
          select (select status from previous) as previous, exists (select 1 from changed) as changed`.pipe(
          Effect.flatMap(decodeTransition)
        )
        const row = rows[0]
        if (row === undefined || row.previous === null) return yield* new ExecutionNotFound({ table, id })
        const result: TransitionResult = row.changed
          ? { _tag: "Transitioned", from: row.previous, to }
          : { _tag: "Rejected", current: row.previous, to }
        return result
      }, mapStoreErrors("ExecutionStore.transition"))

      const journal = Effect.fn("ExecutionStore.journal")(function* (executionId: ExecutionId) {
        return yield* snapshot(
          Effect.gen(function* () {
            const execution = yield* selectExecution(executionId)
            const nodeExecutions = yield* selectNodeExecutions(executionId)
            const outputs = yield* sql`select ${sql.literal(nodeOutputColumns)} from node_outputs
                where execution_id = ${executionId} order by run_seq, node_execution_id, seq`.pipe(
              Effect.flatMap(decodeOutputs)
            )
            const result: ExecutionJournal = { execution, nodeExecutions, outputs: outputs.map(toNodeOutputRecord) }
            return result
          })
        )
      }, mapStoreErrors("ExecutionStore.journal"))

      const delete_ = Effect.fn("ExecutionStore.delete")(function* (id: ExecutionId) {
        const rows = yield* sql`delete from executions where id = ${id} returning id`
        if (rows.length === 0) return yield* new ExecutionNotFound({ table: "executions", id })
      }, mapStoreErrors("ExecutionStore.delete"))

      return ExecutionStore.of({ create, get, list, transition, journal, delete: delete_ })
    })
  )
}
