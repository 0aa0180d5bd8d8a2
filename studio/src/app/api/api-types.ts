/**
 * The JSON shapes the studio exchanges with the gateway (gateway/src/Api.ts, ApiSchemas.ts, WebSocketMessages.ts).
 * Written out by hand because the studio imports no Weft package: it only speaks HTTP and WebSocket.
 */

export type JsonObject = { readonly [key: string]: unknown }

export interface BlockRef {
  readonly id: string
  readonly package?: string
  readonly version?: string
}

export interface GraphNode {
  readonly id: string
  readonly block: BlockRef
  readonly inputDefault: JsonObject
  readonly metadata: JsonObject
}

export interface GraphLink {
  readonly id?: string
  readonly sourceId: string
  readonly sourceName: string
  readonly sinkId: string
  readonly sinkName: string
  readonly isStatic?: boolean
}

/** A stored graph version as `GET /graphs/:id` returns it. */
export interface Graph {
  readonly id: string
  readonly version: number
  readonly name: string
  readonly description: string
  readonly nodes: ReadonlyArray<GraphNode>
  readonly links: ReadonlyArray<GraphLink>
  readonly isActive: boolean
  readonly ownerId: string
  readonly createdAt: string
}

/** The body of `POST /graphs` and `PUT /graphs/:id` (strict: no server-only fields). */
export interface GraphFile {
  readonly name: string
  readonly description?: string
  readonly nodes: ReadonlyArray<GraphNode>
  readonly links: ReadonlyArray<GraphLink>
}

export interface BlockDescriptor {
  readonly id: string
  readonly version: string
  readonly package?: string
  readonly packageVersion?: string
  readonly name: string
  readonly description: string
  readonly categories: ReadonlyArray<string>
  readonly inputSchema: unknown
  readonly outputSchema: unknown
  readonly staticOutput: boolean
  readonly dynamicOutput: boolean
}

export interface Me {
  readonly id: string
  readonly name: string
  readonly email: string | null
  readonly isAdmin: boolean
  readonly authenticatedBy: "jwt" | "api-key"
  readonly scopes: ReadonlyArray<string>
}

/** `GET /local-session` (gateway ApiSchemas.LocalSession): offered by `weft dev` to this machine only. */
export interface LocalSession {
  readonly token: string
  readonly name: string
}

export type ExecutionStatus = "INCOMPLETE" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "TERMINATED" | "REVIEW"

export interface RunAccepted {
  readonly executionId: string
  readonly status: ExecutionStatus
  readonly outputs?: { readonly [name: string]: ReadonlyArray<unknown> }
}

/** One event of a run, as the WebSocket carries it (actors/src/RunEvents.ts `RunEventWire`). */
export type RunEvent =
  | { readonly _tag: "graph"; readonly status: ExecutionStatus }
  | {
      readonly _tag: "node"
      readonly id: string
      readonly node: string
      readonly status: ExecutionStatus
      readonly error?: string
    }
  | {
      readonly _tag: "output"
      readonly id: string
      readonly node: string
      readonly pin: string
      readonly seq: number
      readonly value?: unknown
      readonly truncated?: boolean
    }

export type ServerMessage =
  | { readonly type: "subscribed" | "unsubscribed"; readonly target: unknown }
  | { readonly type: "event"; readonly executionId: string; readonly graphId: string; readonly event: RunEvent }
  | { readonly type: "heartbeat" | "pong" }
  | { readonly type: "error"; readonly message: string }

/** A node execution still INCOMPLETE when its run ended, with the pins it never received (runtime `StuckNode`). */
export interface StuckNode {
  readonly nodeExecutionId: string
  readonly nodeId: string
  readonly missingPins: ReadonlyArray<string>
}

/** One run as `GET /executions` lists it (runtime `ExecutionRecord`). */
export interface ExecutionRecord {
  readonly id: string
  readonly graphId: string
  readonly graphVersion: number
  readonly userId: string
  readonly status: ExecutionStatus
  readonly inputs: JsonObject
  readonly outputs: { readonly [name: string]: ReadonlyArray<unknown> }
  readonly stuckNodes: ReadonlyArray<StuckNode>
  readonly stats: JsonObject
  readonly parentExecutionId: string | null
  readonly createdAt: string
  readonly startedAt: string | null
  readonly endedAt: string | null
}

/** `GET /executions`: newest first; `nextCursor` is null on the last page. */
export interface ExecutionPage {
  readonly items: ReadonlyArray<ExecutionRecord>
  readonly nextCursor: string | null
}

/** The query of `GET /executions`; `from` / `to` are ISO 8601 times (created at or after `from`, before `to`). */
export interface ExecutionQuery {
  readonly graphId?: string
  readonly status?: ExecutionStatus
  readonly limit?: number
  readonly cursor?: string
  readonly from?: string
  readonly to?: string
}

export interface CancelResult {
  readonly executionId: string
  /** True when this call ended a run that was still going; false when it had already ended. */
  readonly cancelled: boolean
  readonly status: ExecutionStatus
}

/** The graph JSON file as `GET /graphs/:id/export` returns it and `POST /graphs/import` accepts it. */
export interface GraphFileDocument {
  readonly id?: string
  readonly version?: number
  readonly name: string
  readonly description?: string
  readonly nodes: ReadonlyArray<{
    readonly id: string
    readonly block: BlockRef
    readonly inputDefault?: JsonObject
    readonly metadata?: JsonObject
  }>
  readonly links?: ReadonlyArray<GraphLink>
}

