/**
 * Group-commit writer for the hot path of runs. Every run driver hands it the rows one engine step produced;
 * the writer folds whatever arrived while the previous commit was in flight into ONE transaction and resolves
 * every submitter when that commit is durable. architecture.md measured ~1,300 single-row commits/s here
 * against ~34,000 rows/s when rows share a commit, so this is what lets many runs reach thousands of node
 * executions per second while still storing every yield before it is routed.
 */
import { Context, Deferred, Effect, Layer, Queue } from "effect"
import type { SqlClient } from "effect/sql"
import type { Fragment } from "effect/sql/Statement"
import { PgClient } from "@effect/sql-pg"
import * as Reactivity from "effect/reactivity/Reactivity"
import { eventsChannel, packPayloads } from "./RunEvents.ts"
import { type BatchItem, foldBatch, nothingStale, type WriteOp, type WriteResult } from "./WriteBatch.ts"

export type { NodeExecutionRow, WriteOp, WriteResult } from "./WriteBatch.ts"

/** How long rows nobody waits for may wait for company before they are committed alone. */
const lingerMs = 3

/** Commits in flight at once (each on its own connection); WEFT_WRITER_LANES. */
const laneCount = Math.max(1, Number(process.env["WEFT_WRITER_LANES"] ?? 1))

export class ExecutionWriter extends Context.Service<
  ExecutionWriter,
  {
    /** Resolves once `run`'s rows are committed (with whatever else shared their commit). */
    readonly write: (run: string, ops: ReadonlyArray<WriteOp>) => Effect.Effect<WriteResult>
    /** Submits without waiting; still committed in submission order relative to later writes of `run`. */
    readonly enqueue: (run: string, ops: ReadonlyArray<WriteOp>) => Effect.Effect<void>
  }
