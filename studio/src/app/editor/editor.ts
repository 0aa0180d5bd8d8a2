/**
 * The editor page: palette, canvas (ngx-vflow) and a side panel with the selected node's inputs and the run
 * view. Links are checked by the pin-compatibility rule both while dragging (ngx-vflow's validator greys out
 * refused targets) and on drop, where a refusal is explained in the notice line.
 */
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from "@angular/core"
import { type Connection, type ConnectionSettings, type EdgeChange, type NodeChange, Vflow } from "ngx-vflow"
import type { BlockDescriptor } from "../api/api-types"
import { RunPanel } from "../runs/run-panel"
import { RunStore } from "../runs/run-store"
import { BlockPalette, blockDragType } from "./block-palette"
import { blockKey } from "./blocks-store"
import { canvasEdge, canvasNode, inHandle, outHandle, pinOfHandle } from "./canvas-model"
import { EditorStore } from "./editor-store"
import { type InputChange, NodeForm } from "./node-form"

@Component({
  selector: "weft-editor",
  imports: [Vflow, BlockPalette, NodeForm, RunPanel],
  providers: [EditorStore, RunStore],
  templateUrl: "./editor.html",
  styleUrl: "./editor.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class Editor {
  /** The route parameter (withComponentInputBinding). */
  readonly graphId = input.required<string>()

  protected readonly store = inject(EditorStore)
  protected readonly run = inject(RunStore)
  protected readonly selectedId = signal<string | null>(null)
  protected readonly inHandle = inHandle
  protected readonly outHandle = outHandle

  /** Node structure only: moving a node must not rebuild the canvas (ngx-vflow already moved it). */
  private readonly structure = computed(() =>
    this.store
      .nodes()
      .map((n) => `${n.id}=${blockKey(n.block)}`)
      .join("|")
  )
  protected readonly canvasNodes = computed(() => {
    this.structure()
    const links = this.store.links()
    return untracked(() => this.store.nodes().map((n) => canvasNode(n, this.store.blockOf(n), links)))
  })
  protected readonly canvasEdges = computed(() => this.store.links().map(canvasEdge))
  protected readonly selectedNode = computed(() => this.store.nodes().find((n) => n.id === this.selectedId()))
  protected readonly selectedLinkedPins = computed(() =>
    this.store
      .links()
      .filter((l) => l.sinkId === this.selectedId())
      .map((l) => l.sinkName)
  )

  protected readonly connection: ConnectionSettings = {
    mode: "strict",
    validator: (c) => this.verdict(c).ok
  }

  constructor() {
    effect(() => {
      const graphId = this.graphId()
      untracked(() => void this.store.load(graphId))
    })
  }

  protected statusOf(nodeId: string): string {
    return this.run.nodes().get(nodeId)?.status.toLowerCase() ?? ""
  }

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  protected addBlock(block: BlockDescriptor, at = { x: 40 + this.store.nodes().length * 24, y: 40 }): void {
    const node = this.store.addNode(block, at)
    this.selectedId.set(node.id)
  }

  protected dragOver(event: DragEvent): void {
    if (event.dataTransfer?.types.includes(blockDragType) === true) event.preventDefault()
  }

  protected drop(event: DragEvent): void {
    const key = event.dataTransfer?.getData(blockDragType)
    if (key === undefined || key === "") return
    event.preventDefault()
    const block = this.store.blockOf({ id: "", block: blockFromKey(key), inputDefault: {}, metadata: {} })
    if (block === undefined) return
    const canvas = event.currentTarget instanceof HTMLElement ? event.currentTarget.getBoundingClientRect() : null
    this.addBlock(block, { x: event.clientX - (canvas?.left ?? 0), y: event.clientY - (canvas?.top ?? 0) })
  }

  protected onConnect(connection: Connection): void {
    const sourcePin = pinOfHandle(connection.sourceHandle, "out")
    const sinkPin = pinOfHandle(connection.targetHandle, "in")
    if (sourcePin === null || sinkPin === null) return
    this.store.connect(connection.source, sourcePin, connection.target, sinkPin)
  }

  protected onNodesChange(changes: ReadonlyArray<NodeChange>): void {
    for (const change of changes) {
      if (change.type === "position") this.store.moveNode(change.id, change.point)
      if (change.type === "select" && change.selected) this.selectedId.set(change.id)
      if (change.type === "remove") this.store.removeNode(change.id)
    }
  }

  protected onEdgesChange(changes: ReadonlyArray<EdgeChange>): void {
    for (const change of changes) if (change.type === "remove") this.store.removeLink(change.id)
  }

  protected editInput(nodeId: string, change: InputChange): void {
    this.store.setInput(nodeId, change.pin, change.value)
  }

  protected removeSelected(): void {
    const id = this.selectedId()
    if (id === null) return
    this.store.removeNode(id)
    this.selectedId.set(null)
  }

  protected async save(): Promise<void> {
    await this.store.save()
  }

  private verdict(c: Connection): { ok: boolean } {
    const sourcePin = pinOfHandle(c.sourceHandle, "out")
    const sinkPin = pinOfHandle(c.targetHandle, "in")
    if (sourcePin === null || sinkPin === null) return { ok: false }
    return this.store.check(c.source, sourcePin, c.target, sinkPin)
  }
}

const blockFromKey = (key: string): { id: string; package?: string } => {
  const hash = key.lastIndexOf("#")
  return hash < 0 ? { id: key } : { package: key.slice(0, hash), id: key.slice(hash + 1) }
}
