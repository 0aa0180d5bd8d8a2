/**
 * The graph being edited: one immutable document (editor-document.ts) per state, the commands the canvas, the
 * forms and the shortcuts run on it, undo/redo over its snapshots (editor-timeline.ts), the selection, the
 * pin-compatibility check on every new link, and save (`PUT /graphs/:id?message=`, which stores a new version
 * with the user's message). It also knows which version is open: the latest draft (editable), an older version
 * or a past run's version (both read-only; version-store.ts). Provided by the editor page, so each open editor
 * has its own.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { BlockDescriptor, Graph, GraphNode } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"
import { BlocksStore } from "./blocks-store"
import { copyNodes, GraphClipboard, pasteNodes } from "./clipboard"
import * as edit from "./editor-document"
import { type EditorDocument, freshNodeId, type LinkEnds, type Point, toGraphFile } from "./editor-document"
import { EditorSelection } from "./editor-selection"
import { EditorTimeline, emptyDocument } from "./editor-timeline"
import { type GraphProblems, graphProblemsOf, indexProblems, noProblems } from "./graph-problems"
import { type Compatibility, canConnect } from "./pin-compatibility"

export { freshNodeId, linkId, nodePosition, type Point, toGraphFile } from "./editor-document"

/** `edit`: the latest draft; `version`: an older version, read-only; `replay`: the version a past run ran. */
export type EditorMode = "edit" | "version" | "replay"

export const documentOf = (graph: Graph): EditorDocument => ({
  name: graph.name,
  nodes: graph.nodes,
  links: edit.withLinkIds(graph.links)
})

@Injectable()
export class EditorStore {
  private readonly api = inject(GatewayApi)
  private readonly blocks = inject(BlocksStore)
  private readonly clipboard = inject(GraphClipboard)
  private readonly timeline = new EditorTimeline()

  private readonly graphState = signal<Graph | null>(null)
  private readonly modeState = signal<EditorMode>("edit")
  private readonly busyState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private readonly noticeState = signal<string | null>(null)
  private readonly problemsState = signal<GraphProblems>(noProblems)

  readonly selection = new EditorSelection()
  /** The stored version the document was opened from (for a draft: the version it will follow). */
  readonly graph = this.graphState.asReadonly()
  readonly document = this.timeline.document
  readonly mode = this.modeState.asReadonly()
  readonly busy = this.busyState.asReadonly()
  readonly error = this.errorState.asReadonly()
  /** The last refusal or confirmation to show the user (a refused link and why, "Saved as version 3"). */
  readonly notice = this.noticeState.asReadonly()
  /** The problems the gateway found in the last save or run start, by node and pin. */
  readonly problems = this.problemsState.asReadonly()
  /** Changes that did not come from the canvas (editor-timeline.ts): the canvas then re-reads positions. */
  readonly jumps = this.timeline.jumps

  readonly name = computed(() => this.document().name)
  readonly nodes = computed(() => this.document().nodes)
  readonly links = computed(() => this.document().links)
  readonly nodeById = computed(() => new Map(this.nodes().map((n) => [n.id, n])))
  readonly readOnly = computed(() => this.modeState() !== "edit")
  readonly dirty = computed(() => this.modeState() === "edit" && this.timeline.changed())
  readonly version = computed(() => this.graphState()?.version ?? null)
  readonly canUndo = computed(() => !this.readOnly() && this.timeline.canUndo())
  readonly canRedo = computed(() => !this.readOnly() && this.timeline.canRedo())
  readonly selectedNode = computed(() => {
    const id = this.selection.singleNodeId()
    return id === null ? undefined : this.nodeById().get(id)
  })

  async load(graphId: string): Promise<Graph | null> {
    return this.loading(async () => {
      const [graph] = await Promise.all([this.api.graph(graphId), this.blocks.load()])
      this.open(graph, "edit")
      return graph
    })
  }

  /** Opens one stored version as it is (a past run's version: read-only). */
  async loadVersion(graphId: string, version: number, mode: EditorMode): Promise<Graph | null> {
    return this.loading(async () => {
      const [graph] = await Promise.all([this.api.graphAt(graphId, version), this.blocks.load()])
      this.open(graph, mode)
      return graph
    })
  }

  /**
   * Shows `graph` on the canvas, forgetting the previous document and its problems. The undo history goes too,
   * unless `keepHistory`: a read-only version shown over a stashed draft leaves the draft's history for later.
   */
  open(graph: Graph, mode: EditorMode = "edit", keepHistory = false): void {
    this.graphState.set(graph)
    this.modeState.set(mode)
    this.timeline.reset(documentOf(graph), keepHistory)
    this.problemsState.set(noProblems)
    this.pruneSelection()
  }

