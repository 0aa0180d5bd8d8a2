/**
 * The gateway as Layers. `routes` is every route (API, OpenAPI, docs, WebSocket) with its services, over the
 * stores, the `Executions` door to the cluster and a database; `layer` serves them on WEFT_HOST:WEFT_PORT.
 * The composition root decides the rest: `weft gateway` provides a client-only cluster (it runs no blocks),
 * `weft dev` the embedded runner. The gateway's own migrations run when the layer starts.
 */
import { NodeHttpServer } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { HttpRouter } from "effect/http"
import { HttpApiBuilder, HttpApiMiddleware, HttpApiScalar } from "effect/http-api"
import { createServer } from "node:http"
import { Api } from "./Api.ts"
import { ApiKeys } from "./ApiKeys.ts"
import { AuthenticationLive } from "./AuthenticationLive.ts"
import { boundedWebSocket } from "./BoundedWebSocket.ts"
import { Authenticator } from "./Authenticator.ts"
import { EventHub } from "./EventHub.ts"
import { GatewayConfig } from "./GatewayConfig.ts"
import * as GatewayMigrations from "./GatewayMigrations.ts"
import { AccountHandlers } from "./handlers/AccountHandlers.ts"
import { ExecutionHandlers } from "./handlers/ExecutionHandlers.ts"
import { GraphHandlers } from "./handlers/GraphHandlers.ts"
import { MarketplaceHandlers } from "./handlers/MarketplaceHandlers.ts"
import { SystemHandlers } from "./handlers/SystemHandlers.ts"
import { WebhookHandlers } from "./handlers/WebhookHandlers.ts"
import { JwtVerifier } from "./JwtVerifier.ts"
import { RateLimiter } from "./RateLimiter.ts"
import { ResponsePolicy } from "./ResponsePolicy.ts"
import { RunStarter } from "./RunStarter.ts"
import { StudioRoute } from "./StudioRoute.ts"
import { WebSocketRoute } from "./WebSocketRoute.ts"
import { Webhooks } from "./Webhooks.ts"

const handlers = Layer.mergeAll(
  SystemHandlers,
  GraphHandlers,
  ExecutionHandlers,
  AccountHandlers,
  WebhookHandlers,
  MarketplaceHandlers
)

const apiRoutes = HttpApiBuilder.layer(Api, { openapiPath: "/openapi.json" }).pipe(
  Layer.provide(handlers),
  Layer.provide(AuthenticationLive),
  Layer.provide(HttpApiMiddleware.layerProblemDetails({ includeDetails: true }))
)

const docs = HttpApiScalar.layer(Api, { path: "/docs" })

/** The gateway's own services; the rate limiter is Redis when REDIS_URL is set. */
export const services = Layer.mergeAll(
  Authenticator.layer.pipe(Layer.provideMerge(Layer.mergeAll(ApiKeys.layer, JwtVerifier.layer))),
  Webhooks.layer,
  RunStarter.layer,
  RateLimiter.layer,
  EventHub.layer
).pipe(Layer.provideMerge(GatewayMigrations.layer))

/**
 * Every route with the gateway's services; needs the stores, `Executions`, a PgClient, `GatewayConfig` and a
 * `MarketplaceGateway` (`MarketplaceGateway.layerUnavailable` when there is no plugin registry).
 */
export const routes = Layer.mergeAll(apiRoutes, docs, ResponsePolicy, WebSocketRoute, StudioRoute).pipe(
  Layer.provideMerge(services)
)

/** Serves `routes` on the configured host and port; provides `HttpServer` (its address, for tests and logs). */
export const layer = Layer.unwrap(
  Effect.map(GatewayConfig, (config) =>
    HttpRouter.serve(routes, { disableListenLog: true, disableLogger: !config.accessLog }).pipe(
      Layer.provideMerge(
        NodeHttpServer.layer(createServer, {
          host: config.host,
          port: config.port,
          // Open WebSockets must not hold a shutdown (Ctrl-C) for long.
          gracefulShutdownTimeout: "2 seconds",
          websocket: {
            // Select `weft` when offered, else no subprotocol: the token offered beside it is never echoed back.
            handleProtocols: (protocols) => (protocols.has("weft") ? "weft" : false),
            // Client messages are small JSON commands.
            maxPayload: 64 * 1024,
            // A client that stops reading is dropped before its unsent events pile up (BoundedWebSocket.ts).
            WebSocket: boundedWebSocket(config.wsSendBufferBytes)
          }
        })
      )
    )
  )
)
