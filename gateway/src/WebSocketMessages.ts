/**
 * The WebSocket protocol of `/ws`. Clients send `subscribe` / `unsubscribe` (one execution, or every execution
 * of a graph) and `ping`; the server sends `subscribed`, `unsubscribed`, `event` (graph status, node status or
 * node output, as the runners commit them), `heartbeat` every WEFT_WS_HEARTBEAT_SECONDS, `pong` and `error`.
 *
 * Close codes: 4401 no token, 4403 invalid token, 4008 the client fell behind (more than WEFT_WS_BUFFER event
 * batches waiting: the connection is closed rather than buffering without bound; reconnect and GET the
 * execution to catch up), 1000 normal.
 */
import { Schema } from "effect"
import { RunEventWire } from "@weft/actors"

export const closeCodes = { missingToken: 4401, invalidToken: 4403, tooSlow: 4008 } as const

const Target = Schema.Union([
  Schema.Struct({ executionId: Schema.NonEmptyString }),
  Schema.Struct({ graphId: Schema.NonEmptyString })
])

export const ClientMessage = Schema.Union([
  Schema.Struct({ type: Schema.Literal("subscribe"), target: Target }),
  Schema.Struct({ type: Schema.Literal("unsubscribe"), target: Target }),
  Schema.Struct({ type: Schema.Literal("ping") })
])
export type ClientMessage = typeof ClientMessage.Type

export const ServerMessage = Schema.Union([
  Schema.Struct({ type: Schema.Literal("subscribed"), target: Target }),
  Schema.Struct({ type: Schema.Literal("unsubscribed"), target: Target }),
  Schema.Struct({
    type: Schema.Literal("event"),
    executionId: Schema.String,
    graphId: Schema.String,
    event: RunEventWire
  }),
  Schema.Struct({ type: Schema.Literal("heartbeat") }),
  Schema.Struct({ type: Schema.Literal("pong") }),
  Schema.Struct({ type: Schema.Literal("error"), message: Schema.String })
])
export type ServerMessage = typeof ServerMessage.Type
