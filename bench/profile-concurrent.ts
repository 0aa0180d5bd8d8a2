import { Effect, Layer } from "effect"
import { TestDatabase } from "@weft/runtime"
import { embeddedCluster, runnerLayer, Executions } from "@weft/actors"
import { saveDocument, storesLayer } from "@weft/actors/testing"
import { chainGraph } from "./engine.ts"
import { Stream } from "effect"
const runner = runnerLayer.pipe(Layer.provideMerge(embeddedCluster), Layer.provideMerge(storesLayer), Layer.provideMerge(TestDatabase.layer))
const runOnce = (graph: { id: string; version: number; ownerId: string }) => Effect.gen(function*() {
  const ex = yield* Executions
  const { executionId } = yield* ex.start({ graphId: graph.id, graphVersion: graph.version, inputs: {}, userId: graph.ownerId })
  yield* Stream.runDrain(ex.watch(executionId))
})
Effect.gen(function*() {
  const small = yield* saveDocument(chainGraph(Number(process.env.N ?? 5)))
  yield* Effect.forEach(Array.from({ length: 100 }), () => runOnce(small), { concurrency: 50 })
  const t = Date.now()
  yield* Effect.forEach(Array.from({ length: 400 }), () => runOnce(small), { concurrency: 50 })
  console.log("node exec/s", (400 * Number(process.env.N ?? 5)) / ((Date.now() - t) / 1000))
}).pipe(Effect.provide(runner), Effect.runPromise).then(() => process.exit(0))
