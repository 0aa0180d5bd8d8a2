/**
 * The run view in the editor's side panel. Live: Run (saving first when there are unsaved edits, since a run
 * executes a stored version; asking for the AgentInput values in a dialog when the graph has inputs), Cancel
 * while it runs, the live status, then the graph's outputs, failed nodes and the stuck-node report when it
 * ends. Replay: the same report for a past run.
 */
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from "@angular/core"
import { RouterLink } from "@angular/router"
import { EditorStore } from "../editor/editor-store"
import { RunInputsDialog } from "./run-inputs-dialog"
import { type RunInputField, runInputFields } from "./run-inputs"
import { finished, RunStore } from "./run-store"

const sameFields = (a: ReadonlyArray<RunInputField>, b: ReadonlyArray<RunInputField>): boolean =>
  a.length === b.length && a.every((field, i) => JSON.stringify(field) === JSON.stringify(b[i]))

/** A value as one readable line or block: strings as they are, the rest as JSON. */
export const formatValue = (value: unknown): string => {
  if (typeof value === "string") return value
  if (value === undefined) return "(nothing)"
  return JSON.stringify(value, null, 2) ?? String(value)
}

@Component({
  selector: "weft-run-panel",
  imports: [RunInputsDialog, RouterLink],
  templateUrl: "./run-panel.html",
  styleUrl: "./run-panel.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class RunPanel {
  /** A past run shown read-only: no Run or Cancel. */
  readonly replay = input(false)

  protected readonly editor = inject(EditorStore)
  protected readonly run = inject(RunStore)
  protected readonly asking = signal(false)
  protected readonly starting = signal(false)

  protected readonly fields = computed(() => runInputFields(this.editor.nodes()), { equal: sameFields })
  protected readonly running = computed(() => this.run.executionId() !== null && !finished(this.run.status()))
  protected readonly ended = computed(() => finished(this.run.status()))
  protected readonly canRun = computed(
    () =>
      !this.replay() && !this.editor.readOnly() && this.editor.graph() !== null && !this.running() && !this.starting()
  )
  protected readonly nodeOutputs = computed(() =>
    [...this.run.outputs().entries()].map(([node, pins]) => ({ node, pins }))
  )
  protected readonly graphOutputs = computed(() => Object.entries(this.run.runOutputs() ?? {}))
  protected readonly failedNodes = computed(() =>
    [...this.run.nodes().entries()]
      .filter(([, state]) => state.status === "FAILED")
      .map(([node, state]) => ({ node, error: state.error ?? "failed" }))
  )
  protected readonly format = formatValue

  protected requestRun(): void {
    if (!this.canRun()) return
    if (this.fields().length > 0) this.asking.set(true)
    else void this.start({})
  }

  protected async start(inputs: Record<string, unknown>): Promise<void> {
    this.asking.set(false)
    this.starting.set(true)
    try {
      const graph = this.editor.dirty() ? await this.editor.save() : this.editor.graph()
      if (graph === null) return
      this.editor.clearProblems()
      const failure = await this.run.start(graph.id, graph.version, inputs)
      if (failure !== null) this.editor.reportProblems(failure)
    } finally {
      this.starting.set(false)
    }
  }

  protected statusLabel(status: string): string {
    return status.toLowerCase()
  }
}
