/**
 * Sub-graph checks take a synchronous lookup so validation stays pure, but stored graphs are read through
 * effects. This loads every graph reachable through AgentExecutor nodes once, up front, and hands back the
 * synchronous lookup over what was loaded.
 */
import { Effect } from "effect"
import { type SubgraphLookup, type SubgraphRef, subgraphRefOf, type SubgraphShape } from "./SubgraphContainment.ts"

const keyOf = (graphId: string, version: number | undefined): string => `${graphId}\u0000${version ?? "active"}`

/** Fetches the sub-graph closure of `graph` (not the graph itself), following each graph id and version once. */
export const preloadSubgraphs = Effect.fn("GraphValidation.preloadSubgraphs")(function* <E, R>(
  graph: SubgraphShape,
  fetch: (graphId: string, version?: number) => Effect.Effect<SubgraphShape | undefined, E, R>
) {
  const loaded = new Map<string, SubgraphShape | undefined>()
  const pending: Array<SubgraphRef> = graph.nodes.flatMap((node) => {
    const ref = subgraphRefOf(node)
    return ref === undefined ? [] : [ref]
  })
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    const key = keyOf(ref.graphId, ref.version)
    // The graph being validated is never fetched: its stored version may differ from the one being saved.
    if (loaded.has(key) || ref.graphId === graph.id) continue
    const child = yield* fetch(ref.graphId, ref.version)
    loaded.set(key, child)
    for (const node of child?.nodes ?? []) {
      const next = subgraphRefOf(node)
      if (next !== undefined) pending.push(next)
    }
  }
  const lookup: SubgraphLookup = (graphId, version) => loaded.get(keyOf(graphId, version))
  return lookup
})
