/**
 * The canvas: ngx-vflow drawing the document (canvas-model.ts), and the gestures on it turned into store
 * commands. Links are checked by the pin-compatibility rule both while dragging (ngx-vflow's validator greys
 * out refused targets) and on drop, where a refusal is explained in the notice line; dragging an edge's end to
 * another pin reconnects it. Clicks, Shift/Ctrl/Cmd clicks and Shift-drag boxes select; the selection lives in
 * the store and is mirrored onto the drawing (see `reconcileSelection`). Large graphs turn on ngx-vflow's
 * viewport virtualization so panning and zooming only draw what is visible.
 */
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  effect,
  inject,
  type Signal,
  untracked,
  viewChild
} from "@angular/core"
import {
  type ConnectEndEvent,
  type Connection,
  type ConnectionSettings,
  type KeyboardShortcuts,
  type Optimization,
  type ReconnectEvent,
  Vflow,
  VflowComponent
} from "ngx-vflow"
import type { BlockDescriptor } from "../api/api-types"
import { RunStore } from "../runs/run-store"
import { blockDragType } from "./block-palette"
import {
  CanvasModel,
  type CanvasNodeData,
  type DrawnSelection,
  inHandle,
  type NodeDecor,
  nodeDecor,
  outHandle,
  pinOfHandle
} from "./canvas-model"
import type { Point } from "./editor-document"
import { EditorStore } from "./editor-store"
import { HandleAligner, HandleAlignment } from "./handle-alignment"

/** From this many nodes on, only what is in view is drawn while panning and zooming. */
export const virtualizeFrom = 100

const selectionKeys: KeyboardShortcuts = {
  selection: ["ShiftLeft", "ShiftRight"],
  multiSelection: ["ShiftLeft", "ShiftRight", "ControlLeft", "ControlRight", "MetaLeft", "MetaRight"]
}

const sameItems = <T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i])

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((id) => b.has(id))

interface StoreSelection {
  readonly nodeIds: ReadonlySet<string>
  readonly linkIds: ReadonlySet<string>
}

export const blockFromKey = (key: string): { id: string; package?: string } => {
  const hash = key.lastIndexOf("#")
  return hash < 0 ? { id: key } : { package: key.slice(0, hash), id: key.slice(hash + 1) }
}

