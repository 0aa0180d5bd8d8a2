/**
 * The `Authentication` middleware: resolves the caller (Authenticator.ts), then charges the caller's rate-limit
 * budget and checks the API key's scope for the class of route. A request without valid credentials is charged
 * to its IP's anonymous budget before the 401, so guessing keys is throttled too.
 */
import { Effect, Layer } from "effect"
import { HttpServerRequest } from "effect/http"
import { Forbidden } from "./ApiProblems.ts"
import type { Scope } from "./ApiSchemas.ts"
import { Authentication, CurrentPrincipal } from "./Authentication.ts"
import { Authenticator } from "./Authenticator.ts"
import { GatewayConfig } from "./GatewayConfig.ts"
import { RateLimiter } from "./RateLimiter.ts"
import { charge, clientAddress, type RouteClass, routeClassOf } from "./RequestLimits.ts"

/** The scope an API key needs per class of route: reads, execution starts, everything else (manage). */
const scopeFor: Record<RouteClass, Scope> = { read: "read", execute: "execute", write: "manage", anonymous: "read" }

const bearerOf = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

export const AuthenticationLive = Layer.effect(
  Authentication,
  Effect.gen(function* () {
    const config = yield* GatewayConfig
    const authenticator = yield* Authenticator
    const limiter = yield* RateLimiter

    return Authentication.of((httpEffect, { endpoint, group }) =>
      Effect.gen(function* () {
        const request = yield* HttpServerRequest.HttpServerRequest
        const principal = yield* authenticator
          .resolve({
            bearer: bearerOf(request.headers.authorization),
            apiKey: request.headers["x-api-key"]
          })
          .pipe(
            Effect.tapError(() =>
              charge(config.rateLimits, "anonymous", `ip:${clientAddress(request)}`).pipe(Effect.ignore)
            )
          )
        const identity = principal.apiKeyId === undefined ? `user:${principal.userId}` : `key:${principal.apiKeyId}`
        const routeClass = routeClassOf(endpoint.method, group.identifier, endpoint.name)
        yield* charge(config.rateLimits, routeClass, identity)
        const scope = scopeFor[routeClass]
        if (!principal.scopes.includes(scope)) {
          return yield* new Forbidden({ detail: `this API key lacks the "${scope}" scope`, requiredScope: scope })
        }
        return yield* Effect.provideService(httpEffect, CurrentPrincipal, principal)
      }).pipe(Effect.provideService(RateLimiter, limiter))
    )
  })
)
