import { assert, describe, it } from "@effect/vitest"
import { PgClient } from "@effect/sql-pg"
import { type Duration, Effect, Layer, Queue } from "effect"
import { SqlClient } from "effect/sql"
import { eventsChannel, type RunEventBatch } from "@weft/actors"
import { TestDatabase } from "@weft/runtime"
import { EventHub } from "./EventHub.ts"

const batch = (executionId: string): RunEventBatch => ({
  executionId,
  graphId: "graph-1",
  userId: "user-1",
  events: [{ _tag: "graph", status: "RUNNING" }]
})

/** Connections of this database whose last statement was a LISTEN still open (PostgreSQL keeps the text). */
const listeners = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND query ILIKE 'LISTEN%'`
  return rows[0]?.n ?? 0
})

const until = <E, R>(check: Effect.Effect<boolean, E, R>) =>
  Effect.gen(function* () {
    while (!(yield* check)) yield* Effect.yieldNow
  })

const hub = (lingerAfterLast: Duration.Input) =>
  EventHub.layerWith({ lingerAfterLast }).pipe(Layer.provideMerge(Layer.fresh(TestDatabase.layerWithoutMigrations)))

describe("EventHub", () => {
  it.live(
    "listens only while someone subscribes, and delivers what is committed after subscribe returns",
    () =>
      Effect.gen(function* () {
        const events = yield* EventHub
        const pg = yield* PgClient.PgClient
        assert.strictEqual(yield* listeners, 0, "no LISTEN before the first subscriber")
        const received = yield* Queue.unbounded<RunEventBatch>()
        yield* Effect.scoped(
          Effect.gen(function* () {
            yield* events.subscribe((b) => Queue.offerUnsafe(received, b))
            assert.strictEqual(yield* listeners, 1)
            // A second subscriber shares the one LISTEN connection.
            yield* events.subscribe(() => {})
            assert.strictEqual(yield* listeners, 1)
            yield* pg.notify(eventsChannel, JSON.stringify(batch("run-1")))
            assert.deepStrictEqual(yield* Queue.take(received), batch("run-1"))
          })
        )
        // The last subscriber left; with no linger the LISTEN connection is given back.
        yield* until(Effect.map(listeners, (n) => n === 0))
        yield* Effect.scoped(
          Effect.gen(function* () {
            yield* events.subscribe((b) => Queue.offerUnsafe(received, b))
            yield* pg.notify(eventsChannel, JSON.stringify(batch("run-2")))
            assert.deepStrictEqual(yield* Queue.take(received), batch("run-2"))
          })
        )
      }).pipe(Effect.provide(hub("0 millis"))),
    60_000
  )

  it.live(
    "keeps listening for the linger after the last subscriber left",
    () =>
      Effect.gen(function* () {
        const events = yield* EventHub
        yield* Effect.scoped(events.subscribe(() => {}))
        assert.strictEqual(yield* listeners, 1)
      }).pipe(Effect.provide(hub("1 hour"))),
    60_000
  )
})