export type GraphIssueCode =
  | "unknown_block"
  | "unknown_pin"
  | "incompatible_pin"
  | "missing_input"
  | "duplicate_node_id"
  | "duplicate_link_id"
  | "link_to_missing_node"
  | "self_containing_graph"
  | "unknown_subgraph"
  | "invalid_input_default"

/** What graph validation reports about one node, link or pin (runtime `GraphIssue`). */
export interface GraphIssue {
  readonly nodeId?: string
  readonly linkId?: string
  readonly pin?: string
  readonly code: GraphIssueCode
  readonly message: string
}

/** A problem at one place of a graph file (runtime `GraphFileProblem`); `path` is empty for the whole file. */
export interface GraphFileProblem {
  readonly path: string
  readonly message: string
  readonly line?: number
  readonly column?: number
}

/** Credentials (`/credentials`): the secret is write-only, so the metadata is all that ever comes back. */
export interface CredentialMetadata {
  readonly id: string
  readonly userId: string
  readonly provider: string
  readonly name: string
  readonly createdAt: string
}

export interface NewCredential {
  readonly provider: string
  readonly name: string
  readonly secret: string
}

export type ApiKeyScope = "read" | "execute" | "manage"
export const apiKeyScopes: ReadonlyArray<ApiKeyScope> = ["read", "execute", "manage"]

export interface ApiKeyMetadata {
  readonly id: string
  readonly name: string
  readonly scopes: ReadonlyArray<ApiKeyScope>
  /** The first characters of the key, to tell keys apart in a list. */
  readonly prefix: string
  readonly createdAt: string
  readonly lastUsedAt: string | null
}

export interface NewApiKey {
  readonly name: string
  readonly scopes: ReadonlyArray<ApiKeyScope>
}

/** Returned once, at creation: the gateway keeps only a hash of `key`. */
export interface CreatedApiKey extends ApiKeyMetadata {
  readonly key: string
}

/** Marketplace (gateway/src/MarketplaceGateway.ts). */
export interface MarketplacePackage {
  readonly name: string
  readonly description: string
  readonly keywords: ReadonlyArray<string>
  readonly categories: ReadonlyArray<string>
  readonly latestVersion: string
  readonly installCount: number
}

export interface MarketplacePage {
  readonly packages: ReadonlyArray<MarketplacePackage>
  /** Cursor of the next page, absent on the last one. */
  readonly next?: string
}

export interface MarketplaceQuery {
  readonly text?: string
  readonly category?: string
  readonly keyword?: string
  readonly limit?: number
  readonly cursor?: string
}

export interface MarketplaceBlock {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly categories: ReadonlyArray<string>
  readonly inputSchema: JsonObject
  readonly outputSchema: JsonObject
}

export interface MarketplaceVersion {
  readonly version: string
  readonly description: string
  readonly blocks: ReadonlyArray<MarketplaceBlock>
  /** The plugin manifest's permissions (hosts, environment, file access); shape checked by the reader. */
  readonly permissions: unknown
  readonly integrity: string
  readonly publishedAt: string | null
  readonly deprecated: string | null
}

export interface MarketplaceDetail extends MarketplacePackage {
  readonly readme: string
  /** Newest first. */
  readonly versions: ReadonlyArray<MarketplaceVersion>
}

export interface InstalledPlugin {
  readonly package: string
  readonly version: string
  readonly installedAt: string
}

export interface GraphUsingPlugin {
  readonly id: string
  readonly version: number
  readonly name: string
}

export interface UpgradeOutcome {
  readonly installed: string
  /** Older versions removed because no active graph used them. */
  readonly removed: ReadonlyArray<string>
  /** Older versions kept because active graphs still pin them. */
  readonly kept: ReadonlyArray<{ readonly version: string; readonly graphs: ReadonlyArray<GraphUsingPlugin> }>
}

/** One value a node execution yielded (runtime `NodeOutputRecord`). */
export interface NodeOutputRecord {
  readonly nodeExecutionId: string
  /** Order within the node execution. */
  readonly seq: number
  readonly pin: string
  readonly value: unknown
  /** Order within the whole run. */
  readonly runSeq: number
  readonly at: string
}

/** One execution of one node in a run, with what it yielded (runtime `NodeExecutionRecord`). */
export interface NodeExecutionRecord {
  readonly id: string
  readonly executionId: string
  readonly nodeId: string
  readonly status: ExecutionStatus
  /** Values received from links so far, by sink pin. */
  readonly pins: JsonObject
  /** The merged input, set once the execution was queued. */
  readonly input: JsonObject | null
  readonly error: string | null
  readonly attempt: number
  /** Creation order within the run. */
  readonly createdSeq: number
  readonly endSeq: number | null
  readonly queuedAt: string | null
  readonly startedAt: string | null
  readonly endedAt: string | null
  readonly outputs: ReadonlyArray<NodeOutputRecord>
}

/** `GET /executions/:id`: the run with every node execution (runtime `ExecutionDetail`). */
export interface ExecutionDetail extends ExecutionRecord {
  readonly nodeExecutions: ReadonlyArray<NodeExecutionRecord>
}