>()("@weft/actors/ExecutionWriter") {
  static readonly layer = Layer.effect(
    ExecutionWriter,
    Effect.gen(function* () {
      const shared = yield* PgClient.PgClient
      // The writer's own connection per lane (a pool of its own, so a broken one is replaced): every commit runs
      // on the same backend, whose caches and prepared statements stay warm, instead of on whichever connection
      // of the shared pool is free.
      const pg = yield* PgClient.make({
        ...shared.config,
        maxConnections: laneCount,
        minConnections: laneCount
      }).pipe(Effect.provide(Reactivity.layer))
      const sql: SqlClient.SqlClient = pg
      type Item = BatchItem & { done: Deferred.Deferred<WriteResult>; urgent: boolean }
      /**
       * Lanes commit in parallel, each one batch at a time. All writes of one run go to the same lane, so they
       * commit in the order they were submitted (a node's RUNNING before its COMPLETED).
       */
      const lanes: Array<Queue.Queue<Item>> = []
      const first = yield* Queue.unbounded<Item>()
      lanes.push(first)
      for (let i = 1; i < laneCount; i++) lanes.push(yield* Queue.unbounded<Item>())
      const laneOf = (run: string) => {
        let h = 0
        for (let i = 0; i < run.length; i++) h = (Math.imul(h, 31) + run.charCodeAt(i)) | 0
        return lanes[(h >>> 0) % lanes.length] ?? first
      }

      /**
       * The row sets come in as JSON (jsonb_to_recordset), which the planner guesses at 100 rows: against tables
       * of a few thousand rows it then joined by scanning the whole table every commit (measured: 3,000 tuples
       * read per commit, most of PostgreSQL's CPU per run). `LIMIT <the batch's size>` gives it the real count, so
       * the updates go through the primary keys.
       *
       * One statement per batch: every insert and guarded update as a data-modifying CTE. A single statement is
       * atomic by itself, so the batch costs one round trip and one commit instead of a BEGIN, five statements
       * and a COMMIT. Rows updated here were inserted by an earlier batch (foldBatch merges same-batch updates
       * into the insert, of node executions and of runs), because CTEs of one statement do not see each other's
       * changes.
       */
      const commit = Effect.fnUntraced(function* (items: ReadonlyArray<BatchItem>) {
        const b = foldBatch(items)
        const ctes: Array<Fragment> = []
        // Runs whose rows are all conditional, checked first in the statement's one snapshot: starts whose
        // remembered active version is no longer active, and claims on runs no longer QUEUED. Every row of a run
        // in `skip` is left out below.
        const guardedStarts = b.execInserts.filter((x) => x.expect_active === true)
        const conditional = guardedStarts.length > 0 || b.claims.length > 0
        if (conditional) {
          ctes.push(sql`skip AS (
            SELECT x.id FROM (SELECT * FROM jsonb_to_recordset(${pg.json(guardedStarts)}) AS r(id text,
              graph_id text, graph_version int) LIMIT ${guardedStarts.length}) AS x
            WHERE NOT EXISTS (
              SELECT 1 FROM graphs g WHERE g.id = x.graph_id AND g.version = x.graph_version AND g.is_active)
            UNION ALL
            SELECT c.id FROM unnest(${b.claims}::text[]) AS c(id)
            WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.id = c.id AND e.status = 'QUEUED'))`)
        }
        const kept = (column: string) => (conditional ? sql`${sql(column)} NOT IN (SELECT id FROM skip)` : sql`TRUE`)
        const fresh = (column: string) => (conditional ? sql`WHERE ${kept(column)}` : sql``)
        if (b.execInserts.length > 0) {
          ctes.push(sql`ex AS (
            INSERT INTO executions (id, graph_id, graph_version, user_id, status, inputs, outputs, stuck_nodes,
              parent_execution_id, stats, started_at, ended_at)
            SELECT x.id, x.graph_id, x.graph_version, x.user_id, x.status, x.inputs, coalesce(x.outputs, '{}'),
                   coalesce(x.stuck_nodes, '[]'), x.parent_execution_id, x.stats,
                   CASE WHEN x.started THEN now() END, CASE WHEN x.ended THEN now() END
            FROM jsonb_to_recordset(${pg.json(b.execInserts)}) AS x(
              id text, graph_id text, graph_version int, user_id text, status text, inputs jsonb, outputs jsonb,
              stuck_nodes jsonb, parent_execution_id text, stats jsonb, started boolean, ended boolean)
            ${fresh("x.id")}
            ON CONFLICT (id) DO NOTHING
            RETURNING 1)`)
        }
        if (b.inserts.length > 0) {
          ctes.push(sql`ne AS (
            INSERT INTO node_executions
              (id, execution_id, node_id, status, pins, input, created_seq, error, attempt, end_seq, runner,
               queued_at, started_at, ended_at)
            SELECT x.id, x.execution_id, x.node_id, x.status, coalesce(x.pins, '{}'::jsonb), x.input, x.created_seq,
                   x.error, x.attempt, x.end_seq, x.runner,
                   CASE WHEN x.queued THEN now() END, CASE WHEN x.started THEN now() END,
                   CASE WHEN x.ended THEN now() END
            FROM jsonb_to_recordset(${pg.json(b.inserts)}) AS x(
              id text, execution_id text, node_id text, status text, pins jsonb, input jsonb, created_seq int,
              error text, attempt int, end_seq bigint, runner text, queued boolean, started boolean, ended boolean)
            ${fresh("x.execution_id")}
            ON CONFLICT (id) DO NOTHING
            RETURNING 1)`)
        }
        if (b.outputs.length > 0) {
          ctes.push(sql`outs AS (
            -- A re-run after a crash may yield values already stored: (node_execution_id, seq) keeps one copy.
            INSERT INTO node_outputs (node_execution_id, execution_id, seq, pin, value, run_seq)
            SELECT x.node_execution_id, x.execution_id, x.seq, x.pin, x.value, x.run_seq
            FROM jsonb_to_recordset(${pg.json(b.outputs)}) AS x(
              node_execution_id text, execution_id text, seq int, pin text, value jsonb, run_seq bigint)
            ${fresh("x.execution_id")}
            ON CONFLICT DO NOTHING
            RETURNING 1)`)
        }
        if (b.nodeUpdates.length > 0) {
          ctes.push(sql`nu AS (
            UPDATE node_executions n SET
              status = coalesce(x.status, n.status),
              pins = coalesce(x.pins, n.pins),
              input = coalesce(x.input, n.input),
              error = coalesce(x.error, n.error),
              attempt = coalesce(x.attempt, n.attempt),
              end_seq = coalesce(x.end_seq, n.end_seq),
              runner = coalesce(x.runner, n.runner),
              started_at = CASE WHEN x.started THEN coalesce(n.started_at, now()) ELSE n.started_at END,
              ended_at = CASE WHEN x.ended THEN now() ELSE n.ended_at END
            FROM (SELECT * FROM jsonb_to_recordset(${pg.json(b.nodeUpdates)}) AS r(
              id text, from_allowed text, status text, pins jsonb, input jsonb, error text, attempt int,
              end_seq bigint, runner text, started boolean, ended boolean, run text)
              LIMIT ${b.nodeUpdates.length}) AS x
            WHERE n.id = x.id AND ${kept("x.run")}
              AND (x.from_allowed IS NULL OR n.status = ANY(string_to_array(x.from_allowed, ',')))
            RETURNING 1)`)
        }
        if (b.execUpdates.length > 0) {
          ctes.push(sql`eu AS (
            UPDATE executions e SET
              status = coalesce(x.status, e.status),
              outputs = coalesce(x.outputs, e.outputs),
              stuck_nodes = coalesce(x.stuck_nodes, e.stuck_nodes),
              stats = CASE WHEN x.stats IS NULL THEN e.stats ELSE e.stats || x.stats END,
              started_at = CASE WHEN x.started THEN coalesce(e.started_at, now()) ELSE e.started_at END,
              ended_at = CASE WHEN x.ended THEN now() ELSE e.ended_at END
            FROM (SELECT * FROM jsonb_to_recordset(${pg.json(b.execUpdates)}) AS r(
              id text, from_allowed text, status text, outputs jsonb, stuck_nodes jsonb, stats jsonb,
              started boolean, ended boolean) LIMIT ${b.execUpdates.length}) AS x
            WHERE e.id = x.id AND ${kept("x.id")}
              AND (x.from_allowed IS NULL OR e.status = ANY(string_to_array(x.from_allowed, ',')))
            RETURNING 1)`)
        }
        if (b.notifications.length > 0) {
          // Events of conditional runs travel alone, so the store can drop them with their run; the rest are packed.
          const guardedRuns = new Set([...guardedStarts.map((x) => String(x.id)), ...b.claims])
          const payloads: Array<string> = []
          // "" for packed payloads: the array codec takes no nulls.
          const runs: Array<string> = []
          const packable: Array<string> = []
          b.notifications.forEach((payload, i) => {
            const run = b.notified[i] ?? ""
            if (guardedRuns.has(run)) {
              payloads.push(payload)
              runs.push(run)
            } else packable.push(payload)
          })
          for (const payload of packPayloads(packable)) {
            payloads.push(payload)
            runs.push("")
          }
          ctes.push(sql`nt AS (
            SELECT pg_notify(${eventsChannel}, p.payload)
            FROM unnest(${payloads}::text[], ${runs}::text[]) AS p(payload, execution_id)
            ${conditional ? sql`WHERE p.execution_id = '' OR ${kept("p.execution_id")}` : sql``})`)
        }
        if (ctes.length === 0) return nothingStale
        // Only the parts this batch needs: a smaller statement plans faster, and each shape is prepared once.
        const count = (name: string, present: boolean) =>
          present ? sql`(SELECT count(*) FROM ${sql(name)})::int` : sql`0`
        const rows = yield* sql<{ nu: number; eu: number; skipped: ReadonlyArray<string> | null }>`
          WITH ${sql.csv(ctes)}
          SELECT ${count("nu", b.nodeUpdates.length > 0)} AS nu, ${count("eu", b.execUpdates.length > 0)} AS eu,
                 ${count("nt", b.notifications.length > 0)} AS nt,
                 ${conditional ? sql`(SELECT array_agg(id) FROM skip)` : sql`NULL::text[]`} AS skipped`
        const counts = rows[0]
        return {
          staleNodeExecutions: b.nodeUpdates.length - (counts?.nu ?? 0),
          staleExecutions: b.execUpdates.length - (counts?.eu ?? 0),
          skippedRuns: counts?.skipped ?? []
        }
      })

      const loop = (queue: Queue.Queue<Item>) =>
        Effect.gen(function* () {
          let batch = yield* Queue.takeAll(queue)
          // Nobody waits on these rows yet (a node turning RUNNING, where it runs): linger briefly so they share the
          // commit of the write that usually follows at once (the node's first yield) instead of costing their own.
          const deadline = Date.now() + lingerMs
          while (!batch.some((item) => item.urgent)) {
            const left = deadline - Date.now()
            if (left <= 0) break
            const more = yield* Queue.takeAll(queue).pipe(Effect.timeoutOption(left))
            if (more._tag === "None") break
            batch = [...batch, ...more.value]
          }
          const result = yield* commit(batch).pipe(
            Effect.retry({ times: 3 }),
            Effect.tapError((e) => Effect.logError("execution write failed", e)),
            Effect.exit
          )
          if (result._tag === "Success" && (result.value.staleNodeExecutions > 0 || result.value.staleExecutions > 0)) {
            yield* Effect.logWarning("stale status updates ignored", result.value)
          }
          for (const item of batch) {
            if (result._tag === "Success") yield* Deferred.succeed(item.done, result.value)
            else yield* Deferred.die(item.done, result.cause)
          }
        })
      for (const lane of lanes) yield* Effect.forkScoped(Effect.forever(loop(lane)))

      const write = (run: string, ops: ReadonlyArray<WriteOp>) =>
        ops.length === 0
          ? Effect.succeed(nothingStale)
          : Effect.flatMap(Deferred.make<WriteResult>(), (done) =>
              Effect.andThen(Queue.offer(laneOf(run), { run, ops, done, urgent: true }), Deferred.await(done))
            )
      const enqueue = (run: string, ops: ReadonlyArray<WriteOp>) =>
        ops.length === 0
          ? Effect.void
          : Effect.flatMap(Deferred.make<WriteResult>(), (done) =>
              Queue.offer(laneOf(run), { run, ops, done, urgent: false })
            )
      return ExecutionWriter.of({ write, enqueue })
    })
  )
}