@Component({
  selector: "weft-graph-canvas",
  imports: [Vflow, HandleAlignment],
  providers: [HandleAligner],
  templateUrl: "./graph-canvas.html",
  styleUrl: "./graph-canvas.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class GraphCanvas {
  protected readonly store = inject(EditorStore)
  private readonly run = inject(RunStore)
  private readonly host: HTMLElement = inject(ElementRef).nativeElement
  private readonly flow = viewChild(VflowComponent)
  /** The store's selection as last mirrored onto the drawing (see `reconcileSelection`). */
  private mirrored: StoreSelection | null = null

  private readonly model = new CanvasModel({
    decor: (nodeId) => this.decorOf(nodeId),
    isSelected: (id) =>
      untracked(this.store.selection.nodeIds).has(id) || untracked(this.store.selection.linkIds).has(id)
  })

  protected readonly inHandle = inHandle
  protected readonly outHandle = outHandle
  protected readonly selectionKeys = selectionKeys
  /**
   * The same array as long as it holds the same objects: a drag or an input edit then does not hand ngx-vflow a
   * new list (which it would walk, re-index and re-order in full).
   */
  readonly canvasNodes = computed(
    () => this.model.nodes(this.store.nodes(), this.store.links(), (n) => this.store.blockOf(n), this.store.readOnly()),
    { equal: sameItems }
  )
  protected readonly canvasEdges = computed(() => this.model.edges(this.store.links(), this.store.readOnly()), {
    equal: sameItems
  })
  protected readonly optimization = computed(
    (): Optimization => ({ virtualization: this.store.nodes().length >= virtualizeFrom }),
    { equal: (a, b) => a.virtualization === b.virtualization }
  )
  protected readonly connection: ConnectionSettings = {
    mode: "strict",
    validator: (c) => this.verdict(c).ok
  }

  constructor() {
    effect(() => {
      this.store.jumps()
      untracked(() => {
        this.canvasNodes()
        this.model.syncPositions(this.store.nodes())
      })
    })
    effect(() => {
      const selection = { nodeIds: this.store.selection.nodeIds(), linkIds: this.store.selection.linkIds() }
      this.canvasNodes()
      this.canvasEdges()
      const drawn = this.model.drawnSelection()
      untracked(() => this.reconcileSelection(selection, drawn))
    })
  }

  /** Where a block added from the palette's button lands: the middle of what the canvas shows. */
  centre(): Point {
    const rect = this.host.getBoundingClientRect()
    const flow = this.flow()
    const centre = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    return flow === undefined ? { x: 40, y: 40 } : flow.documentPointToFlowPoint(centre)
  }

  fitView(): void {
    this.flow()?.fitView({ padding: 0.1, duration: 200 })
  }

  protected dragOver(event: DragEvent): void {
    if (!this.store.readOnly() && event.dataTransfer?.types.includes(blockDragType) === true) event.preventDefault()
  }

  protected drop(event: DragEvent): void {
    const key = event.dataTransfer?.getData(blockDragType)
    if (key === undefined || key === "" || this.store.readOnly()) return
    event.preventDefault()
    const block = this.store.blockOf({ id: "", block: blockFromKey(key), inputDefault: {}, metadata: {} })
    if (block === undefined) return
    const flow = this.flow()
    const at =
      flow === undefined
        ? { x: event.offsetX, y: event.offsetY }
        : flow.documentPointToFlowPoint({ x: event.clientX, y: event.clientY })
    this.add(block, at)
  }

  add(block: BlockDescriptor, at: Point = this.centre()): void {
    this.store.addNode(block, at)
  }

  protected onConnect(connection: Connection): void {
    const sourcePin = pinOfHandle(connection.sourceHandle, "out")
    const sinkPin = pinOfHandle(connection.targetHandle, "in")
    if (sourcePin === null || sinkPin === null) return
    this.store.connect(connection.source, sourcePin, connection.target, sinkPin)
  }

  /** ngx-vflow drops a refused link silently: run it through the store, which says why it was refused. */
  protected onConnectEnd({ valid, from, to }: ConnectEndEvent): void {
    if (valid !== false || to.node === null || to.handle === null) return
    const [source, sink] = from.handle.type === "source" ? [from, to] : [to, from]
    const sourcePin = pinOfHandle(source.handle?.id, "out")
    const sinkPin = pinOfHandle(sink.handle?.id, "in")
    if (source.node === null || sink.node === null || sourcePin === null || sinkPin === null) return
    this.store.connect(source.node.id, sourcePin, sink.node.id, sinkPin)
  }

  protected onReconnect({ connection, oldEdge }: ReconnectEvent): void {
    const sourceName = pinOfHandle(connection.sourceHandle, "out")
    const sinkName = pinOfHandle(connection.targetHandle, "in")
    if (sourceName === null || sinkName === null) return
    this.store.reconnect(oldEdge.id, { sourceId: connection.source, sourceName, sinkId: connection.target, sinkName })
  }

  /**
   * A click on a node selects it alone; with Shift, Ctrl or Cmd held it is added to the selection. Node clicks
   * are the store's alone (the node template has no ngx-vflow `selectable`), and Shift also starts ngx-vflow's
   * box selection, whose empty box swallows the click there anyway.
   */
  protected nodeClick(event: MouseEvent, nodeId: string): void {
    if (event.shiftKey || event.ctrlKey || event.metaKey) this.store.selection.setNode(nodeId, true)
    else this.store.selection.set([nodeId])
  }

  /**
   * Records where drags left the nodes, as one undo step (nothing when no node moved). Called when a drag
   * ends, and before any command, so that an undo pressed right after a drag undoes that drag.
   */
  commitPositions(): void {
    if (!this.store.readOnly()) this.store.moveNodes(this.model.positions())
  }

  /** ngx-vflow types a node's data as `any`: this gives the template the real type back. */
  protected drawing(data: CanvasNodeData): CanvasNodeData {
    return data
  }

  /**
   * The store owns the selection, but ngx-vflow writes the drawn entities' `selected` signals itself on an edge
   * click, a click on the empty canvas and a box selection. Its own change stream reports those one entity at a
   * time, 25 ms late and without telling them from the echo of the store's writes, so taking changes from it
   * (as the canvas once did) raced: a click turning A on and B off reached the store as "A on" first, the
   * mirror wrote B back on, and late echoes then flipped B until one happened to win. Instead, both sides are
   * compared here as wholes: a store change since the last pass is mirrored onto the drawing; otherwise a
   * drawing that differs from the store was changed by ngx-vflow and is taken over at once, in one piece.
   */
  private reconcileSelection(selection: StoreSelection, drawn: DrawnSelection): void {
    const mirrored = this.mirrored
    if (mirrored === null || mirrored.nodeIds !== selection.nodeIds || mirrored.linkIds !== selection.linkIds) {
      this.mirrored = selection
      this.model.syncSelection(selection.nodeIds, selection.linkIds)
    } else if (!sameSet(drawn.nodeIds, selection.nodeIds) || !sameSet(drawn.linkIds, selection.linkIds)) {
      this.store.selection.set(drawn.nodeIds, drawn.linkIds)
    }
  }

  private decorOf(nodeId: string): Signal<NodeDecor> {
    const parts = computed(
      () => ({
        state: this.run.nodes().get(nodeId),
        problems: this.store.problems().byNode.get(nodeId),
        outputs: this.run.outputs().get(nodeId)
      }),
      { equal: (a, b) => a.state === b.state && a.problems === b.problems && a.outputs === b.outputs }
    )
    return computed(() => {
      const { state, problems, outputs } = parts()
      return nodeDecor(state, problems, outputs)
    })
  }

  private verdict(c: Connection): { ok: boolean } {
    const sourcePin = pinOfHandle(c.sourceHandle, "out")
    const sinkPin = pinOfHandle(c.targetHandle, "in")
    if (sourcePin === null || sinkPin === null) return { ok: false }
    return this.store.check(c.source, sourcePin, c.target, sinkPin)
  }
}
