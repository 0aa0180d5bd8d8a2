/**
 * The edited graph as one immutable value (name, nodes, links) and the pure edits on it. The editor store keeps
 * one of these per state, so undo is a matter of keeping the previous values: edits copy only the arrays they
 * change and share every untouched node and link object with the previous document.
 */
import type { GraphFile, GraphLink, GraphNode, JsonObject } from "../api/api-types"
import { isRecord } from "./json-schema"

export interface EditorDocument {
  readonly name: string
  readonly nodes: ReadonlyArray<GraphNode>
  readonly links: ReadonlyArray<GraphLink>
}

export interface Point {
  readonly x: number
  readonly y: number
}

export type LinkEnds = Pick<GraphLink, "sourceId" | "sourceName" | "sinkId" | "sinkName">

export const linkId = (link: LinkEnds): string => `${link.sourceId}:${link.sourceName}->${link.sinkId}:${link.sinkName}`

export const nodePosition = (node: GraphNode): Point => {
  const position = node.metadata["position"]
  if (isRecord(position) && typeof position["x"] === "number" && typeof position["y"] === "number") {
    return { x: position["x"], y: position["y"] }
  }
  return { x: 0, y: 0 }
}

export const withPosition = (node: GraphNode, to: Point): GraphNode => ({
  ...node,
  metadata: { ...node.metadata, position: { x: Math.round(to.x), y: Math.round(to.y) } }
})

/** A node id not yet used in the graph, readable in exports: `calculator-2`. */
export const freshNodeId = (blockId: string, taken: ReadonlySet<string>): string => {
  const base = blockId.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * The body that saves the edited graph: only the fields the gateway's strict GraphFile accepts. Link ids are the
 * editor's own (derived from the ends) and stay behind; a static link says so, or a save would drop it.
 */
export const toGraphFile = (
  name: string,
  description: string,
  nodes: ReadonlyArray<GraphNode>,
  links: ReadonlyArray<GraphLink>
): GraphFile => ({
  name,
  description,
  nodes: nodes.map(({ id, block, inputDefault, metadata }) => ({ id, block, inputDefault, metadata })),
  links: links.map(({ sourceId, sourceName, sinkId, sinkName, isStatic }) =>
    isStatic ? { sourceId, sourceName, sinkId, sinkName, isStatic } : { sourceId, sourceName, sinkId, sinkName }
  )
})

/** Every link with its editor id (derived from its ends, so the same link always gets the same id). */
export const withLinkIds = (links: ReadonlyArray<GraphLink>): ReadonlyArray<GraphLink> =>
  links.map((link) => (link.id === linkId(link) ? link : { ...link, id: linkId(link) }))

/** Moves nodes; the document is returned unchanged (same object) when no node actually moves. */
export const moveNodes = (doc: EditorDocument, moves: ReadonlyMap<string, Point>): EditorDocument => {
  let changed = false
  const nodes = doc.nodes.map((node) => {
    const to = moves.get(node.id)
    if (to === undefined) return node
    const from = nodePosition(node)
    if (from.x === Math.round(to.x) && from.y === Math.round(to.y)) return node
    changed = true
    return withPosition(node, to)
  })
  return changed ? { ...doc, nodes } : doc
}

/** Removes nodes (with every link touching them) and links; unchanged (same object) when nothing matches. */
export const removeItems = (
  doc: EditorDocument,
  nodeIds: ReadonlySet<string>,
  linkIds: ReadonlySet<string>
): EditorDocument => {
  const nodes = doc.nodes.filter((n) => !nodeIds.has(n.id))
  const links = doc.links.filter((l) => !linkIds.has(l.id) && !nodeIds.has(l.sourceId) && !nodeIds.has(l.sinkId))
  if (nodes.length === doc.nodes.length && links.length === doc.links.length) return doc
  return { ...doc, nodes, links }
}

/** Sets (or with `undefined` clears) one input pin's value on a node. */
export const setInput = (doc: EditorDocument, nodeId: string, pin: string, value: unknown): EditorDocument => {
  const nodes = doc.nodes.map((node) => {
    if (node.id !== nodeId) return node
    const { [pin]: _previous, ...rest } = node.inputDefault
    const inputDefault: JsonObject = value === undefined ? rest : { ...rest, [pin]: value }
    return { ...node, inputDefault }
  })
  return { ...doc, nodes }
}

/**
 * Adds a link unless the same one exists (then the document is returned unchanged). A new link is not static:
 * the gateway makes it so on save when its source block has a static output.
 */
export const addLink = (doc: EditorDocument, ends: LinkEnds): EditorDocument => {
  const id = linkId(ends)
  if (doc.links.some((l) => l.id === id)) return doc
  return { ...doc, links: [...doc.links, { ...ends, id, isStatic: false }] }
}

/** Replaces one link by another in place (a reconnected edge keeps its position in the list and its kind). */
export const replaceLink = (doc: EditorDocument, oldId: string, ends: LinkEnds): EditorDocument => {
  const id = linkId(ends)
  if (id === oldId) return doc
  const exists = doc.links.some((l) => l.id === id)
  const links = exists
    ? doc.links.filter((l) => l.id !== oldId)
    : doc.links.map((l) => (l.id === oldId ? { ...ends, id, isStatic: l.isStatic } : l))
  return { ...doc, links }
}
