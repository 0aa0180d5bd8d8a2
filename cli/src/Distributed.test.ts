import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Schedule, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { ExecutionId, ExecutionStore, type GraphDocument, TestDatabase } from "@weft/runtime"
import { clientLayer, Executions } from "@weft/actors"
import { chainOfWaits, graphDocument, graphLink, graphNode, saveDocument, storesLayer } from "@weft/actors/testing"
import { eventually, startRunner } from "./RunnerProcesses.ts"

/** items -> each -> wait (one execution per item) -> out */
const fanOut = (count: number): GraphDocument =>
  graphDocument(
    "fan-out",
    [
      graphNode("items", "AgentInput", { name: "items", value: Array.from({ length: count }, (_, i) => i) }),
      graphNode("each", "StepThroughItems"),
      graphNode("wait", "Wait", { seconds: 0.05 }),
      graphNode("out", "AgentOutput", { name: "item" })
    ],
    [
      graphLink("items", "result", "each", "items"),
      graphLink("each", "item", "wait", "data"),
      graphLink("wait", "data", "out", "value")
    ]
  )

const testLayer = clientLayer.pipe(Layer.provideMerge(storesLayer), Layer.provideMerge(TestDatabase.layer))

layer(testLayer, { excludeTestServices: true, timeout: 180_000 })("two weft runner processes", (it) => {
  it.effect(
    "spread one run's node executions over both runners, and finish a run whose driver is SIGKILLed",
    () =>
      Effect.gen(function* () {
        const url = yield* TestDatabase.TestDatabaseUrl
        const sql = yield* SqlClient.SqlClient
        const first = yield* startRunner(url)
        const second = yield* startRunner(url)
        // Both runners hold their shards (PostgreSQL advisory locks) before any run starts.
        yield* eventually(
          sql<{ holders: number; locks: number }>`
          SELECT count(DISTINCT pid)::int AS holders, count(*)::int AS locks FROM pg_locks
          WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.pipe(
            Effect.map((rows) => rows[0]?.holders === 2 && rows[0]?.locks === 64),
            Effect.orElseSucceed(() => false)
          )
        )
        const executions = yield* Executions
        const store = yield* ExecutionStore

        // 1. One run, its node executions on both runners.
        const spread = yield* saveDocument(fanOut(24))
        const started = yield* executions.start({ graphId: spread.id, inputs: {}, userId: spread.ownerId })
        yield* Stream.runDrain(executions.watch(started.executionId))
        const run = yield* store.get(ExecutionId.make(started.executionId))
        assert.strictEqual(run.status, "COMPLETED")
        assert.deepStrictEqual(
          [...(run.outputs["item"] ?? [])].sort((a, b) => Number(a) - Number(b)),
          Array.from({ length: 24 }, (_, i) => i)
        )
        const runners = yield* sql<{ runner: string }>`
        SELECT DISTINCT runner FROM node_executions WHERE execution_id = ${started.executionId} AND node_id = 'wait'`
        assert.deepStrictEqual(runners.map((r) => r.runner).sort(), [first.address, second.address].sort())

        // 2. Kill the runner that drives a run mid-way: the run completes on the survivor, nothing lost or repeated.
        const long = yield* saveDocument(chainOfWaits(8, 0.4))
        const { executionId } = yield* executions.start({ graphId: long.id, inputs: {}, userId: long.ownerId })
        yield* executions.watch(executionId).pipe(
          Stream.filter((e) => e._tag === "Output"),
          Stream.take(2),
          Stream.runDrain
        )
        const driverRows = yield* sql<{
          driver: string
        }>`SELECT stats->>'driver' AS driver FROM executions WHERE id = ${executionId}`
        const driver = driverRows[0]?.driver
        const [victim, survivor] = driver === first.address ? [first, second] : [second, first]
        assert.strictEqual(driver, victim.address)
        yield* victim.kill("SIGKILL")
        // Watching goes through whichever runner owns the run; retried while its shard moves.
        yield* Stream.runDrain(executions.watch(executionId)).pipe(
          Effect.sandbox,
          Effect.retry({ schedule: Schedule.spaced("200 millis"), times: 150 }),
          Effect.orDie
        )
        const finished = yield* store.get(ExecutionId.make(executionId))
        assert.strictEqual(finished.status, "COMPLETED")
        assert.deepStrictEqual(finished.outputs["step"], [0, 1, 2, 3, 4, 5, 6, 7])
        const outputRows = yield* sql<{ n: number }>`
        SELECT count(*)::int AS n FROM node_outputs o JOIN node_executions n ON n.id = o.node_execution_id
        WHERE o.execution_id = ${executionId} AND n.node_id LIKE 'o%'`
        assert.strictEqual(outputRows[0]?.n, 8)
        const perNode = yield* sql<{ node_id: string; n: number }>`
        SELECT node_id, count(*)::int AS n FROM node_executions WHERE execution_id = ${executionId} GROUP BY node_id`
        assert.isTrue(perNode.every((r) => r.n === 1))
        const after = yield* sql<{
          driver: string
        }>`SELECT stats->>'driver' AS driver FROM executions WHERE id = ${executionId}`
        assert.strictEqual(after[0]?.driver, survivor.address)
      }),
    180_000
  )
})
