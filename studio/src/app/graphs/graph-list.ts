/**
 * The graph list page: search, create (opens the editor), rename in place, duplicate, export to a JSON file,
 * import from one, delete; each graph shows its active version and the status of its latest run.
 */
import { ChangeDetectionStrategy, Component, DOCUMENT, inject, type OnInit, signal } from "@angular/core"
import { Router, RouterLink } from "@angular/router"
import { StatusBadge } from "../shell/status-badge"
import { GraphsStore } from "./graphs-store"
import { downloadJson, jsonFileName } from "./json-download"
import { LastRunsStore } from "./last-runs-store"

@Component({
  selector: "weft-graph-list",
  imports: [RouterLink, StatusBadge],
  templateUrl: "./graph-list.html",
  styleUrl: "./graph-list.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class GraphList implements OnInit {
  protected readonly store = inject(GraphsStore)
  protected readonly lastRuns = inject(LastRunsStore)
  private readonly router = inject(Router)
  private readonly document = inject(DOCUMENT)
  protected readonly newName = signal("")
  /** The graph whose name is being edited, and the text typed so far. */
  protected readonly renaming = signal<string | null>(null)
  protected readonly renameText = signal("")

  async ngOnInit(): Promise<void> {
    await this.store.load()
    const ids = this.store.graphs().map((g) => g.id)
    if (ids.length > 0) await this.lastRuns.load(ids)
  }

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  /** A real link (middle-click opens a tab); a plain click navigates inside the app. */
  protected open(event: MouseEvent, graphId: string): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return
    event.preventDefault()
    void this.router.navigate(["/graphs", graphId])
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault()
    const created = await this.store.create(this.newName())
    if (created !== null) {
      this.newName.set("")
      await this.router.navigate(["/graphs", created.id])
    }
  }

  protected startRename(graphId: string, name: string): void {
    this.renaming.set(graphId)
    this.renameText.set(name)
  }

  protected async saveRename(event: Event, graphId: string): Promise<void> {
    event.preventDefault()
    if (await this.store.rename(graphId, this.renameText())) this.renaming.set(null)
  }

  protected async duplicate(graphId: string): Promise<void> {
    const copy = await this.store.duplicate(graphId)
    if (copy !== null) this.lastRuns.noRunsYet(copy.id)
  }

  protected async exportFile(graphId: string): Promise<void> {
    const file = await this.store.exportFile(graphId)
    if (file !== null) downloadJson(this.document, jsonFileName(file.name), file)
  }

  protected async importFile(event: Event): Promise<void> {
    const input = event.target instanceof HTMLInputElement ? event.target : null
    const file = input?.files?.[0]
    if (input === null || file === undefined) return
    const imported = await this.store.importText(await file.text())
    input.value = "" // choosing the same file again must fire another change
    if (imported !== null) this.lastRuns.noRunsYet(imported.id)
  }

  protected async importAsNew(): Promise<void> {
    const imported = await this.store.importAsNew()
    if (imported !== null) this.lastRuns.noRunsYet(imported.id)
  }

  protected async remove(graphId: string, name: string): Promise<void> {
    if (globalThis.confirm?.(`Delete the graph "${name}" and all its versions?`) === false) return
    await this.store.remove(graphId)
  }
}
