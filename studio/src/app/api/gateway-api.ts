/**
 * The calls the studio makes, one method per endpoint it uses, each over the generated client
 * (`GatewayClient.call`), so that paths, methods, query parameters and bodies are those of gateway/src/Api.ts.
 * The auth interceptor adds the token; callers turn failures into messages with `problemMessage`.
 */
import { Injectable, inject } from "@angular/core"
import type {
  ApiKeyMetadata,
  BlockDescriptor,
  CancelResult,
  CreatedApiKey,
  CredentialMetadata,
  ExecutionDetail,
  ExecutionPage,
  ExecutionQuery,
  Graph,
  GraphFile,
  GraphFileDocument,
  InstalledPlugin,
  LocalSession,
  MarketplaceDetail,
  MarketplacePage,
  MarketplaceQuery,
  Me,
  NewApiKey,
  NewCredential,
  RunAccepted,
  UpgradeOutcome
} from "./api-types"
import { GatewayClient } from "./gateway-client"

/**
 * A query with its `limit` written as the API's query parameters are (strings), first; the stores leave unset
 * and empty values out (the gateway rejects empty ones such as `limit=`).
 */
const withCount = <Rest extends object>(
  rest: Rest,
  limit: number | undefined
): Rest | ({ readonly limit: string } & Rest) => (limit === undefined ? rest : { limit: String(limit), ...rest })

/** A version number as the `version` query parameter; absent stays absent (the active version). */
const versionParam = (version: number | undefined): { readonly version?: string } =>
  version === undefined ? {} : { version: String(version) }

@Injectable({ providedIn: "root" })
export class GatewayApi {
  private readonly client = inject(GatewayClient)

  me(): Promise<Me> {
    return this.client.call("me.get", {})
  }

  /** Offered by `weft dev` to this machine only; a 404 anywhere else. */
  localSession(): Promise<LocalSession> {
    return this.client.call("localSession", {})
  }

  blocks(): Promise<ReadonlyArray<BlockDescriptor>> {
    return this.client.call("blocks.list", {})
  }

  // Graphs.

  graphs(): Promise<ReadonlyArray<Graph>> {
    return this.client.call("graphs.list", {})
  }

  /** The active version of a graph. */
  graph(graphId: string): Promise<Graph> {
    return this.client.call("graphs.get", { params: { graphId } })
  }

  /** One stored version of a graph (`GET /graphs/:id?version=`). */
  graphAt(graphId: string, version: number): Promise<Graph> {
    return this.client.call("graphs.get", { params: { graphId }, query: versionParam(version) })
  }

  createGraph(file: GraphFile): Promise<Graph> {
    return this.client.call("graphs.create", { body: file })
  }

  /** Saving creates a new version of the graph, with `message` (if any) kept beside it. */
  updateGraph(graphId: string, file: GraphFile, message?: string): Promise<Graph> {
    const trimmed = message?.trim() ?? ""
    return this.client.call("graphs.update", {
      params: { graphId },
      query: trimmed === "" ? {} : { message: trimmed },
      body: file
    })
  }

  deleteGraph(graphId: string): Promise<void> {
    return this.client.call("graphs.delete", { params: { graphId } }).then(() => undefined)
  }

  graphVersions(graphId: string): Promise<ReadonlyArray<Graph>> {
    return this.client.call("graphs.versions", { params: { graphId } })
  }

  setActiveVersion(graphId: string, version: number): Promise<Graph> {
    return this.client.call("graphs.setActive", { params: { graphId }, body: { version } })
  }

  /** The graph file of a version (the active one when `version` is omitted). */
  exportGraph(graphId: string, version?: number): Promise<GraphFileDocument> {
    return this.client.call("graphs.export", { params: { graphId }, query: versionParam(version) })
  }

  /** Saves a graph file as a new graph (keeping its `id` when it has one and no graph holds it yet: else 409). */
  importGraph(file: GraphFileDocument): Promise<Graph> {
    return this.client.call("graphs.import", { body: file })
  }

  // Executions.

  startExecution(
    graphId: string,
    graphVersion: number,
    inputs: Readonly<Record<string, unknown>>
  ): Promise<RunAccepted> {
    return this.client.call("executions.start", { body: { graphId, graphVersion, inputs } })
  }

  cancelExecution(executionId: string): Promise<CancelResult> {
    return this.client.call("executions.cancel", { params: { executionId } })
  }

  executions(query: ExecutionQuery): Promise<ExecutionPage> {
    const { limit, ...rest } = query
    return this.client.call("executions.list", { query: withCount(rest, limit) })
  }

  /** A run with its node executions and their outputs. */
  execution(executionId: string): Promise<ExecutionDetail> {
    return this.client.call("executions.get", { params: { executionId } })
  }

  deleteExecution(executionId: string): Promise<void> {
    return this.client.call("executions.delete", { params: { executionId } }).then(() => undefined)
  }

  // Credentials and API keys.

  credentials(): Promise<ReadonlyArray<CredentialMetadata>> {
    return this.client.call("credentials.list", {})
  }

  createCredential(credential: NewCredential): Promise<CredentialMetadata> {
    return this.client.call("credentials.create", { body: credential })
  }

  deleteCredential(credentialId: string): Promise<void> {
    return this.client.call("credentials.delete", { params: { credentialId } }).then(() => undefined)
  }

  apiKeys(): Promise<ReadonlyArray<ApiKeyMetadata>> {
    return this.client.call("apiKeys.list", {})
  }

  createApiKey(key: NewApiKey): Promise<CreatedApiKey> {
    return this.client.call("apiKeys.create", { body: key })
  }

  revokeApiKey(keyId: string): Promise<void> {
    return this.client.call("apiKeys.revoke", { params: { keyId } }).then(() => undefined)
  }

  // Marketplace: a scoped package name (`@scope/name`) is one encoded path segment (the client encodes it).

  searchPackages(query: MarketplaceQuery): Promise<MarketplacePage> {
    const { limit, ...rest } = query
    return this.client.call("marketplace.search", { query: withCount(rest, limit) })
  }

  packageDetail(name: string): Promise<MarketplaceDetail> {
    return this.client.call("marketplace.detail", { params: { name } })
  }

  installs(): Promise<ReadonlyArray<InstalledPlugin>> {
    return this.client.call("marketplace.installs", {})
  }

  installPlugin(name: string, version: string): Promise<InstalledPlugin> {
    return this.client.call("marketplace.install", { body: { package: name, version } })
  }

  /** Installs `version` and removes the other versions of the package that no active graph uses. */
  upgradePlugin(name: string, version: string): Promise<UpgradeOutcome> {
    return this.client.call("marketplace.upgrade", { params: { package: name }, body: { version } })
  }

  uninstallPlugin(name: string, version: string): Promise<void> {
    return this.client.call("marketplace.uninstall", { params: { package: name, version } }).then(() => undefined)
  }
}
