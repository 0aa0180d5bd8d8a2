import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { ExecutionId, ExecutionStore, TestDatabase } from "@weft/runtime"
import { Executions } from "./Executions.ts"
import { embeddedCluster, runnerLayer } from "./Runner.ts"
import { chainOfWaits, saveDocument, storesLayer } from "./RunnerTestKit.ts"

describe("a runner that stops mid-run (Ctrl-C)", () => {
  it.live(
    "leaves the run to the next runner on the same database, which finishes it with every output exactly once",
    () =>
      Effect.gen(function* () {
        const database = yield* Layer.build(TestDatabase.layer)
        const runner = runnerLayer.pipe(
          Layer.provideMerge(embeddedCluster),
          Layer.provideMerge(storesLayer),
          Layer.provideMerge(Layer.succeedContext(database))
        )

        // First runner: start the run, see two steps done, then shut the runner down.
        const executionId = yield* Effect.scoped(
          Effect.gen(function* () {
            const graph = yield* saveDocument(chainOfWaits(6, 0.2))
            const executions = yield* Executions
            const started = yield* executions.start({ graphId: graph.id, inputs: {}, userId: graph.ownerId })
            yield* executions.watch(started.executionId).pipe(
              Stream.filter((e) => e._tag === "Output"),
              Stream.take(2),
              Stream.runDrain
            )
            return started.executionId
          }).pipe(Effect.provide(runner))
        )

        // Second runner: the run is still going (not finished, not failed) and completes here.
        yield* Effect.scoped(
          Effect.gen(function* () {
            const store = yield* ExecutionStore
            const before = yield* store.get(ExecutionId.make(executionId))
            assert.strictEqual(before.status, "RUNNING")
            yield* Stream.runDrain((yield* Executions).watch(executionId))
            const after = yield* store.get(ExecutionId.make(executionId))
            assert.strictEqual(after.status, "COMPLETED")
            assert.deepStrictEqual(after.outputs["step"], [0, 1, 2, 3, 4, 5])
            const sql = yield* SqlClient.SqlClient
            const duplicates = yield* sql<{ n: number }>`
              SELECT count(*)::int AS n FROM (
                SELECT node_id FROM node_executions WHERE execution_id = ${executionId} GROUP BY node_id
                HAVING count(*) > 1) d`
            assert.strictEqual(duplicates[0]?.n, 0)
          }).pipe(Effect.provide(runner))
        )
      }).pipe(Effect.scoped),
    60_000
  )
})
