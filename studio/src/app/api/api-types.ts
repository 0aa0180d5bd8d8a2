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
