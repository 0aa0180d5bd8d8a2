/**
 * The graph list: the latest version of each graph the user owns, loaded from `GET /graphs`, plus create,
 * delete, rename (a new version with the new name), duplicate (export, then import as a copy) and import of a
 * JSON file, whose validation problems are kept as readable lines. Components read the signals; every mutation
 * goes through the gateway first, then updates the list.
 */
import { HttpErrorResponse } from "@angular/common/http"
import { computed, Injectable, inject, signal } from "@angular/core"
import type { Graph, GraphFile, GraphFileDocument, JsonObject } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemLines } from "../api/problem-details"
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

/** A graph file without the identity of the graph it was exported from, so that saving it makes a new graph. */
export const withoutIdentity = <F extends { readonly id?: unknown; readonly version?: unknown }>(
  file: F
): Omit<F, "id" | "version"> => {
  const { id: _id, version: _version, ...rest } = file
  return rest
}

/** The body of `PUT /graphs/:id`: an exported file with every default spelled out and a new name. */
export const renamedFile = (file: GraphFileDocument, name: string): GraphFile => ({
  name,
  ...(file.description === undefined ? {} : { description: file.description }),
  nodes: file.nodes.map((node) => ({
    id: node.id,
    block: node.block,
    inputDefault: node.inputDefault ?? {},
    metadata: node.metadata ?? {}
  })),
  links: file.links ?? []
})

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value)

@Injectable({ providedIn: "root" })
export class GraphsStore {
  private readonly api = inject(GatewayApi)
  private readonly graphsState = signal<ReadonlyArray<Graph>>([])
  private readonly loadingState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private readonly queryState = signal("")
  private readonly importProblemsState = signal<ReadonlyArray<string>>([])
  private readonly refusedImportState = signal<GraphFileDocument | null>(null)

  readonly graphs = this.graphsState.asReadonly()
  readonly loading = this.loadingState.asReadonly()
  readonly error = this.errorState.asReadonly()
  readonly query = this.queryState.asReadonly()
  /** One line per problem the gateway found in the last imported file. */
  readonly importProblems = this.importProblemsState.asReadonly()
  /** True when the last import was refused because its graph id is taken: it can be imported as a new graph. */
  readonly importIdTaken = computed(() => this.refusedImportState() !== null)
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

  /** Renames a graph by saving its active version again under the new name (a new, active version). */
  async rename(graphId: string, name: string): Promise<boolean> {
    this.errorState.set(null)
    const trimmed = name.trim()
    if (trimmed === "") {
      this.errorState.set("A graph needs a name.")
      return false
    }
    try {
      const file = await this.api.exportGraph(graphId)
      this.replace(await this.api.updateGraph(graphId, renamedFile(file, trimmed)))
      return true
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return false
    }
  }

  /** Saves a copy of a graph's active version as a new graph named "<name> (copy)". */
  async duplicate(graphId: string): Promise<Graph | null> {
    this.errorState.set(null)
    try {
      const file = await this.api.exportGraph(graphId)
      const copy = await this.api.importGraph({ ...withoutIdentity(file), name: `${file.name} (copy)` })
      this.graphsState.update((graphs) => [...graphs, copy])
      return copy
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return null
    }
  }

  /** The graph file of a graph's active version (for download), or null when the gateway refused. */
  async exportFile(graphId: string): Promise<GraphFileDocument | null> {
    this.errorState.set(null)
    try {
      return await this.api.exportGraph(graphId)
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return null
    }
  }

  /** Imports the text of a graph file; malformed JSON is reported here, everything else by the gateway. */
  async importText(text: string): Promise<Graph | null> {
    this.clearImport()
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      this.errorState.set(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
      return null
    }
    if (!isJsonObject(parsed)) {
      this.errorState.set("The file holds no graph: a graph file is a JSON object with a name and nodes.")
      return null
    }
    // Boundary: the file goes to the gateway as it is, unchecked here. The gateway decodes it against GraphFile
    // and answers every problem by path (shown as import problems); checking it here would only hide those.
    return this.importDocument(parsed as GraphFileDocument)
  }

  /** Imports the file refused for its taken id again, without the id: it becomes a new graph. */
  async importAsNew(): Promise<Graph | null> {
    const refused = this.refusedImportState()
    if (refused === null) return null
    this.clearImport()
    return this.importDocument(withoutIdentity(refused))
  }

  clearImport(): void {
    this.errorState.set(null)
    this.importProblemsState.set([])
    this.refusedImportState.set(null)
  }

  private async importDocument(file: GraphFileDocument): Promise<Graph | null> {
    try {
      const created = await this.api.importGraph(file)
      this.graphsState.update((graphs) => [...graphs, created])
      return created
    } catch (error) {
      const lines = problemLines(error)
      this.importProblemsState.set(lines)
      this.errorState.set(
        lines.length === 0
          ? problemMessage(error)
          : `The graph file was not imported: ${lines.length} problem${lines.length === 1 ? "" : "s"}.`
      )
      if (error instanceof HttpErrorResponse && error.status === 409 && file.id !== undefined) {
        this.refusedImportState.set(file)
      }
      return null
    }
  }

  /** Puts a graph's new active version in place of the one listed. */
  private replace(saved: Graph): void {
    this.graphsState.update((graphs) => [...graphs.filter((g) => g.id !== saved.id), saved])
  }
}
