/**
 * The names the studio uses for the JSON shapes it exchanges with the gateway. Every shape of the HTTP API is an
 * alias of the generated operations (gateway-operations.ts, from gateway/src/Api.ts), so a change of the API
 * fails the studio's typecheck. Only what the API definition does not describe is written out by hand, and says
 * so: the WebSocket messages (gateway/src/WebSocketMessages.ts) and the studio's own query shapes.
 */
import type { AnswerWith } from "./gateway-client"
import type { Operations, Schemas } from "./gateway-operations"

export type JsonObject = { readonly [key: string]: unknown }

// Graphs.

/** A stored graph version as `GET /graphs/:id` returns it, with the message it was saved with. */
export type Graph = AnswerWith<"graphs.get", "200">
export type GraphNode = Graph["nodes"][number]
export type GraphLink = Graph["links"][number]
export type BlockRef = GraphNode["block"]

/** The body of `POST /graphs` and `PUT /graphs/:id` (strict: no server-only fields). */
export type GraphFile = Operations["graphs.update"]["body"]

/** The graph JSON file as `GET /graphs/:id/export` returns it and `POST /graphs/import` accepts it. */
export type GraphFileDocument = AnswerWith<"graphs.export", "200">

/** The longest version message `PUT /graphs/:id?message=` accepts (gateway/src/Api.ts `versionMessageQuery`). */
export const versionMessageMaxLength = 500

/** What graph validation reports about one node, link or pin (the `invalid-graph` problem's `issues`). */
export type GraphIssue = Schemas["InvalidGraphEncoded"]["issues"][number]
export type GraphIssueCode = GraphIssue["code"]

/** A problem at one place of a graph file; `path` is empty for the whole file. */
export type GraphFileProblem = Schemas["InvalidGraphEncoded"]["fileProblems"][number]

// Blocks and the signed-in user.

export type BlockDescriptor = AnswerWith<"blocks.list", "200">[number]

export type Me = AnswerWith<"me.get", "200">

/** `GET /local-session`: offered by `weft dev` to this machine only. */
export type LocalSession = AnswerWith<"localSession", "200">

// Executions.

/** `GET /executions`: newest first; `nextCursor` is null on the last page. */
export type ExecutionPage = AnswerWith<"executions.list", "200">

/** One run as `GET /executions` lists it. */
export type ExecutionRecord = ExecutionPage["items"][number]
export type ExecutionStatus = ExecutionRecord["status"]

/** A node execution still INCOMPLETE when its run ended, with the pins it never received. */
export type StuckNode = ExecutionRecord["stuckNodes"][number]

/**
 * The query of `GET /executions`; `from` / `to` are ISO 8601 times (created at or after `from`, before `to`).
 * The API's query is all strings; the studio counts its `limit` (gateway-api.ts writes it out).
 */
export type ExecutionQuery = Omit<Operations["executions.list"]["query"], "limit"> & { readonly limit?: number }

/** `POST /executions`: the run finished within the wait (200) or was accepted and goes on (202). */
export type RunAccepted = AnswerWith<"executions.start", "200"> | AnswerWith<"executions.start", "202">

/** `POST /executions/:id/cancel`: `cancelled` is false when the run had already ended. */
export type CancelResult = AnswerWith<"executions.cancel", "200">

/** `GET /executions/:id`: the run with every node execution. */
export type ExecutionDetail = AnswerWith<"executions.get", "200">

/** One execution of one node in a run, with what it yielded. */
export type NodeExecutionRecord = ExecutionDetail["nodeExecutions"][number]

/** One value a node execution yielded: `seq` orders it within the node execution, `runSeq` within the run. */
export type NodeOutputRecord = NodeExecutionRecord["outputs"][number]

// Credentials and API keys.

/** Credentials (`/credentials`): the secret is write-only, so the metadata is all that ever comes back. */
export type CredentialMetadata = AnswerWith<"credentials.list", "200">[number]
export type NewCredential = Operations["credentials.create"]["body"]

export type ApiKeyMetadata = AnswerWith<"apiKeys.list", "200">[number]
export type ApiKeyScope = ApiKeyMetadata["scopes"][number]
export type NewApiKey = Operations["apiKeys.create"]["body"]

/** Returned once, at creation: the gateway keeps only a hash of `key`. */
export type CreatedApiKey = AnswerWith<"apiKeys.create", "201">

/** Every scope, in the order the studio offers them. */
export const apiKeyScopes: ReadonlyArray<ApiKeyScope> = ["read", "execute", "manage"]

// Marketplace.

export type MarketplacePage = AnswerWith<"marketplace.search", "200">
export type MarketplacePackage = MarketplacePage["packages"][number]

/** The query of `GET /marketplace/packages`, with the `limit` counted (the API's query is all strings). */
export type MarketplaceQuery = Omit<Operations["marketplace.search"]["query"], "limit"> & {
  readonly limit?: number
}

/** A package with its readme and every version, newest first. */
export type MarketplaceDetail = AnswerWith<"marketplace.detail", "200">
/** One version; `permissions` is the plugin manifest's, shape checked by the reader (plugin-permissions.ts). */
export type MarketplaceVersion = MarketplaceDetail["versions"][number]
export type MarketplaceBlock = MarketplaceVersion["blocks"][number]

export type InstalledPlugin = AnswerWith<"marketplace.installs", "200">[number]

/** `PUT /marketplace/installs/:package`: older versions removed, and those kept because active graphs pin them. */
export type UpgradeOutcome = AnswerWith<"marketplace.upgrade", "200">
export type GraphUsingPlugin = UpgradeOutcome["kept"][number]["graphs"][number]

// The WebSocket (`/ws`): not part of the HTTP API definition, so written out by hand, following
// gateway/src/WebSocketMessages.ts and actors/src/RunEvents.ts (`RunEventWire`).

/** What a subscription names: one run, or every run of a graph. */
export type SocketTarget = { readonly executionId: string } | { readonly graphId: string }

/** What the studio sends (WebSocketMessages.ts `ClientMessage`). */
export type ClientMessage =
  | { readonly type: "subscribe" | "unsubscribe"; readonly target: SocketTarget }
  | { readonly type: "ping" }

/** One event of a run, as the WebSocket carries it (`RunEventWire`). */
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

/** What the gateway sends (WebSocketMessages.ts `ServerMessage`). */
export type ServerMessage =
  | { readonly type: "subscribed" | "unsubscribed"; readonly target: SocketTarget }
  | { readonly type: "event"; readonly executionId: string; readonly graphId: string; readonly event: RunEvent }
  | { readonly type: "heartbeat" | "pong" }
  | { readonly type: "error"; readonly message: string }
