/**
 * "A block with `staticOutput` makes all its outgoing links static when the graph is saved" (semantics.md).
 * Files may omit `isStatic`; this normalisation, run with the block lookup on save or import, makes the stored
 * links say what the engine will do.
 */
import type { Link, Node } from "../model/Graph.ts"
import type { BlockLookup } from "./GraphValidation.ts"

/** The graph with every link out of a `staticOutput` block marked static; other links are left as they are. */
export const applyStaticOutputs = <
  G extends { readonly nodes: ReadonlyArray<Node>; readonly links: ReadonlyArray<Link> }
>(
  graph: G,
  lookup: BlockLookup
): G => {
  const staticSources = new Set(
    graph.nodes.filter((node) => lookup(node.block)?.staticOutput === true).map((node) => node.id)
  )
  if (!graph.links.some((link) => staticSources.has(link.sourceId) && !link.isStatic)) return graph
  return {
    ...graph,
    links: graph.links.map((link) =>
      staticSources.has(link.sourceId) && !link.isStatic ? { ...link, isStatic: true } : link
    )
  }
}
