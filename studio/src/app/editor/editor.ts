/**
 * The editor page: toolbar, palette, canvas (graph-canvas.ts) and a side panel with the selected node's inputs,
 * the version history and the run view. Two routes lead here: `graphs/:graphId` edits the graph's latest draft,
 * `graphs/:graphId/executions/:executionId` replays a past run read-only on the version it ran, each node with
 * its final status and outputs. Keyboard shortcuts (editor-shortcuts.ts) are handled here, for the whole page.
 */
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild
} from "@angular/core"
import { RouterLink } from "@angular/router"
import type { BlockDescriptor } from "../api/api-types"
import { formatValue, RunPanel } from "../runs/run-panel"
import { RunStore } from "../runs/run-store"
import { BlockPalette } from "./block-palette"
import { commandFor, type EditorCommand, isTypingTarget } from "./editor-shortcuts"
import { EditorStore } from "./editor-store"
import { GraphCanvas } from "./graph-canvas"
import { LinkPicker } from "./link-picker"
import { type InputChange, NodeForm } from "./node-form"
import { SaveDialog } from "./save-dialog"
import { ShortcutHelp } from "./shortcut-help"
import { VersionHistory } from "./version-history"
import { VersionStore } from "./version-store"

type Popover = "save" | "help" | null

@Component({
  selector: "weft-editor",
  imports: [
    BlockPalette,
    GraphCanvas,
    LinkPicker,
    NodeForm,
    RunPanel,
    SaveDialog,
    ShortcutHelp,
    VersionHistory,
    RouterLink
  ],
  providers: [EditorStore, VersionStore, RunStore],
  templateUrl: "./editor.html",
  styleUrl: "./editor.css",
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { "(document:keydown)": "onKey($event)" }
})
export class Editor {
  /** The route parameters (withComponentInputBinding). */
  readonly graphId = input.required<string>()
  readonly executionId = input<string | undefined>(undefined)

  protected readonly store = inject(EditorStore)
  protected readonly versions = inject(VersionStore)
  protected readonly run = inject(RunStore)
  private readonly canvas = viewChild(GraphCanvas)

  protected readonly popover = signal<Popover>(null)
  protected readonly showHistory = signal(false)
  protected readonly replay = computed(() => this.store.mode() === "replay")
  protected readonly nextVersion = computed(() => {
    const latest = this.versions.latest() ?? this.store.version()
    return latest === null ? null : latest + 1
  })
  protected readonly selectedInbound = computed(() => {
    const id = this.store.selection.singleNodeId()
    return id === null ? [] : this.store.links().filter((l) => l.sinkId === id)
  })
  protected readonly selectedPinProblems = computed(() => {
    const id = this.store.selection.singleNodeId()
    return (id === null ? undefined : this.store.problems().byNode.get(id)?.pins) ?? new Map()
  })
  protected readonly selectedRun = computed(() => {
    const id = this.store.selection.singleNodeId()
    if (id === null) return null
    const state = this.run.nodes().get(id)
    const outputs = this.run.outputs().get(id) ?? []
    return state === undefined && outputs.length === 0 ? null : { state, outputs }
  })
  protected readonly selectionSize = computed(
    () => this.store.selection.nodeIds().size + this.store.selection.linkIds().size
  )
  protected readonly format = formatValue

  constructor() {
    effect(() => {
      const graphId = this.graphId()
      const executionId = this.executionId()
      untracked(() => void this.open(graphId, executionId))
    })
  }

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  protected addBlock(block: BlockDescriptor): void {
    const canvas = this.canvas()
    if (canvas === undefined) this.store.addNode(block, { x: 40, y: 40 })
    else canvas.add(block)
  }

  protected editInput(nodeId: string, change: InputChange): void {
    this.store.setInput(nodeId, change.pin, change.value)
  }

  protected openSave(): void {
    if (this.store.readOnly()) {
      this.store.setNotice("This version is read-only: go back to the draft to save.")
      return
    }
    this.popover.set("save")
  }

  protected async save(message: string): Promise<void> {
    this.canvas()?.commitPositions()
    const saved = await this.store.save(message)
    if (saved === null) return
    this.popover.set(null)
    this.versions.added(saved)
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || isTypingTarget(event.target)) return
    const command = commandFor(event)
    if (command !== null && this.runCommand(command)) event.preventDefault()
  }

  /** Runs a shortcut's (or a toolbar button's) command; false when it did not apply (the browser's own stays). */
  runCommand(command: EditorCommand): boolean {
    this.canvas()?.commitPositions()
    switch (command) {
      case "undo":
        this.store.undo()
        return true
      case "redo":
        this.store.redo()
        return true
      case "copy":
        return this.store.copySelection() > 0
      case "cut":
        if (this.store.selection.nodeIds().size === 0) return false
        this.store.cutSelection()
        return true
      case "paste":
        return this.store.paste().length > 0
      case "delete":
        if (this.store.selection.empty()) return false
        this.store.deleteSelection()
        return true
      case "selectAll":
        this.store.selectAll()
        return true
      case "save":
        this.openSave()
        return true
      case "escape":
        if (this.popover() !== null) this.popover.set(null)
        else this.store.selection.clear()
        return true
      case "help":
        this.popover.update((open) => (open === "help" ? null : "help"))
        return true
    }
  }

  private async open(graphId: string, executionId: string | undefined): Promise<void> {
    this.popover.set(null)
    this.versions.reset()
    this.store.selection.clear()
    this.store.setNotice(null)
    if (executionId !== undefined) {
      this.store.clear("replay")
      const detail = await this.run.load(executionId)
      if (detail !== null) await this.store.loadVersion(detail.graphId, detail.graphVersion, "replay")
      return
    }
    this.run.clear()
    const graph = await this.store.load(graphId)
    if (graph !== null) await this.versions.openLatestDraft(graphId)
  }
}
