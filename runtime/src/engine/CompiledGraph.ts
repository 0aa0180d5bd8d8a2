/**
 * A graph indexed for execution: everything the run machine asks on every yield (which links leave this pin,
 * which pins must a sink receive, which of them are static) is answered from here in O(1), so routing a yield
 * costs O(links leaving the pin). What the engine needs to know about a block is passed in as plain data
 * (`BlockInfo`), so this module does not depend on the block registry.
 */
import type { Result } from "effect"
import type { Graph, Link, Node } from "../model/Graph.ts"
import type { NodeId } from "../model/Ids.ts"
import { type PinSegment, parsePin, pinNameError } from "./PinPath.ts"

/** One problem with one input pin, e.g. `{ pin: "a", message: "Expected number, got string" }`. */
export interface PinError {
  readonly pin: string
  readonly message: string
}

export type BlockKind = "input" | "output" | "note" | "other"

export interface BlockInfo {
  readonly blockId: string
  /** All outgoing links of the block are static (AgentInput, StoreValue, ...). */
  readonly staticOutput: boolean
  /** AgentInput / AgentOutput / Note / every other block. */
  readonly kind: BlockKind
  /** Decodes the merged input against the block's input schema (pure); a Failure lists per-pin errors. */
  readonly validateInput: (
    input: Record<string, unknown>
  ) => Result.Result<Record<string, unknown>, ReadonlyArray<PinError>>
}

export interface CompiledLink {
  /** The link as executed: `isStatic` is forced when the source block has `staticOutput`. */
  readonly link: Link
  /** The declared output pin the link listens to (`result` for `result_#_name`). */
  readonly sourceBase: string
  readonly sourcePath: ReadonlyArray<PinSegment>
}

/** A link reached from a yielded pin, with the part of the value it carries (empty path: the whole value). */
export interface Route {
  readonly link: CompiledLink
  readonly path: ReadonlyArray<PinSegment>
}

export interface CompiledNode {
  readonly node: Node
  readonly info: BlockInfo
  /** Distinct sink pin names of the inbound links, in link order: all must have a value before the node runs. */
  readonly requiredPins: ReadonlyArray<string>
  /** The subset of `requiredPins` fed by at least one static link. */
  readonly staticPins: ReadonlyArray<string>
  /** Sink pin names that cannot be assembled (see `pinNameError`), with the reason. */
  readonly pinNameErrors: ReadonlyArray<PinError>
  /** An outgoing link leaves the `error` pin, so a failure of this node is handled. */
  readonly handlesErrors: boolean
  /** Runs when the run starts: no inbound links, or an AgentInput. Notes never run. */
  readonly isStarting: boolean
}

export interface CompiledGraph {
  readonly graph: Graph
  /** In `graph.nodes` order. */
  readonly nodes: ReadonlyArray<CompiledNode>
  readonly nodeById: ReadonlyMap<NodeId, CompiledNode>
  /** The executed links in `graph.links` order (links touching unknown nodes or Notes are left out). */
  readonly links: ReadonlyArray<CompiledLink>
  /** nodeId -> yielded pin name -> routes, in link order. */
  readonly routes: ReadonlyMap<NodeId, ReadonlyMap<string, ReadonlyArray<Route>>>
  readonly inbound: ReadonlyMap<NodeId, ReadonlyArray<CompiledLink>>
  readonly startingNodes: ReadonlyArray<CompiledNode>
}

const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

/**
 * Indexes `graph` for execution. Links whose source or sink is not a node of the graph, or is a Note, are left
 * out (graph validation rejects them on save; a Note never runs, so nothing could flow through them).
 */
export const compile = (graph: Graph, blockInfo: (node: Node) => BlockInfo): CompiledGraph => {
  const infos = new Map<NodeId, BlockInfo>()
  for (const node of graph.nodes) infos.set(node.id, blockInfo(node))

  const links: Array<CompiledLink> = []
  const inbound = new Map<NodeId, Array<CompiledLink>>()
  const routes = new Map<NodeId, Map<string, Array<Route>>>()
  const errorSources = new Set<NodeId>()
  for (const link of graph.links) {
    const source = infos.get(link.sourceId)
    const sink = infos.get(link.sinkId)
    if (source === undefined || sink === undefined || source.kind === "note" || sink.kind === "note") continue
    const executed: Link = source.staticOutput && !link.isStatic ? { ...link, isStatic: true } : link
    const { base, path } = parsePin(link.sourceName)
    const compiled: CompiledLink = { link: executed, sourceBase: base, sourcePath: path }
    links.push(compiled)
    push(inbound, link.sinkId, compiled)
    let byPin = routes.get(link.sourceId)
    if (byPin === undefined) {
      byPin = new Map()
      routes.set(link.sourceId, byPin)
    }
    // A yield on pin `p` reaches the links listening to `p` itself and, through a selection, the links on a
    // part of `p`. A link named `r_#_k` also hears a yield literally named `r_#_k` (blocks with dynamic output
    // pins), taking the whole value then, as AutoGPT does.
    push(byPin, base, { link: compiled, path })
    if (path.length > 0) push(byPin, link.sourceName, { link: compiled, path: [] })
    if (base === "error") errorSources.add(link.sourceId)
  }

  const nodes: Array<CompiledNode> = []
  const nodeById = new Map<NodeId, CompiledNode>()
  for (const node of graph.nodes) {
    const info = infos.get(node.id)
    if (info === undefined) continue
    const into = inbound.get(node.id) ?? []
    const required: Array<string> = []
    const staticPins: Array<string> = []
    const pinNameErrors: Array<PinError> = []
    for (const { link } of into) {
      if (!required.includes(link.sinkName)) {
        required.push(link.sinkName)
        const error = pinNameError(link.sinkName)
        if (error !== undefined) pinNameErrors.push({ pin: link.sinkName, message: error })
      }
      if (link.isStatic && !staticPins.includes(link.sinkName)) staticPins.push(link.sinkName)
    }
    const compiled: CompiledNode = {
      node,
      info,
      requiredPins: required,
      staticPins,
      pinNameErrors,
      handlesErrors: errorSources.has(node.id),
      isStarting: info.kind !== "note" && (into.length === 0 || info.kind === "input")
    }
    nodes.push(compiled)
    nodeById.set(node.id, compiled)
  }
  return {
    graph,
    nodes,
    nodeById,
    links,
    routes,
    inbound,
    startingNodes: nodes.filter((node) => node.isStarting)
  }
}