  /** Shows nothing, in `mode`, until a graph is opened (a replay whose run is still loading, or failed to). */
  clear(mode: EditorMode): void {
    this.graphState.set(null)
    this.modeState.set(mode)
    this.timeline.reset(emptyDocument, false)
    this.problemsState.set(noProblems)
    this.selection.clear()
  }

  /**
   * Puts a document in place without touching the stored-version bookkeeping: returning to a stashed draft, or
   * starting a draft from an older version's content (then undo goes back to the draft it replaced).
   */
  restore(graph: Graph, doc: EditorDocument, saved: EditorDocument, recordFrom: EditorDocument | null): void {
    this.graphState.set(graph)
    this.modeState.set("edit")
    this.timeline.restore(doc, saved, recordFrom)
    this.pruneSelection()
  }

  /** The draft as it stands, to stash while another version is shown. */
  draft(): { graph: Graph | null; doc: EditorDocument; saved: EditorDocument } {
    return { graph: this.graphState(), doc: this.document(), saved: this.timeline.saved() }
  }

  setNotice(notice: string | null): void {
    this.noticeState.set(notice)
  }

  blockOf(node: GraphNode): BlockDescriptor | undefined {
    return this.blocks.find(node.block)
  }

  rename(name: string): void {
    if (name !== this.name()) this.commit({ ...this.document(), name })
  }

  addNode(block: BlockDescriptor, at: Point): GraphNode | null {
    if (this.readOnly()) return null
    const node: GraphNode = edit.withPosition(
      {
        id: freshNodeId(block.id, new Set(this.nodeById().keys())),
        block:
          block.package === undefined
            ? { id: block.id }
            : { id: block.id, package: block.package, version: block.packageVersion ?? block.version },
        inputDefault: {},
        metadata: {}
      },
      at
    )
    this.commit({ ...this.document(), nodes: [...this.nodes(), node] })
    this.selection.set([node.id])
    return node
  }

  /** Moves nodes (the canvas reports where a drag left them) as one undo step; no step when none moved. */
  moveNodes(moves: ReadonlyMap<string, Point>): void {
    this.commit(edit.moveNodes(this.document(), moves))
  }

  removeNode(nodeId: string): void {
    this.removeItems(new Set([nodeId]), new Set())
  }

  removeLink(id: string): void {
    this.removeItems(new Set(), new Set([id]))
  }

  /** Deletes the selected nodes (with their links) and the selected links as one undo step. */
  deleteSelection(): number {
    const nodes = this.selection.nodeIds()
    const links = this.selection.linkIds()
    const before = this.document()
    this.removeItems(nodes, links)
    return before.nodes.length - this.nodes().length + (before.links.length - this.links().length)
  }

  /** Sets (or with `undefined` clears) one input pin's value on a node. */
  setInput(nodeId: string, pin: string, value: unknown): void {
    if (this.commit(edit.setInput(this.document(), nodeId, pin, value))) this.dropProblems(nodeId, pin)
  }

  /** The pin-compatibility rule applied to two nodes of this graph. */
  check(sourceId: string, sourcePin: string, sinkId: string, sinkPin: string): Compatibility {
    if (this.readOnly()) return { ok: false, reason: "This version is read-only" }
    const source = this.nodeById().get(sourceId)
    const sink = this.nodeById().get(sinkId)
    if (source === undefined || sink === undefined) return { ok: false, reason: "Unknown node" }
    if (sourceId === sinkId) return { ok: false, reason: "A node cannot feed itself" }
    const sourceBlock = this.blockOf(source)
    const sinkBlock = this.blockOf(sink)
    if (sourceBlock === undefined || sinkBlock === undefined) return { ok: false, reason: "Unknown block" }
    return canConnect(sourceBlock.outputSchema, sourcePin, sinkBlock.inputSchema, sinkPin)
  }

  /** Adds a link when the pins are compatible; otherwise records the reason as the notice and returns it. */
  connect(sourceId: string, sourcePin: string, sinkId: string, sinkPin: string): Compatibility {
    return this.linkWith({ sourceId, sourceName: sourcePin, sinkId, sinkName: sinkPin }, (doc, ends) =>
      edit.addLink(doc, ends)
    )
  }

