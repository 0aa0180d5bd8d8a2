/**
 * "A graph may not contain itself, directly or through sub-graphs" (semantics.md "Sub-graphs"). Follows
 * AgentExecutor nodes (`inputDefault.graph_id` / `graph_version`) through an injected lookup and reports every
 * sub-graph node whose chain comes back to the graph being validated, or runs into any other cycle of graphs,
 * since such a run would recurse forever either way. Graphs are compared by id: any version of the graph counts.
 */
import type { BlockRef } from "../model/Graph.ts"
import type { GraphIssue } from "./GraphIssue.ts"

export interface SubgraphNode {
  readonly id: string
  readonly block: BlockRef
  readonly inputDefault: Readonly<Record<string, unknown>>
}

/** The part of a graph containment needs; a stored `Graph` and a `GraphDocument` both fit. */
export interface SubgraphShape {
  readonly id?: string
  readonly nodes: ReadonlyArray<SubgraphNode>
}

/** Finds a stored graph by id and version (`undefined` version: the active one). */
export type SubgraphLookup = (graphId: string, version?: number) => SubgraphShape | undefined

export interface SubgraphRef {
  readonly graphId: string
  readonly version: number | undefined
}

/** The built-in AgentExecutor runs a child graph; plugin blocks with the same id are not sub-graphs. */
export const isSubgraphNode = (node: SubgraphNode): boolean =>
  node.block.id === "AgentExecutor" && node.block.package === undefined

/** The child graph an AgentExecutor node names, when its default names one. */
export const subgraphRefOf = (node: SubgraphNode): SubgraphRef | undefined => {
  if (!isSubgraphNode(node)) return undefined
  const graphId = node.inputDefault["graph_id"]
  const version = node.inputDefault["graph_version"]
  if (typeof graphId !== "string" || graphId === "") return undefined
  return { graphId, version: typeof version === "number" ? version : undefined }
}

type Outcome =
  | { readonly _tag: "Fine" }
  | { readonly _tag: "Cycle"; readonly chain: ReadonlyArray<string> }
  | { readonly _tag: "Missing" }

const fine: Outcome = { _tag: "Fine" }

const renderChain = (chain: ReadonlyArray<string>): string => chain.map((id) => `"${id}"`).join(" -> ")

/** Issues for every AgentExecutor node of `graph` that leads into a cycle or to a graph that does not exist. */
export const checkSubgraphContainment = (graph: SubgraphShape, lookup: SubgraphLookup): Array<GraphIssue> => {
  // Outcomes of fully explored graph versions; a cycle found below a graph is a cycle for it too.
  const explored = new Map<string, Outcome>()

  const explore = (ref: SubgraphRef, stack: ReadonlyArray<string>): Outcome => {
    const onStack = stack.indexOf(ref.graphId)
    if (onStack >= 0) return { _tag: "Cycle", chain: [...stack.slice(onStack), ref.graphId] }
    const key = `${ref.graphId}\u0000${ref.version ?? "active"}`
    const known = explored.get(key)
    if (known !== undefined) return known
    const child = lookup(ref.graphId, ref.version)
    // Not memoised: a missing graph is only the problem of the node that names it directly.
    if (child === undefined) return { _tag: "Missing" }
    const nextStack = [...stack, ref.graphId]
    let outcome: Outcome = fine
    for (const node of child.nodes) {
      const next = subgraphRefOf(node)
      if (next === undefined) continue
      const result = explore(next, nextStack)
      if (result._tag === "Cycle") {
        outcome = result
        break
      }
    }
    explored.set(key, outcome)
    return outcome
  }

  const root = graph.id === undefined ? [] : [graph.id]
  const issues: Array<GraphIssue> = []
  for (const node of graph.nodes) {
    const ref = subgraphRefOf(node)
    if (ref === undefined) continue
    const outcome = explore(ref, root)
    if (outcome._tag === "Cycle") {
      const self = graph.id !== undefined && outcome.chain[0] === graph.id
      issues.push({
        nodeId: node.id,
        pin: "graph_id",
        code: "self_containing_graph",
        message: self
          ? `node "${node.id}": sub-graph "${ref.graphId}" contains this graph again (${renderChain(outcome.chain)})`
          : `node "${node.id}": sub-graph "${ref.graphId}" leads into a cycle of sub-graphs (${renderChain(outcome.chain)})`
      })
    } else if (outcome._tag === "Missing") {
      issues.push({
        nodeId: node.id,
        pin: "graph_id",
        code: "unknown_subgraph",
        message: `node "${node.id}": sub-graph "${ref.graphId}"${ref.version === undefined ? "" : ` version ${ref.version}`} does not exist`
      })
    }
  }
  return issues
}
