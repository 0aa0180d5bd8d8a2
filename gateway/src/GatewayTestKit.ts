/**
 * For tests of the gateway (here and in other packages): a gateway on a free port over an embedded test runner
 * and a throwaway database, with an HS256 secret so tests can mint tokens, and helpers to sign them.
 */
import { Deferred, type Duration, Effect, Layer, Option, Queue, Redacted, Schema } from "effect"
import { HttpServer } from "effect/http"
import * as Jose from "jose"
import * as NodeCrypto from "node:crypto"
import { embeddedTestRunner } from "@weft/actors/testing"
import { CredentialVault } from "@weft/runtime"
import { GatewayConfig, type GatewaySettings } from "./GatewayConfig.ts"
import * as Gateway from "./Gateway.ts"
import { MarketplaceGateway } from "./MarketplaceGateway.ts"
import { type ClientMessage, ServerMessage } from "./WebSocketMessages.ts"

export const testSecret = "weft-test-secret-0123456789abcdef"

/**
 * A gateway on 127.0.0.1 with an ephemeral port, over whatever cluster, stores and database the caller provides
 * (an embedded runner below, or `clientLayer` for runs on other processes); `settings` replace the environment's.
 * `marketplace` is the plugin registry behind `/api/v1/marketplace` (none by default: those routes answer 503).
 */
export const gatewayOver = <E = never, R = never>(
  settings: Partial<GatewaySettings> = {},
  marketplace: Layer.Layer<MarketplaceGateway, E, R> = MarketplaceGateway.layerUnavailable
) =>
  Gateway.layer.pipe(
    Layer.provideMerge(marketplace),
    Layer.provideMerge(
      GatewayConfig.layerWith({
        host: "127.0.0.1",
        port: 0,
        jwtSecret: Option.some(Redacted.make(testSecret)),
        jwksUrl: Option.none(),
        jwtIssuer: "weft",
        jwtAudience: "weft",
        redisUrl: Option.none(),
        ...settings
      })
    ),
    Layer.provideMerge(CredentialVault.layerWithKey(NodeCrypto.randomBytes(32)))
  )

/** `gatewayOver` an embedded test runner on a throwaway database. */
export const testGateway = (settings: Partial<GatewaySettings> = {}) =>
  gatewayOver(settings).pipe(Layer.provideMerge(embeddedTestRunner))

/** The base URL of the gateway in context. */
export const baseUrl = Effect.map(HttpServer.HttpServer, (server) =>
  server.address._tag === "UnixPathAddress" ? "http://invalid" : `http://127.0.0.1:${server.address.port}`
)

export interface TokenOptions {
  readonly sub: string
  readonly admin?: boolean
  readonly secret?: string
  readonly audience?: string
  readonly issuer?: string
  /** Seconds from now; negative for an expired token. */
  readonly expiresIn?: number
}

export const signToken = (options: TokenOptions) =>
  Effect.promise(() => {
    const now = Math.floor(Date.now() / 1000)
    return new Jose.SignJWT({ weft_admin: options.admin === true })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(options.sub)
      .setIssuer(options.issuer ?? "weft")
      .setAudience(options.audience ?? "weft")
      .setIssuedAt(now - 120)
      .setExpirationTime(now + (options.expiresIn ?? 3600))
      .sign(new TextEncoder().encode(options.secret ?? testSecret))
  })

/** A WebSocket client for tests: messages in arrival order, the close event, and a typed `send`. */
export interface TestSocket {
  /** The next message, failing the test if none arrives within `within`. */
  readonly next: (within?: Duration.Input) => Effect.Effect<ServerMessage>
  /** Messages until one satisfies `done` (included), failing the test if that takes longer than `within`. */
  readonly until: (
    done: (message: ServerMessage) => boolean,
    within?: Duration.Input
  ) => Effect.Effect<Array<ServerMessage>>
  readonly send: (message: ClientMessage) => Effect.Effect<void>
  /** The close code and reason, once the connection is closed. */
  readonly closed: Effect.Effect<{ readonly code: number; readonly reason: string }>
  readonly protocol: () => string
}

const decodeServerMessage = Schema.decodeUnknownSync(Schema.fromJsonString(ServerMessage))

/** Opens `url` (ws://...) with Node's WebSocket client; closed with the scope. */
export const openSocket = (url: string, protocols: ReadonlyArray<string> = []) =>
  Effect.gen(function* () {
    const inbox = yield* Queue.unbounded<ServerMessage>()
    const opened = yield* Deferred.make<void>()
    const closed = yield* Deferred.make<{ readonly code: number; readonly reason: string }>()
    const socket = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const ws = new WebSocket(url, [...protocols])
        ws.onopen = () => Deferred.doneUnsafe(opened, Effect.void)
        ws.onmessage = (event) => {
          if (typeof event.data === "string") Queue.offerUnsafe(inbox, decodeServerMessage(event.data))
        }
        ws.onclose = (event) => Deferred.doneUnsafe(closed, Effect.succeed({ code: event.code, reason: event.reason }))
        return ws
      }),
      (ws) => Effect.sync(() => ws.close())
    )
    const next = (within: Duration.Input = "10 seconds") => Queue.take(inbox).pipe(Effect.timeout(within), Effect.orDie)
    const until = (done: (message: ServerMessage) => boolean, within: Duration.Input = "20 seconds") =>
      Effect.gen(function* () {
        const seen: Array<ServerMessage> = []
        while (true) {
          const message = yield* Queue.take(inbox)
          seen.push(message)
          if (done(message)) return seen
        }
      }).pipe(Effect.timeout(within), Effect.orDie)
    const testSocket: TestSocket = {
      next,
      until,
      send: (message) =>
        Deferred.await(opened).pipe(
          Effect.timeout("10 seconds"),
          Effect.orDie,
          Effect.andThen(Effect.sync(() => socket.send(JSON.stringify(message))))
        ),
      closed: Deferred.await(closed).pipe(Effect.timeout("10 seconds"), Effect.orDie),
      protocol: () => socket.protocol
    }
    return testSocket
  })

/** The ws:// URL of the gateway in context (`/ws` plus `query`). */
export const socketUrl = (query = "") => Effect.map(baseUrl, (url) => `${url.replace("http://", "ws://")}/ws${query}`)
