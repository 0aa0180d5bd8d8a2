/**
 * The graph list: the latest version of each graph the user owns, loaded from `GET /graphs`, plus create and
 * delete. Components read the signals; every mutation goes through the gateway first, then updates the list.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { Graph } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"

/** `GET /graphs` may list several versions of one graph: keep the active one, else the newest. */
export const latestVersions = (graphs: ReadonlyArray<Graph>): ReadonlyArray<Graph> => {
  const byId = new Map<string, Graph>()
  for (const graph of graphs) {
    const seen = byId.get(graph.id)
    const better =
      seen === undefined ||
      (graph.isActive && !seen.isActive) ||
      (graph.isActive === seen.isActive && graph.version > seen.version)
    if (better) byId.set(graph.id, graph)
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
}

@Injectable({ providedIn: "root" })
export class GraphsStore {
  private readonly api = inject(GatewayApi)
  private readonly graphsState = signal<ReadonlyArray<Graph>>([])
  private readonly loadingState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private readonly queryState = signal("")

  readonly graphs = this.graphsState.asReadonly()
  readonly loading = this.loadingState.asReadonly()
  readonly error = this.errorState.asReadonly()
  readonly query = this.queryState.asReadonly()
  readonly visible = computed(() => {
    const query = this.queryState().trim().toLowerCase()
    const graphs = latestVersions(this.graphsState())
    return query === "" ? graphs : graphs.filter((g) => `${g.name} ${g.description}`.toLowerCase().includes(query))
  })

  search(query: string): void {
    this.queryState.set(query)
  }

  async load(): Promise<void> {
    this.loadingState.set(true)
    this.errorState.set(null)
    try {
      this.graphsState.set(await this.api.graphs())
    } catch (error) {
      this.errorState.set(problemMessage(error))
    } finally {
      this.loadingState.set(false)
    }
  }

  /** Creates an empty graph; resolves to it, or to null when the gateway refused (the error signal says why). */
  async create(name: string): Promise<Graph | null> {
    this.errorState.set(null)
    try {
      const created = await this.api.createGraph({ name: name.trim() || "Untitled graph", nodes: [], links: [] })
      this.graphsState.update((graphs) => [...graphs, created])
      return created
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return null
    }
  }

  async remove(graphId: string): Promise<void> {
    this.errorState.set(null)
    try {
      await this.api.deleteGraph(graphId)
      this.graphsState.update((graphs) => graphs.filter((g) => g.id !== graphId))
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }
}
