/**
 * Saved graph versions as the engine reads them, cached: a version never changes once saved (semantics.md), so
 * starting or resuming a run of a version this process has seen costs no query. The active version of a graph can
 * change: `get` without a version asks the store which one it is (not for its nodes and links), and `remembered`
 * answers with the one this process last saw, for a start that has the store check it when the run is inserted
 * (ExecutionWriter's `expectActive`) and `forget`s it when it no longer holds. Loading a version also loads the
 * plugin versions its nodes pin (BlockRegistry.ensure), so the engine's synchronous compile finds them.
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
    /** The version last seen active (asking the store if none was): it may have changed since. */
    readonly remembered: (
      id: GraphId,
      access: Access
    ) => Effect.Effect<Graph, GraphNotFound | GraphAccessDenied | StoreError>
    /** Drops the remembered active version of `id`. */
    readonly forget: (id: GraphId) => void
  }
>()("@weft/actors/GraphVersions") {
  static readonly layer = Layer.effect(
    GraphVersions,
    Effect.gen(function* () {
      const graphs = yield* GraphStore
      const registry = yield* BlockRegistry
      const cache = new Map<string, Graph>()
      const activeOf = new Map<string, GraphVersion>()
      /** Oldest entries go first once a map is full. */
      const bounded = <V>(map: Map<string, V>, key: string, value: V) => {
        if (map.size >= capacity) {
          const oldest = map.keys().next()
          if (oldest.done !== true) map.delete(oldest.value)
        }
        map.set(key, value)
      }
      const remember = (graph: Graph) => bounded(cache, `${graph.id}@${graph.version}`, graph)
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
          ? Effect.flatMap(graphs.activeVersion(id, access), (active) => {
              bounded(activeOf, id, active)
              return getVersion(id, access, active)
            })
          : getVersion(id, access, version)
      const remembered = (id: GraphId, access: Access) => {
        const active = activeOf.get(id)
        return active === undefined ? get(id, access) : getVersion(id, access, active)
      }
      const forget = (id: GraphId) => {
        activeOf.delete(id)
      }
      return GraphVersions.of({ get, remembered, forget })
    })
  )
}
