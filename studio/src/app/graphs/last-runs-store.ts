/**
 * The latest run of each listed graph, kept cheap: one `GET /executions?limit=100` (newest first) covers every
 * graph run recently; only when that page is not the last are the graphs it did not cover asked for one by one
 * (`?graphId=…&limit=1`, a few at a time). A graph known to have no run maps to null.
 */
import { Injectable, inject, signal } from "@angular/core"
import type { ExecutionRecord } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"

export const recentPageSize = 100
const parallelLookups = 4

/** The newest run of each graph in a page that is ordered newest first. */
export const newestByGraph = (runs: ReadonlyArray<ExecutionRecord>): Map<string, ExecutionRecord> => {
  const newest = new Map<string, ExecutionRecord>()
  for (const run of runs) if (!newest.has(run.graphId)) newest.set(run.graphId, run)
  return newest
}

@Injectable({ providedIn: "root" })
export class LastRunsStore {
  private readonly api = inject(GatewayApi)
  private readonly runsState = signal<ReadonlyMap<string, ExecutionRecord | null>>(new Map())
  private readonly errorState = signal<string | null>(null)
  /** Bumped by every load, so that answers to an older load are dropped. */
  private generation = 0

  /** Graph id → its latest run, null when it has none; graphs not looked up yet are absent. */
  readonly runs = this.runsState.asReadonly()
  readonly error = this.errorState.asReadonly()

  async load(graphIds: ReadonlyArray<string>): Promise<void> {
    const generation = ++this.generation
    this.errorState.set(null)
    try {
      const page = await this.api.executions({ limit: recentPageSize })
      if (generation !== this.generation) return
      const latest = new Map<string, ExecutionRecord | null>(newestByGraph(page.items))
      const missing = graphIds.filter((id) => !latest.has(id))
      // The page held every run there is: a graph absent from it has never run.
      if (page.nextCursor === null) for (const id of missing) latest.set(id, null)
      this.runsState.set(latest)
      if (page.nextCursor !== null) await this.lookUpEach(missing, generation)
    } catch (error) {
      if (generation === this.generation) this.errorState.set(problemMessage(error))
    }
  }

  /** A graph created here has no run yet. */
  noRunsYet(graphId: string): void {
    this.runsState.update((runs) => new Map(runs).set(graphId, null))
  }

  private async lookUpEach(graphIds: ReadonlyArray<string>, generation: number): Promise<void> {
    const queue = [...graphIds]
    const worker = async () => {
      for (let graphId = queue.shift(); graphId !== undefined; graphId = queue.shift()) {
        if (generation !== this.generation) return
        const page = await this.api.executions({ graphId, limit: 1 })
        if (generation !== this.generation) return
        const latest = page.items[0] ?? null
        this.runsState.update((runs) => new Map(runs).set(graphId, latest))
      }
    }
    await Promise.all(Array.from({ length: Math.min(parallelLookups, queue.length) }, worker))
  }
}
