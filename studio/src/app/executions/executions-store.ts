/**
 * The executions page's state: runs from `GET /executions` (newest first) under the chosen filters, one page at a
 * time ("Load more" follows the cursor), plus cancel and delete. A filter change starts over; an answer to a
 * request made under older filters is dropped.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { ExecutionQuery, ExecutionRecord, ExecutionStatus } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"

export const executionStatuses: ReadonlyArray<ExecutionStatus> = [
  "INCOMPLETE",
  "QUEUED",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "TERMINATED",
  "REVIEW"
]

/** Empty strings mean "any". `from` / `to` are ISO 8601 times: created at or after `from`, before `to`. */
export interface ExecutionFilters {
  readonly status: ExecutionStatus | ""
  readonly graphId: string
  readonly from: string
  readonly to: string
}

export const noFilters: ExecutionFilters = { status: "", graphId: "", from: "", to: "" }
export const executionPageSize = 25

export const executionQuery = (filters: ExecutionFilters, cursor?: string): ExecutionQuery => ({
  limit: executionPageSize,
  ...(filters.status === "" ? {} : { status: filters.status }),
  ...(filters.graphId === "" ? {} : { graphId: filters.graphId }),
  ...(filters.from === "" ? {} : { from: filters.from }),
  ...(filters.to === "" ? {} : { to: filters.to }),
  ...(cursor === undefined ? {} : { cursor })
})

export const hasEnded = (status: ExecutionStatus): boolean =>
  status === "COMPLETED" || status === "FAILED" || status === "TERMINATED"

/** How long a run took (or has been running, against `now`), as `850 ms`, `12.4 s`, `3 min 5 s`, `2 h 4 min`. */
export const runDuration = (run: Pick<ExecutionRecord, "startedAt" | "endedAt">, now = Date.now()): string => {
  if (run.startedAt === null) return ""
  const end = run.endedAt === null ? now : Date.parse(run.endedAt)
  const ms = Math.max(0, end - Date.parse(run.startedAt))
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`
}

@Injectable({ providedIn: "root" })
export class ExecutionsStore {
  private readonly api = inject(GatewayApi)
  private readonly filtersState = signal<ExecutionFilters>(noFilters)
  private readonly itemsState = signal<ReadonlyArray<ExecutionRecord>>([])
  private readonly cursorState = signal<string | null>(null)
  private readonly loadingState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private generation = 0

  readonly filters = this.filtersState.asReadonly()
  readonly items = this.itemsState.asReadonly()
  readonly loading = this.loadingState.asReadonly()
  readonly error = this.errorState.asReadonly()
  readonly hasMore = computed(() => this.cursorState() !== null)

  /** Changes some filters and loads the first page under them. */
  filter(change: Partial<ExecutionFilters>): Promise<void> {
    this.filtersState.update((filters) => ({ ...filters, ...change }))
    return this.load()
  }

  /** Loads the first page under the current filters. */
  async load(): Promise<void> {
    const generation = ++this.generation
    this.itemsState.set([])
    this.cursorState.set(null)
    await this.fetch(executionQuery(this.filtersState()), generation)
  }

  async loadMore(): Promise<void> {
    const cursor = this.cursorState()
    if (cursor === null || this.loadingState()) return
    await this.fetch(executionQuery(this.filtersState(), cursor), this.generation)
  }

  async cancel(executionId: string): Promise<void> {
    this.errorState.set(null)
    try {
      const result = await this.api.cancelExecution(executionId)
      this.patch(executionId, { status: result.status })
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }

  async remove(executionId: string): Promise<void> {
    this.errorState.set(null)
    try {
      await this.api.deleteExecution(executionId)
      this.itemsState.update((items) => items.filter((run) => run.id !== executionId))
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }

  private async fetch(query: ExecutionQuery, generation: number): Promise<void> {
    this.loadingState.set(true)
    this.errorState.set(null)
    try {
      const page = await this.api.executions(query)
      if (generation !== this.generation) return
      // A run created between two pages can shift the next page by one: never list a run twice.
      this.itemsState.update((items) => {
        const seen = new Set(items.map((run) => run.id))
        return [...items, ...page.items.filter((run) => !seen.has(run.id))]
      })
      this.cursorState.set(page.nextCursor)
    } catch (error) {
      if (generation === this.generation) this.errorState.set(problemMessage(error))
    } finally {
      if (generation === this.generation) this.loadingState.set(false)
    }
  }

  private patch(executionId: string, change: Partial<ExecutionRecord>): void {
    this.itemsState.update((items) => items.map((run) => (run.id === executionId ? { ...run, ...change } : run)))
  }
}
