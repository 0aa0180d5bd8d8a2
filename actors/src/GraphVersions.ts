/**
 * Saved graph versions as the engine reads them, cached: a version never changes once saved (semantics.md), so
 * starting or resuming a run of a version this process has seen costs no query. The active version of a graph can
 * change, so a lookup without a version always asks the store which one it is (not for its nodes and links). Loading a version also loads the plugin versions
 * its nodes pin (BlockRegistry.ensure), so the engine's synchronous compile finds them.
 */
import { Context, Effect, Layer } from "effect"
import {
  type Access,
  BlockRegistry,
  type Graph,
  GraphAccessDenied,
  type GraphId,
  type GraphNotFound,
  GraphStore,
  type GraphVersion,
  type StoreError
} from "@weft/runtime"

const capacity = 1000

export class GraphVersions extends Context.Service<
  GraphVersions,
  {
    readonly get: (
      id: GraphId,
      access: Access,
      version?: GraphVersion
    ) => Effect.Effect<Graph, GraphNotFound | GraphAccessDenied | StoreError>
  }
>()("@weft/actors/GraphVersions") {
  static readonly layer = Layer.effect(
    GraphVersions,
    Effect.gen(function* () {
      const graphs = yield* GraphStore
      const registry = yield* BlockRegistry
      const cache = new Map<string, Graph>()
      const remember = (graph: Graph) => {
        if (cache.size >= capacity) {
          const oldest = cache.keys().next()
          if (oldest.done !== true) cache.delete(oldest.value)
        }
        cache.set(`${graph.id}@${graph.version}`, graph)
      }
      const getVersion = (id: GraphId, access: Access, version: GraphVersion) => {
        const cached = cache.get(`${id}@${version}`)
        if (cached === undefined)
          // A version is cached only once the plugin versions it pins are loaded, so compiling it never misses one.
          return Effect.tap(graphs.get(id, access, version), (g) =>
            Effect.andThen(
              registry.ensure(g.nodes.map((node) => node.block)),
              Effect.sync(() => remember(g))
            )
          )
        if (access._tag === "Owner" && cached.ownerId !== access.userId) {
          return Effect.fail(new GraphAccessDenied({ graphId: id }))
        }
        return Effect.succeed(cached)
      }
      // The active version can change: its number is asked for every time (one small row), the graph itself is cached.
      const get = (id: GraphId, access: Access, version?: GraphVersion) =>
        version === undefined
          ? Effect.flatMap(graphs.activeVersion(id, access), (active) => getVersion(id, access, active))
          : getVersion(id, access, version)
      return GraphVersions.of({ get })
    })
  )
}
