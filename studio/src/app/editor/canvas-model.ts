/**
 * What ngx-vflow draws, derived from the edited graph: one HTML-template node per graph node (with one handle
 * per pin, `in:<pin>` / `out:<pin>`, so an input and an output of the same name stay distinct) and one edge per
 * link.
 *
 * ngx-vflow keeps its internal model (and the rendered DOM) of a node or edge as long as it receives the same
 * object, so `CanvasModel` hands back the object it made before for every node whose drawing did not change:
 * editing one node re-renders that node, not the 500 others. Every pass is linear in nodes plus links (links
 * are indexed by node once per pass). Positions are not part of the drawing: ngx-vflow moves nodes itself
 * through their `point` signal, and `syncPositions` writes the document's positions back after an undo.
 */
import { type Signal, signal, untracked, type WritableSignal } from "@angular/core"
import type { Edge, HtmlTemplateNode } from "ngx-vflow"
import type { BlockDescriptor, GraphLink, GraphNode } from "../api/api-types"
import type { NodeRunState, PinOutput } from "../runs/run-replay"
import { type LinkEnds, linkId, nodePosition } from "./editor-document"
import type { NodeProblems } from "./graph-problems"
import { properties } from "./json-schema"

/** What a node shows beside its pins: run status and outputs, and the gateway's problems with it. */
export interface NodeDecor {
  /** Lower-case run status (`running`, `completed`, ...), empty when the node has not run. */
  readonly status: string
  /** How many times the node ran, when more than once. */
  readonly executions: number
  readonly error: string | null
  readonly problems: ReadonlyArray<string>
  /** Problems by pin name, joined into one line each. */
  readonly pinProblems: ReadonlyMap<string, string>
  /** The last value each output pin yielded, shortened for the canvas. */
  readonly outputs: ReadonlyArray<{ readonly pin: string; readonly text: string }>
}

export const plainDecor: NodeDecor = {
  status: "",
  executions: 0,
  error: null,
  problems: [],
  pinProblems: new Map(),
  outputs: []
}

const shortText = (value: unknown, limit = 48): string => {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value))
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

/** A node's decoration from its run state, the values it yielded and its problems (any of them may be absent). */
export const nodeDecor = (
  state: NodeRunState | undefined,
  problems: NodeProblems | undefined,
  outputs: ReadonlyArray<PinOutput> | undefined
): NodeDecor => {
  if (state === undefined && problems === undefined && outputs === undefined) return plainDecor
  const last = new Map<string, PinOutput>()
  for (const output of outputs ?? []) last.set(output.pin, output)
  return {
    status: state?.status.toLowerCase() ?? "",
    executions: state?.executions ?? 0,
    error: state?.error ?? null,
    problems: problems?.messages ?? [],
    pinProblems: new Map(
      [...(problems?.pins ?? new Map<string, ReadonlyArray<string>>())].map(([pin, list]) => [pin, list.join("; ")])
    ),
    outputs: [...last.values()].map((output) => ({
      pin: output.pin,
      text: output.truncated ? "(large value)" : shortText(output.value)
    }))
  }
}

export interface CanvasNodeData {
  readonly nodeId: string
  readonly title: string
  readonly inputs: ReadonlyArray<string>
  readonly outputs: ReadonlyArray<string>
  readonly missing: boolean
  readonly decor: Signal<NodeDecor>
}

export type CanvasNode = HtmlTemplateNode<CanvasNodeData> & {
  readonly point: WritableSignal<{ x: number; y: number }>
  readonly selected: WritableSignal<boolean>
}

export type CanvasEdge = Edge & { readonly selected: WritableSignal<boolean> }

export const inHandle = (pin: string) => `in:${pin}`
export const outHandle = (pin: string) => `out:${pin}`

/** The pin name behind a handle id, or null for a handle of the other direction. */
export const pinOfHandle = (handle: string | undefined, direction: "in" | "out"): string | null =>
  handle?.startsWith(`${direction}:`) === true ? handle.slice(direction.length + 1) : null

/** The links touching each node (as source or sink), built in one pass. */
export const indexLinks = <L extends LinkEnds>(links: ReadonlyArray<L>): ReadonlyMap<string, ReadonlyArray<L>> => {
  const index = new Map<string, Array<L>>()
  const add = (nodeId: string, link: L) => {
    const list = index.get(nodeId)
    if (list === undefined) index.set(nodeId, [link])
    else list.push(link)
  }
  for (const link of links) {
    add(link.sourceId, link)
    if (link.sinkId !== link.sourceId) add(link.sinkId, link)
  }
  return index
}

export type NodeDrawing = Omit<CanvasNodeData, "decor">

/** Title and pins of a node: the block's declared pins, then the pins only its links name (`values_#_name`). */
export const drawNode = (
  node: GraphNode,
  block: BlockDescriptor | undefined,
  links: ReadonlyArray<LinkEnds>
): NodeDrawing => {
  const inputs = properties(block?.inputSchema).map(([name]) => name)
  const outputs = properties(block?.outputSchema).map(([name]) => name)
  const declaredInputs = new Set(inputs)
  const declaredOutputs = new Set(outputs)
  for (const link of links) {
    if (link.sinkId === node.id && !declaredInputs.has(link.sinkName)) {
      declaredInputs.add(link.sinkName)
      inputs.push(link.sinkName)
    }
    if (link.sourceId === node.id && !declaredOutputs.has(link.sourceName)) {
      declaredOutputs.add(link.sourceName)
      outputs.push(link.sourceName)
    }
  }
  return { nodeId: node.id, title: block?.name ?? node.block.id, inputs, outputs, missing: block === undefined }
}

const sameList = <T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i])

