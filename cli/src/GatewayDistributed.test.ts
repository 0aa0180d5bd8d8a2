// The gateway as `weft gateway` runs it: a client of the cluster, with the run executing on a real `weft runner`
// child process, and the run's live events reaching the gateway's WebSocket client across processes.
import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { clientLayer } from "@weft/actors"
import { readExample, storesLayer } from "@weft/actors/testing"
import { client } from "@weft/gateway"
import { baseUrl, gatewayOver, openSocket, signToken, socketUrl } from "@weft/gateway/testing"
import { encodeGraphFile, GraphFile, TestDatabase } from "@weft/runtime"
import { eventually, startRunner } from "./RunnerProcesses.ts"

const testLayer = gatewayOver().pipe(
  Layer.provideMerge(clientLayer),
  Layer.provideMerge(storesLayer),
  Layer.provideMerge(TestDatabase.layer)
)

layer(testLayer, { excludeTestServices: true, timeout: 120_000 })("gateway over a weft runner process", (it) => {
  it.effect("a WebSocket client of the gateway receives the events of a run executing on the runner process", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const runner = yield* startRunner(yield* TestDatabase.TestDatabaseUrl)
      // The runner holds all 64 shards (PostgreSQL advisory locks) before the run starts.
      yield* eventually(
        sql<{ holders: number; locks: number }>`
          SELECT count(DISTINCT pid)::int AS holders, count(*)::int AS locks FROM pg_locks
          WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.pipe(
          Effect.map((rows) => rows[0]?.holders === 1 && rows[0]?.locks === 64),
          Effect.orElseSucceed(() => false)
        )
      )
      const token = yield* signToken({ sub: "remote-watcher" })
      const api = yield* client(yield* baseUrl, { bearer: token })
      const { id: _id, ...file } = encodeGraphFile(yield* readExample("greeting.json"))
      const graph = yield* api.graphs.create({ payload: Schema.decodeUnknownSync(GraphFile)(file) })
      const socket = yield* openSocket(yield* socketUrl(), ["weft", token])
      yield* socket.send({ type: "subscribe", target: { graphId: graph.id } })
      assert.strictEqual((yield* socket.next()).type, "subscribed")
      const run = yield* api.executions.start({
        payload: { graphId: graph.id, inputs: { name: "Grace" } },
        query: {},
        headers: {}
      })
      const messages = yield* socket.until(
        (m) => m.type === "event" && m.event._tag === "graph" && m.event.status === "COMPLETED",
        "60 seconds"
      )
      const events = messages.flatMap((m) => (m.type === "event" && m.executionId === run.executionId ? [m.event] : []))
      assert.isTrue(events.some((e) => e._tag === "graph" && e.status === "RUNNING"))
      assert.isTrue(events.some((e) => e._tag === "node" && e.node === "out" && e.status === "COMPLETED"))
      assert.isTrue(events.some((e) => e._tag === "output" && e.node === "out" && e.value === "Hello Grace!"))
      // The gateway process hosts no entities: the only runner is the child, which is still alive.
      const detail = yield* api.executions.get({ params: { executionId: run.executionId } })
      assert.strictEqual(detail.status, "COMPLETED")
      assert.isTrue(runner.pid > 0 && process.kill(runner.pid, 0))
    }).pipe(Effect.scoped)
  )
})
