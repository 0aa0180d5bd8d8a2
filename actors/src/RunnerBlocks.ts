/**
 * The blocks this runner can run, with the engine's view of each (see BlockCatalog), built once per runner, and
 * graphs compiled for execution: a saved version never changes, so it is compiled once per process (keyed by the
 * graph object GraphVersions caches).
 */
import { Context, Effect, Layer } from "effect"
import { BlockRegistry, type CompiledGraph, compile, type Graph } from "@weft/runtime"
import { type BlockCatalog, makeBlockCatalog } from "./BlockCatalog.ts"

export class RunnerBlocks extends Context.Service<
  RunnerBlocks,
  {
    readonly catalog: BlockCatalog
    readonly compile: (graph: Graph) => CompiledGraph
  }
>()("@weft/actors/RunnerBlocks") {
  static readonly layer = Layer.effect(
    RunnerBlocks,
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      const catalog = makeBlockCatalog(registry.resolveSync)
      const compiled = new WeakMap<Graph, CompiledGraph>()
      const compileOnce = (graph: Graph) => {
        const known = compiled.get(graph)
        if (known !== undefined) return known
        const fresh = compile(graph, catalog.blockInfo)
        compiled.set(graph, fresh)
        return fresh
      }
      return RunnerBlocks.of({ catalog, compile: compileOnce })
    })
  )
}
