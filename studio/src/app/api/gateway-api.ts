/**
 * The HTTP calls the studio makes, one method per endpoint of gateway/src/Api.ts. The auth interceptor adds the
 * token; callers turn failures into messages with `problemMessage`.
 */
import { HttpClient, HttpParams } from "@angular/common/http"
import { Injectable, inject } from "@angular/core"
import { firstValueFrom } from "rxjs"
import type {
  ApiKeyMetadata,
  BlockDescriptor,
  CreatedApiKey,
  CredentialMetadata,
  ExecutionDetail,
  ExecutionPage,
  ExecutionQuery,
  Graph,
  GraphFile,
  GraphFileDocument,
  InstalledPlugin,
  JsonObject,
  MarketplaceDetail,
  MarketplacePage,
  MarketplaceQuery,
  Me,
  NewApiKey,
  NewCredential,
  RunAccepted,
  UpgradeOutcome
} from "./api-types"
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

  // Graph versions, export and import.

  graphVersions(graphId: string): Promise<ReadonlyArray<Graph>> {
    return firstValueFrom(
      this.http.get<ReadonlyArray<Graph>>(`${apiBase}/graphs/${encodeURIComponent(graphId)}/versions`)
    )
  }

  setActiveVersion(graphId: string, version: number): Promise<Graph> {
    return firstValueFrom(this.http.put<Graph>(`${apiBase}/graphs/${encodeURIComponent(graphId)}/active`, { version }))
  }

  /** The graph file of a version (the active one when `version` is omitted). */
  exportGraph(graphId: string, version?: number): Promise<GraphFileDocument> {
    return firstValueFrom(
      this.http.get<GraphFileDocument>(`${apiBase}/graphs/${encodeURIComponent(graphId)}/export`, {
        params: queryParams({ version })
      })
    )
  }

  /** Saves a graph file as a new graph (keeping its `id` when it has one and no graph holds it yet: else 409). */
  importGraph(file: GraphFileDocument | JsonObject): Promise<Graph> {
    return firstValueFrom(this.http.post<Graph>(`${apiBase}/graphs/import`, file))
  }

  // Executions.

  executions(query: ExecutionQuery): Promise<ExecutionPage> {
    return firstValueFrom(this.http.get<ExecutionPage>(`${apiBase}/executions`, { params: queryParams(query) }))
  }

  deleteExecution(executionId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${apiBase}/executions/${encodeURIComponent(executionId)}`))
  }

  // Credentials and API keys.

  credentials(): Promise<ReadonlyArray<CredentialMetadata>> {
    return firstValueFrom(this.http.get<ReadonlyArray<CredentialMetadata>>(`${apiBase}/credentials`))
  }

  createCredential(credential: NewCredential): Promise<CredentialMetadata> {
    return firstValueFrom(this.http.post<CredentialMetadata>(`${apiBase}/credentials`, credential))
  }

  deleteCredential(credentialId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${apiBase}/credentials/${encodeURIComponent(credentialId)}`))
  }

  apiKeys(): Promise<ReadonlyArray<ApiKeyMetadata>> {
    return firstValueFrom(this.http.get<ReadonlyArray<ApiKeyMetadata>>(`${apiBase}/api-keys`))
  }

  createApiKey(key: NewApiKey): Promise<CreatedApiKey> {
    return firstValueFrom(this.http.post<CreatedApiKey>(`${apiBase}/api-keys`, key))
  }

  revokeApiKey(keyId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${apiBase}/api-keys/${encodeURIComponent(keyId)}`))
  }

  // Marketplace: a scoped package name (`@scope/name`) is one encoded path segment.

  searchPackages(query: MarketplaceQuery): Promise<MarketplacePage> {
    return firstValueFrom(
      this.http.get<MarketplacePage>(`${apiBase}/marketplace/packages`, { params: queryParams(query) })
    )
  }

  packageDetail(name: string): Promise<MarketplaceDetail> {
    return firstValueFrom(
      this.http.get<MarketplaceDetail>(`${apiBase}/marketplace/packages/${encodeURIComponent(name)}`)
    )
  }

  installs(): Promise<ReadonlyArray<InstalledPlugin>> {
    return firstValueFrom(this.http.get<ReadonlyArray<InstalledPlugin>>(`${apiBase}/marketplace/installs`))
  }

  installPlugin(name: string, version: string): Promise<InstalledPlugin> {
    return firstValueFrom(
      this.http.post<InstalledPlugin>(`${apiBase}/marketplace/installs`, { package: name, version })
    )
  }

  /** Installs `version` and removes the other versions of the package that no active graph uses. */
  upgradePlugin(name: string, version: string): Promise<UpgradeOutcome> {
    return firstValueFrom(
      this.http.put<UpgradeOutcome>(`${apiBase}/marketplace/installs/${encodeURIComponent(name)}`, { version })
    )
  }

  uninstallPlugin(name: string, version: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(
        `${apiBase}/marketplace/installs/${encodeURIComponent(name)}/${encodeURIComponent(version)}`
      )
    )
  }

  // The editor: one stored version, one run in full.

  /** One stored version of a graph (`GET /graphs/:id?version=`). */
  graphAt(graphId: string, version: number): Promise<Graph> {
    return firstValueFrom(
      this.http.get<Graph>(`${apiBase}/graphs/${encodeURIComponent(graphId)}`, { params: queryParams({ version }) })
    )
  }

  /** A run with its node executions and their outputs. */
  execution(executionId: string): Promise<ExecutionDetail> {
    return firstValueFrom(this.http.get<ExecutionDetail>(`${apiBase}/executions/${encodeURIComponent(executionId)}`))
  }
}

/** Query parameters without the unset ones (the gateway rejects empty values such as `limit=`). */
const queryParams = <Q extends { readonly [K in keyof Q]: string | number | undefined }>(query: Q): HttpParams => {
  let params = new HttpParams()
  for (const [key, raw] of Object.entries(query)) {
    const value: unknown = raw
    if (typeof value === "number" || (typeof value === "string" && value !== ""))
      params = params.set(key, String(value))
  }
  return params
}
