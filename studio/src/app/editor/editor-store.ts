/**
 * The graph being edited: its nodes and links as signals, the edits the canvas and the node forms make, the
 * pin-compatibility check on every new link, and save (`PUT /graphs/:id`, which stores a new version). Provided
 * by the editor page, so each open editor has its own.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { BlockDescriptor, Graph, GraphFile, GraphLink, GraphNode, JsonObject } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"
import { BlocksStore } from "./blocks-store"
import { isRecord } from "./json-schema"
import { type Compatibility, canConnect } from "./pin-compatibility"

export interface Point {
  readonly x: number
  readonly y: number
}

export const linkId = (link: Pick<GraphLink, "sourceId" | "sourceName" | "sinkId" | "sinkName">): string =>
  `${link.sourceId}:${link.sourceName}->${link.sinkId}:${link.sinkName}`

export const nodePosition = (node: GraphNode): Point => {
  const position = node.metadata["position"]
  if (isRecord(position) && typeof position["x"] === "number" && typeof position["y"] === "number") {
    return { x: position["x"], y: position["y"] }
  }
  return { x: 0, y: 0 }
}

/** A node id not yet used in the graph, readable in exports: `calculator-2`. */
export const freshNodeId = (blockId: string, taken: ReadonlySet<string>): string => {
  const base = blockId.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/** The body that saves the edited graph: only the fields the gateway's strict GraphFile accepts. */
export const toGraphFile = (
  name: string,
  description: string,
  nodes: ReadonlyArray<GraphNode>,
  links: ReadonlyArray<GraphLink>
): GraphFile => ({
  name,
  description,
  nodes: nodes.map(({ id, block, inputDefault, metadata }) => ({ id, block, inputDefault, metadata })),
  links: links.map(({ sourceId, sourceName, sinkId, sinkName }) => ({ sourceId, sourceName, sinkId, sinkName }))
})

@Injectable()
export class EditorStore {
  private readonly api = inject(GatewayApi)
  private readonly blocks = inject(BlocksStore)

  private readonly graphState = signal<Graph | null>(null)
  private readonly nameState = signal("")
  private readonly nodesState = signal<ReadonlyArray<GraphNode>>([])
  private readonly linksState = signal<ReadonlyArray<GraphLink>>([])
  private readonly dirtyState = signal(false)
  private readonly busyState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private readonly noticeState = signal<string | null>(null)

  readonly graph = this.graphState.asReadonly()
  readonly name = this.nameState.asReadonly()
  readonly nodes = this.nodesState.asReadonly()
  readonly links = this.linksState.asReadonly()
  readonly dirty = this.dirtyState.asReadonly()
  readonly busy = this.busyState.asReadonly()
  readonly error = this.errorState.asReadonly()
  /** The last refusal or confirmation to show the user (a refused link and why, "Saved as version 3"). */
  readonly notice = this.noticeState.asReadonly()
  readonly version = computed(() => this.graphState()?.version ?? null)

  async load(graphId: string): Promise<void> {
    this.busyState.set(true)
    this.errorState.set(null)
    try {
      const [graph] = await Promise.all([this.api.graph(graphId), this.blocks.load()])
      this.open(graph)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    } finally {
      this.busyState.set(false)
    }
  }

  open(graph: Graph): void {
    this.graphState.set(graph)
    this.nameState.set(graph.name)
    this.nodesState.set(graph.nodes)
    this.linksState.set(graph.links.map((link) => ({ ...link, id: link.id ?? linkId(link) })))
    this.dirtyState.set(false)
  }

  rename(name: string): void {
    this.nameState.set(name)
    this.dirtyState.set(true)
  }

  blockOf(node: GraphNode): BlockDescriptor | undefined {
    return this.blocks.find(node.block)
  }

  addNode(block: BlockDescriptor, at: Point): GraphNode {
    const taken = new Set(this.nodesState().map((n) => n.id))
    const node: GraphNode = {
      id: freshNodeId(block.id, taken),
      block:
        block.package === undefined
          ? { id: block.id }
          : { id: block.id, package: block.package, version: block.packageVersion ?? block.version },
      inputDefault: {},
      metadata: { position: { x: Math.round(at.x), y: Math.round(at.y) } }
    }
    this.nodesState.update((nodes) => [...nodes, node])
    this.dirtyState.set(true)
    return node
  }

  moveNode(nodeId: string, to: Point): void {
    this.updateNode(nodeId, (node) => ({
      ...node,
      metadata: { ...node.metadata, position: { x: Math.round(to.x), y: Math.round(to.y) } }
    }))
  }

  removeNode(nodeId: string): void {
    this.nodesState.update((nodes) => nodes.filter((n) => n.id !== nodeId))
    this.linksState.update((links) => links.filter((l) => l.sourceId !== nodeId && l.sinkId !== nodeId))
    this.dirtyState.set(true)
  }

  /** Sets (or with `undefined` clears) one input pin's value on a node. */
  setInput(nodeId: string, pin: string, value: unknown): void {
    this.updateNode(nodeId, (node) => {
      const { [pin]: _previous, ...rest } = node.inputDefault
      const inputDefault: JsonObject = value === undefined ? rest : { ...rest, [pin]: value }
      return { ...node, inputDefault }
    })
  }

  /** The pin-compatibility rule applied to two nodes of this graph. */
  check(sourceId: string, sourcePin: string, sinkId: string, sinkPin: string): Compatibility {
    const source = this.nodesState().find((n) => n.id === sourceId)
    const sink = this.nodesState().find((n) => n.id === sinkId)
    if (source === undefined || sink === undefined) return { ok: false, reason: "Unknown node" }
    if (sourceId === sinkId) return { ok: false, reason: "A node cannot feed itself" }
    const sourceBlock = this.blockOf(source)
    const sinkBlock = this.blockOf(sink)
    if (sourceBlock === undefined || sinkBlock === undefined) return { ok: false, reason: "Unknown block" }
    return canConnect(sourceBlock.outputSchema, sourcePin, sinkBlock.inputSchema, sinkPin)
  }

  /** Adds a link when the pins are compatible; otherwise records the reason as the notice and returns it. */
  connect(sourceId: string, sourcePin: string, sinkId: string, sinkPin: string): Compatibility {
    const verdict = this.check(sourceId, sourcePin, sinkId, sinkPin)
    if (!verdict.ok) {
      this.noticeState.set(`Link refused: ${verdict.reason}`)
      return verdict
    }
    const link: GraphLink = { sourceId, sourceName: sourcePin, sinkId, sinkName: sinkPin }
    const id = linkId(link)
    if (!this.linksState().some((l) => l.id === id)) {
      this.linksState.update((links) => [...links, { ...link, id }])
      this.dirtyState.set(true)
    }
    this.noticeState.set(null)
    return verdict
  }

  removeLink(id: string): void {
    this.linksState.update((links) => links.filter((l) => l.id !== id))
    this.dirtyState.set(true)
  }

  /** Saves the edit as a new version; resolves to the stored graph, or null (the error signal says why). */
  async save(): Promise<Graph | null> {
    const graph = this.graphState()
    if (graph === null) return null
    this.busyState.set(true)
    this.errorState.set(null)
    try {
      const file = toGraphFile(this.nameState(), graph.description, this.nodesState(), this.linksState())
      const saved = await this.api.updateGraph(graph.id, file)
      this.open(saved)
      this.noticeState.set(`Saved as version ${saved.version}`)
      return saved
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return null
    } finally {
      this.busyState.set(false)
    }
  }

  private updateNode(nodeId: string, change: (node: GraphNode) => GraphNode): void {
    this.nodesState.update((nodes) => nodes.map((n) => (n.id === nodeId ? change(n) : n)))
    this.dirtyState.set(true)
  }
}
