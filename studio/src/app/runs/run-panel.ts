/**
 * The run view in the editor's side panel: one field per AgentInput node of the graph, Run (saving first when
 * there are unsaved edits, since a run executes a stored version), Cancel, the live run status and the outputs
 * each node yielded.
 */
import { ChangeDetectionStrategy, Component, computed, inject, signal } from "@angular/core"
import { EditorStore } from "../editor/editor-store"
import { finished, RunStore } from "./run-store"

/** What was typed into a run input: JSON when it parses as a number, boolean, list or object, text otherwise. */
export const runInputValue = (text: string): unknown => {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "string" || value === null ? text : value
  } catch {
    return text
  }
}

@Component({
  selector: "weft-run-panel",
  templateUrl: "./run-panel.html",
  styleUrl: "./run-panel.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class RunPanel {
  protected readonly editor = inject(EditorStore)
  protected readonly run = inject(RunStore)
  private readonly values = signal<ReadonlyMap<string, string>>(new Map())

  protected readonly inputNames = computed(() =>
    this.editor
      .nodes()
      .filter((n) => n.block.id === "AgentInput" && n.block.package === undefined)
      .map((n) => n.inputDefault["name"])
      .filter((name): name is string => typeof name === "string" && name.length > 0)
  )
  protected readonly running = computed(() => this.run.executionId() !== null && !finished(this.run.status()))
  protected readonly outputs = computed(() => [...this.run.outputs().entries()].map(([node, pins]) => ({ node, pins })))

  protected setValue(name: string, event: Event): void {
    const text = event.target instanceof HTMLInputElement ? event.target.value : ""
    this.values.update((values) => new Map(values).set(name, text))
  }

  protected format(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value)
  }

  protected async start(): Promise<void> {
    const graph = this.editor.dirty() ? await this.editor.save() : this.editor.graph()
    if (graph === null) return
    const inputs: Record<string, unknown> = {}
    for (const [name, text] of this.values()) if (this.inputNames().includes(name)) inputs[name] = runInputValue(text)
    await this.run.start(graph.id, graph.version, inputs)
  }
}
