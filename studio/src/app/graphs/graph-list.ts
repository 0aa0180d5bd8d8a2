/** The graph list page: search, create (opens the editor), delete. */
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from "@angular/core"
import { Router } from "@angular/router"
import { GraphsStore } from "./graphs-store"

@Component({
  selector: "weft-graph-list",
  templateUrl: "./graph-list.html",
  styleUrl: "./graph-list.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class GraphList implements OnInit {
  protected readonly store = inject(GraphsStore)
  private readonly router = inject(Router)
  protected readonly newName = signal("")

  ngOnInit(): void {
    void this.store.load()
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

  protected async remove(graphId: string, name: string): Promise<void> {
    if (globalThis.confirm?.(`Delete the graph "${name}" and all its versions?`) === false) return
    await this.store.remove(graphId)
  }
}
