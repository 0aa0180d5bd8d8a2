/**
 * The HTTP calls the studio makes, one method per endpoint of gateway/src/Api.ts. The auth interceptor adds the
 * token; callers turn failures into messages with `problemMessage`.
 */
import { HttpClient } from "@angular/common/http"
import { Injectable, inject } from "@angular/core"
import { firstValueFrom } from "rxjs"
import type { BlockDescriptor, Graph, GraphFile, Me, RunAccepted } from "./api-types"
import { apiBase } from "./gateway-url"

@Injectable({ providedIn: "root" })
export class GatewayApi {
  private readonly http = inject(HttpClient)

  me(): Promise<Me> {
    return firstValueFrom(this.http.get<Me>(`${apiBase}/me`))
  }

  blocks(): Promise<ReadonlyArray<BlockDescriptor>> {
    return firstValueFrom(this.http.get<ReadonlyArray<BlockDescriptor>>(`${apiBase}/blocks`))
  }

  graphs(): Promise<ReadonlyArray<Graph>> {
    return firstValueFrom(this.http.get<ReadonlyArray<Graph>>(`${apiBase}/graphs`))
  }

  graph(graphId: string): Promise<Graph> {
    return firstValueFrom(this.http.get<Graph>(`${apiBase}/graphs/${encodeURIComponent(graphId)}`))
  }

  createGraph(file: GraphFile): Promise<Graph> {
    return firstValueFrom(this.http.post<Graph>(`${apiBase}/graphs`, file))
  }

  /** Saving creates a new version of the graph. */
  updateGraph(graphId: string, file: GraphFile): Promise<Graph> {
    return firstValueFrom(this.http.put<Graph>(`${apiBase}/graphs/${encodeURIComponent(graphId)}`, file))
  }

  deleteGraph(graphId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${apiBase}/graphs/${encodeURIComponent(graphId)}`))
  }

  startExecution(
    graphId: string,
    graphVersion: number,
    inputs: Readonly<Record<string, unknown>>
  ): Promise<RunAccepted> {
    return firstValueFrom(this.http.post<RunAccepted>(`${apiBase}/executions`, { graphId, graphVersion, inputs }))
  }

  cancelExecution(executionId: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`${apiBase}/executions/${encodeURIComponent(executionId)}/cancel`, {}))
  }
}