  /** Moves one end of an existing link to another pin, checked like a new link. */
  reconnect(oldLinkId: string, ends: LinkEnds): Compatibility {
    return this.linkWith(ends, (doc) => edit.replaceLink(doc, oldLinkId, ends))
  }

  copySelection(): number {
    const content = copyNodes(this.document(), this.selection.nodeIds())
    if (content === null) return 0
    this.clipboard.put(content)
    this.noticeState.set(`Copied ${plural(content.nodes.length, "node")}`)
    return content.nodes.length
  }

  cutSelection(): void {
    if (!this.readOnly() && this.copySelection() > 0) this.deleteSelection()
  }

  /** Pastes the clipboard's nodes under fresh ids and selects them. */
  paste(): ReadonlyArray<string> {
    const content = this.clipboard.content()
    if (content === null || this.readOnly()) return []
    const pasted = pasteNodes(this.document(), content, this.clipboard.nextOffset())
    this.commit(pasted.doc)
    this.selection.set(pasted.nodeIds)
    return pasted.nodeIds
  }

  selectAll(): void {
    this.selection.set(this.nodeById().keys())
  }

  undo(): void {
    if (!this.readOnly() && this.timeline.undo()) this.pruneSelection()
  }

  redo(): void {
    if (!this.readOnly() && this.timeline.redo()) this.pruneSelection()
  }

  /**
   * Saves the draft as a new version, with `message` (if any) stored beside it; resolves to the stored graph, or
   * null (error and problems say why).
   */
  async save(message?: string): Promise<Graph | null> {
    const graph = this.graphState()
    if (graph === null || this.readOnly()) return null
    const doc = this.document()
    this.busyState.set(true)
    this.errorState.set(null)
    try {
      const file = toGraphFile(doc.name, graph.description, doc.nodes, doc.links)
      const saved = await this.api.updateGraph(graph.id, file, message)
      this.graphState.set(saved)
      // The document stays as it is (with its undo history): what was sent is now the saved state, and edits
      // made while the request was out still count as unsaved.
      this.timeline.markSaved(doc)
      this.problemsState.set(noProblems)
      this.noticeState.set(`Saved as version ${saved.version}`)
      return saved
    } catch (error) {
      this.reportProblems(error, doc)
      return null
    } finally {
      this.busyState.set(false)
    }
  }

  /** Shows what the gateway found wrong (by node and pin when it says so) for the document that was sent. */
  reportProblems(error: unknown, submitted: EditorDocument = this.document()): void {
    const problems = graphProblemsOf(error, submitted)
    this.problemsState.set(problems ?? noProblems)
    this.errorState.set(problems === null ? problemMessage(error) : null)
  }

  clearProblems(): void {
    this.problemsState.set(noProblems)
  }

  private async loading(task: () => Promise<Graph>): Promise<Graph | null> {
    this.busyState.set(true)
    this.errorState.set(null)
    try {
      return await task()
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return null
    } finally {
      this.busyState.set(false)
    }
  }

  /** Makes `next` the document as one undo step; false when it is read-only or nothing changed. */
  private commit(next: EditorDocument): boolean {
    return !this.readOnly() && this.timeline.commit(next)
  }

  private linkWith(ends: LinkEnds, change: (doc: EditorDocument, ends: LinkEnds) => EditorDocument): Compatibility {
    const verdict = this.check(ends.sourceId, ends.sourceName, ends.sinkId, ends.sinkName)
    if (!verdict.ok) {
      this.noticeState.set(`Link refused: ${verdict.reason}`)
      return verdict
    }
    this.commit(change(this.document(), ends))
    this.noticeState.set(null)
    return verdict
  }

  private removeItems(nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string>): void {
    if (!this.commit(edit.removeItems(this.document(), nodeIds, linkIds))) return
    for (const id of nodeIds) this.dropProblems(id)
    this.pruneSelection()
  }

  private pruneSelection(): void {
    const nodes = this.nodeById()
    const links = new Set(this.links().map((l) => l.id))
    this.selection.retain(
      (id) => nodes.has(id),
      (id) => links.has(id)
    )
  }

  /** A pin (or a whole node) the user changed no longer shows the problem reported before the change. */
  private dropProblems(nodeId: string, pin?: string): void {
    const problems = this.problemsState()
    if (!problems.byNode.has(nodeId)) return
    const entries = problems.entries.filter((e) => e.nodeId !== nodeId || (pin !== undefined && e.pin !== pin))
    this.problemsState.set(entries.length === 0 ? noProblems : indexProblems(problems.title, entries))
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`
