/**
 * `GET /ws`: live run events over a WebSocket (protocol in WebSocketMessages.ts). The token comes from the
 * `Sec-WebSocket-Protocol` header (`weft, <token>`: the server selects `weft`, never echoing the token) or
 * `?token=`; a JWT or an API key.
 * Subscriptions are authorised against the owner (admins may watch anything); an unknown or foreign target is
 * answered with the same error, so ids do not leak. Events arrive from every runner through EventHub; each
 * client has one bounded queue of batches, and a client that lets it fill up is disconnected (4008).
 */
import { Effect, Layer, Option, Queue, Schema } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { CloseEvent, readerString } from "effect/socket/Socket"
import { ExecutionId, ExecutionStore, GraphId, GraphStore } from "@weft/runtime"
import { accessOf, mayAccess, type Principal } from "./Authentication.ts"
import { Authenticator } from "./Authenticator.ts"
import { EventHub } from "./EventHub.ts"
import { GatewayConfig } from "./GatewayConfig.ts"
import type { RunEventBatch, RunEventWire } from "@weft/actors"
import { ClientMessage, closeCodes, type ServerMessage } from "./WebSocketMessages.ts"

const decodeMessage = Schema.decodeUnknownOption(ClientMessage)

const tokenOf = (request: HttpServerRequest.HttpServerRequest): string | undefined => {
  const protocols = (request.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim())
  const fromProtocol = protocols.find((p) => p !== "" && p !== "weft")
  if (fromProtocol !== undefined) return fromProtocol
  const query = new URL(request.url, "http://gateway").searchParams.get("token")
  return query === null || query === "" ? undefined : query
}

const parse = (text: string): ClientMessage | undefined => {
  // Boundary with a throwing platform API: JSON.parse is the only way to parse JSON text.
  try {
    return Option.getOrUndefined(decodeMessage(JSON.parse(text)))
  } catch {
    return undefined
  }
}

export const WebSocketRoute = Layer.unwrap(
  Effect.gen(function* () {
    const authenticator = yield* Authenticator
    const hub = yield* EventHub
    const executions = yield* ExecutionStore
    const graphs = yield* GraphStore
    const config = yield* GatewayConfig

    /** A truncated output's value, read from the store (the NOTIFY payload left it out). */
    const fillValue = (executionId: string, event: RunEventWire) =>
      event._tag !== "output" || event.truncated !== true
        ? Effect.succeed(event)
        : executions.get(ExecutionId.make(executionId)).pipe(
            Effect.map((detail) => {
              const output = detail.nodeExecutions
                .find((n) => n.id === event.id)
                ?.outputs.find((o) => o.seq === event.seq)
              return output === undefined ? event : { ...event, value: output.value, truncated: false }
            }),
            Effect.orElseSucceed(() => event)
          )

    const authorised = (
      principal: Principal,
      target: { readonly executionId: string } | { readonly graphId: string }
    ) =>
      "executionId" in target
        ? executions.get(ExecutionId.make(target.executionId)).pipe(
            Effect.map((detail) => mayAccess(principal, detail.userId)),
            Effect.orElseSucceed(() => false)
          )
        : graphs.get(GraphId.make(target.graphId), accessOf(principal)).pipe(
            Effect.as(true),
            Effect.orElseSucceed(() => false)
          )

    const session = Effect.fnUntraced(function* (request: HttpServerRequest.HttpServerRequest) {
      const token = tokenOf(request)
      // The `weft` subprotocol is selected by the server's handleProtocols (Gateway.ts): WebSocket upgrades take
      // no custom response headers.
      const socket = yield* request.upgrade
      // Acquiring the reader completes the handshake; the writer waits for it, so it comes first.
      const pull = yield* readerString(socket)
      const writer = yield* socket.writer
      const send = (message: ServerMessage) => writer.write(JSON.stringify(message))
      if (token === undefined) return yield* writer.write(new CloseEvent(closeCodes.missingToken, "token required"))
      const resolved = yield* Effect.result(
        authenticator.resolve(token.startsWith("weft_") ? { apiKey: token } : { bearer: token })
      )
      if (resolved._tag === "Failure") {
        return yield* writer.write(new CloseEvent(closeCodes.invalidToken, resolved.failure.detail ?? "invalid token"))
      }
      const principal = resolved.success
      const executionIds = new Set<string>()
      const graphIds = new Set<string>()
      const inbox = yield* Queue.bounded<RunEventBatch | "overflow">(config.wsBuffer + 1)
      let overflowed = false
      yield* hub.subscribe((batch) => {
        if (overflowed || (!executionIds.has(batch.executionId) && !graphIds.has(batch.graphId))) return
        // One slot is kept for the overflow marker, so the client learns why it is closed.
        if (Queue.sizeUnsafe(inbox) >= config.wsBuffer) {
          overflowed = true
          Queue.offerUnsafe(inbox, "overflow")
          return
        }
        Queue.offerUnsafe(inbox, batch)
      })

      const deliver = Effect.forever(
        Effect.gen(function* () {
          const batch = yield* Queue.take(inbox)
          if (batch === "overflow") {
            yield* writer.write(new CloseEvent(closeCodes.tooSlow, "client too slow: event buffer full"))
            return yield* Effect.interrupt
          }
          for (const event of batch.events) {
            const filled = yield* fillValue(batch.executionId, event)
            yield* send({ type: "event", executionId: batch.executionId, graphId: batch.graphId, event: filled })
          }
        })
      )

      const heartbeat = Effect.forever(
        Effect.andThen(Effect.sleep(`${config.wsHeartbeatSeconds} seconds`), send({ type: "heartbeat" }))
      )

      const handle = (message: ClientMessage) =>
        Effect.gen(function* () {
          if (message.type === "ping") return yield* send({ type: "pong" })
          const target = message.target
          if (message.type === "unsubscribe") {
            if ("executionId" in target) executionIds.delete(target.executionId)
            else graphIds.delete(target.graphId)
            return yield* send({ type: "unsubscribed", target })
          }
          if (!(yield* authorised(principal, target))) {
            return yield* send({ type: "error", message: "no such execution or graph" })
          }
          if ("executionId" in target) executionIds.add(target.executionId)
          else graphIds.add(target.graphId)
          yield* send({ type: "subscribed", target })
        })

      const read = Effect.forever(
        Effect.gen(function* () {
          const texts = yield* pull
          for (const text of texts) {
            const message = text.length > 10_000 ? undefined : parse(text)
            if (message === undefined) yield* send({ type: "error", message: "unrecognised message" })
            else yield* handle(message)
          }
        })
      )

      // The first to end ends the session: a closed connection (read fails) must stop delivery and heartbeats.
      yield* Effect.raceAllFirst([read, deliver, heartbeat]).pipe(Effect.ignore)
    })

    return HttpRouter.add(
      "GET",
      "/ws",
      Effect.gen(function* () {
        const request = yield* HttpServerRequest.HttpServerRequest
        yield* Effect.scoped(session(request)).pipe(Effect.ignore)
        return HttpServerResponse.empty()
      })
    )
  })
)