const sameDrawing = (a: NodeDrawing, b: NodeDrawing): boolean =>
  a.title === b.title && a.missing === b.missing && sameList(a.inputs, b.inputs) && sameList(a.outputs, b.outputs)

interface NodeEntry {
  source: GraphNode
  block: BlockDescriptor | undefined
  links: ReadonlyArray<GraphLink>
  drawing: NodeDrawing
  readonly readOnly: boolean
  readonly canvas: CanvasNode
}

export interface DrawnSelection {
  readonly nodeIds: ReadonlySet<string>
  readonly linkIds: ReadonlySet<string>
}

export interface CanvasModelOptions {
  /** The decoration signal of one node (created once per drawn node). */
  readonly decor: (nodeId: string) => Signal<NodeDecor>
  /** Whether a node or link starts selected when it is first drawn. */
  readonly isSelected: (id: string) => boolean
}

const noLinks: ReadonlyArray<GraphLink> = []

export class CanvasModel {
  private nodeEntries = new Map<string, NodeEntry>()
  private edgeEntries = new Map<string, { readonly readOnly: boolean; readonly edge: CanvasEdge }>()
  /** How many node drawings the last `nodes` pass made anew (what a change cost; read by tests). */
  lastRedrawn = 0

  constructor(private readonly options: CanvasModelOptions) {}

  nodes(
    graphNodes: ReadonlyArray<GraphNode>,
    links: ReadonlyArray<GraphLink>,
    blockOf: (node: GraphNode) => BlockDescriptor | undefined,
    readOnly: boolean
  ): Array<CanvasNode> {
    const byNode = indexLinks(links)
    const entries = new Map<string, NodeEntry>()
    let redrawn = 0
    const drawn = graphNodes.map((node) => {
      const block = blockOf(node)
      const nodeLinks = byNode.get(node.id) ?? noLinks
      const previous = this.nodeEntries.get(node.id)
      let entry: NodeEntry
      if (
        previous !== undefined &&
        previous.readOnly === readOnly &&
        previous.block === block &&
        previous.source.block === node.block &&
        sameList(previous.links, nodeLinks)
      ) {
        entry = previous
      } else {
        const drawing = drawNode(node, block, nodeLinks)
        if (previous !== undefined && previous.readOnly === readOnly && sameDrawing(previous.drawing, drawing)) {
          entry = previous
        } else {
          redrawn++
          entry = {
            source: node,
            block,
            links: nodeLinks,
            drawing,
            readOnly,
            canvas: this.canvasNode(node, drawing, readOnly)
          }
        }
      }
      entry.source = node
      entry.block = block
      entry.links = nodeLinks
      entries.set(node.id, entry)
      return entry.canvas
    })
    this.nodeEntries = entries
    this.lastRedrawn = redrawn
    return drawn
  }

  edges(links: ReadonlyArray<GraphLink>, readOnly: boolean): Array<CanvasEdge> {
    const entries = new Map<string, { readonly readOnly: boolean; readonly edge: CanvasEdge }>()
    const drawn = links.map((link) => {
      const id = link.id ?? linkId(link)
      const previous = this.edgeEntries.get(id)
      const entry =
        previous !== undefined && previous.readOnly === readOnly
          ? previous
          : { readOnly, edge: this.canvasEdge(id, link, readOnly) }
      entries.set(id, entry)
      return entry.edge
    })
    this.edgeEntries = entries
    return drawn
  }

  /** Moves drawn nodes to where the document has them (after undo/redo); nodes already there are left alone. */
  syncPositions(graphNodes: ReadonlyArray<GraphNode>): void {
    for (const node of graphNodes) {
      const point = this.nodeEntries.get(node.id)?.canvas.point
      if (point === undefined) continue
      const at = nodePosition(node)
      const current = untracked(point)
      if (Math.round(current.x) !== at.x || Math.round(current.y) !== at.y) point.set(at)
    }
  }

  /** Where ngx-vflow has the drawn nodes now (it moves them itself while they are dragged). */
  positions(): ReadonlyMap<string, { x: number; y: number }> {
    return new Map([...this.nodeEntries].map(([id, entry]) => [id, untracked(entry.canvas.point)]))
  }

  /** Mirrors the selection onto the drawn nodes and edges. */
  syncSelection(nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string>): void {
    for (const [id, entry] of this.nodeEntries) entry.canvas.selected.set(nodeIds.has(id))
    for (const [id, entry] of this.edgeEntries) entry.edge.selected.set(linkIds.has(id))
  }

  /**
   * What the drawing shows selected, read through every drawn node's and edge's `selected` signal (so an
   * effect calling it runs again when ngx-vflow flips any of them).
   */
  drawnSelection(): DrawnSelection {
    const nodeIds = new Set<string>()
    const linkIds = new Set<string>()
    for (const [id, entry] of this.nodeEntries) if (entry.canvas.selected()) nodeIds.add(id)
    for (const [id, entry] of this.edgeEntries) if (entry.edge.selected()) linkIds.add(id)
    return { nodeIds, linkIds }
  }

  private canvasNode(node: GraphNode, drawing: NodeDrawing, readOnly: boolean): CanvasNode {
    return {
      id: node.id,
      type: "html-template",
      point: signal(nodePosition(node)),
      draggable: signal(!readOnly),
      selected: signal(this.options.isSelected(node.id)),
      data: signal({ ...drawing, decor: this.options.decor(node.id) })
    }
  }

  private canvasEdge(id: string, link: GraphLink, readOnly: boolean): CanvasEdge {
    return {
      id,
      source: link.sourceId,
      target: link.sinkId,
      sourceHandle: outHandle(link.sourceName),
      targetHandle: inHandle(link.sinkName),
      reconnectable: signal(!readOnly),
      selected: signal(this.options.isSelected(id))
    }
  }
}
