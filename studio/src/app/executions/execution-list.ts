/**
 * The executions page: every run the user may see, newest first, filtered by status, graph and creation time,
 * with "Load more" for the next page. Each run links to its read-only replay in the editor and can be cancelled
 * (while it runs) or deleted.
 */
import { DatePipe } from "@angular/common"
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  type OnInit,
  untracked
} from "@angular/core"
import { RouterLink } from "@angular/router"
import type { ExecutionStatus } from "../api/api-types"
import { GraphsStore, latestVersions } from "../graphs/graphs-store"
import { StatusBadge } from "../shell/status-badge"
import { ExecutionsStore, executionStatuses, hasEnded, noFilters, runDuration } from "./executions-store"
import { isoToLocalInput, localInputToIso } from "./time-range"

@Component({
  selector: "weft-execution-list",
  imports: [DatePipe, RouterLink, StatusBadge],
  templateUrl: "./execution-list.html",
  styleUrl: "./execution-list.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ExecutionList implements OnInit {
  /** `?graphId=` (withComponentInputBinding): opens the page filtered to one graph. */
  readonly graphId = input<string>()

  protected readonly store = inject(ExecutionsStore)
  private readonly graphs = inject(GraphsStore)
  protected readonly statuses = executionStatuses
  protected readonly hasEnded = hasEnded
  protected readonly runDuration = runDuration
  protected readonly graphOptions = computed(() => latestVersions(this.graphs.graphs()))
  protected readonly graphNames = computed(() => new Map(this.graphs.graphs().map((g) => [g.id, g.name])))
  protected readonly fromInput = computed(() => isoToLocalInput(this.store.filters().from))
  protected readonly toInput = computed(() => isoToLocalInput(this.store.filters().to))
  protected readonly filtered = computed(() => {
    const filters = this.store.filters()
    return filters.status !== "" || filters.graphId !== "" || filters.from !== "" || filters.to !== ""
  })

  constructor() {
    // The page is reused when only the query changes: follow `?graphId=` as it changes.
    effect(() => {
      const graphId = this.graphId()
      untracked(
        () => void (graphId === undefined || graphId === "" ? this.store.load() : this.store.filter({ graphId }))
      )
    })
  }

  ngOnInit(): void {
    if (this.graphs.graphs().length === 0) void this.graphs.load()
  }

  protected valueOf(event: Event): string {
    const target = event.target
    return target instanceof HTMLInputElement || target instanceof HTMLSelectElement ? target.value : ""
  }

  protected filterStatus(event: Event): void {
    const value = this.valueOf(event)
    const status: ExecutionStatus | "" = executionStatuses.find((s) => s === value) ?? ""
    void this.store.filter({ status })
  }

  protected filterGraph(event: Event): void {
    void this.store.filter({ graphId: this.valueOf(event) })
  }

  protected filterTime(edge: "from" | "to", event: Event): void {
    const iso = localInputToIso(this.valueOf(event))
    if (iso !== this.store.filters()[edge]) void this.store.filter(edge === "from" ? { from: iso } : { to: iso })
  }

  protected clearFilters(): void {
    void this.store.filter(noFilters)
  }

  protected async remove(executionId: string): Promise<void> {
    if (globalThis.confirm?.("Delete this run and everything it recorded?") === false) return
    await this.store.remove(executionId)
  }
}
