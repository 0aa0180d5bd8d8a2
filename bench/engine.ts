/**
 * Engine throughput and latency on real PostgreSQL (issue 2's figures), embedded and via DATABASE_URL:
 * - a chain of 100 pass-through nodes: per-hop latency (sequential);
 * - a fan-out 1→100→1: a source, 100 parallel nodes, one gathering node (parallel);
 * - 50 concurrent runs of a 5-node chain: node executions per second.
 * Every yield is durably stored before it is routed (that is the engine's only mode). Run: `npm run bench`.
 */
import { Duration, Effect, Layer, Stream } from "effect"
import * as NodeOs from "node:os"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { Database, EmbeddedPostgres, type GraphDocument, Migrations, TestDatabase } from "@weft/runtime"
import { embeddedCluster, Executions, runnerLayer } from "@weft/actors"
import { graphLink, graphNode, saveDocument, storesLayer } from "@weft/actors/testing"

/** n CreateList nodes in a row, each passing its value on (CreateList has no static output, so links stay plain). */
export const chainGraph = (n: number): GraphDocument => {
  const nodes = [graphNode("n0", "StoreValue", { input: 1 })]
  const links = []
  for (let i = 1; i < n; i++) {
    nodes.push(graphNode(`n${i}`, "CreateList"))
    links.push(graphLink(`n${i - 1}`, i === 1 ? "output" : "list", `n${i}`, "values_$_0"))
  }
  return { name: `chain-${n}`, description: "", nodes, links }
}

export const fanOutGraph = (width: number): GraphDocument => {
  const nodes = [graphNode("source", "StoreValue", { input: 1 }), graphNode("gather", "CreateList")]
  const links = []
  for (let i = 0; i < width; i++) {
    nodes.push(graphNode(`p${i}`, "CreateList"))
    links.push(
      graphLink("source", "output", `p${i}`, "values_$_0"),
      graphLink(`p${i}`, "list", "gather", `values_$_${i}`)
    )
  }
  return { name: `fan-out-${width}`, description: "", nodes, links }
}

/** Starts one run of `graph` and waits for it to end; anything but COMPLETED is a defect. */
export const runOnce = (graph: { id: string; version: number; ownerId: string }) =>
  Effect.gen(function* () {
    const executions = yield* Executions
    const { executionId } = yield* executions.start({
      graphId: graph.id,
      graphVersion: graph.version,
      inputs: {},
      userId: graph.ownerId
    })
    let status = ""
    yield* Stream.runForEach(executions.watch(executionId), (e) =>
      Effect.sync(() => {
        if (e._tag === "Finished") status = e.status
      })
    )
    if (status !== "COMPLETED") return yield* Effect.die(new Error(`run ${executionId} ended ${status}`))
  })

const time = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.timed(effect), ([d]) => Duration.toMillis(d))

export const scenarios = (label: string) =>
  Effect.gen(function* () {
    const chain = yield* saveDocument(chainGraph(100))
    const fan = yield* saveDocument(fanOutGraph(100))
    const small = yield* saveDocument(chainGraph(5))
    // Warm-up: JIT, prepared statements, entity code paths.
    for (let i = 0; i < 3; i++) yield* runOnce(chain)
    yield* runOnce(fan)

    const chainRuns = 5
    const chainMs = yield* time(Effect.repeat(runOnce(chain), { times: chainRuns - 1 }))
    const hop = chainMs / chainRuns / 99
    const fanRuns = 5
    const fanMs = yield* time(Effect.repeat(runOnce(fan), { times: fanRuns - 1 }))
    const concurrent = 50
    const rounds = 10
    // Warm the concurrent path too (first runs of a graph pay for compiling and caching it).
    yield* Effect.forEach(Array.from({ length: concurrent }), () => runOnce(small), { concurrency: concurrent })
    const concMs = yield* time(
      Effect.forEach(Array.from({ length: concurrent * rounds }), () => runOnce(small), { concurrency: concurrent })
    )
    const perSecond = (concurrent * rounds * 5) / (concMs / 1000)
    console.log(`\n[${label}]`)
    console.log(
      `  chain of 100:        ${(chainMs / chainRuns).toFixed(0)} ms per run, ${hop.toFixed(2)} ms per hop (target < 2 ms)`
    )
    console.log(
      `  fan-out 1→100→1:     ${(fanMs / fanRuns).toFixed(0)} ms per run, ${((102 * fanRuns) / (fanMs / 1000)).toFixed(0)} node executions/s`
    )
    console.log(
      `  50 concurrent runs:  ${perSecond.toFixed(0)} node executions/s over ${concurrent * rounds} runs of 5 nodes (target ≥ 2000)`
    )
  })

const runner = runnerLayer.pipe(Layer.provideMerge(embeddedCluster), Layer.provideMerge(storesLayer))

const embedded = Effect.gen(function* () {
  const dir = yield* Effect.promise(() => NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-bench-")))
  // The embedded server runs as the `postgres` user when we are root: it must be able to enter the folder.
  yield* Effect.promise(() => NodeFs.chmod(dir, 0o755))
  const database = Migrations.layer.pipe(
    Layer.provideMerge(Database.layerFromEmbedded),
    Layer.provideMerge(EmbeddedPostgres.layerWith({ dataDir: dir }))
  )
  yield* scenarios("embedded PostgreSQL").pipe(Effect.provide(runner.pipe(Layer.provideMerge(database))))
  yield* Effect.promise(() => NodeFs.rm(dir, { recursive: true, force: true }))
})

const external = scenarios("DATABASE_URL (PostgreSQL on 127.0.0.1:5432, a fresh database)").pipe(
  Effect.provide(runner.pipe(Layer.provideMerge(TestDatabase.layer)))
)

export const engineBench = Effect.gen(function* () {
  yield* external
  yield* embedded
  const rss = process.memoryUsage().rss / 1024 / 1024
  console.log(`\n  bench process RSS at the end: ${rss.toFixed(0)} MB`)
})
