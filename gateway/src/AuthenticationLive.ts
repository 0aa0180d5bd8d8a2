/**
 * The `Authentication` middleware: resolves the caller from `Authorization: Bearer <JWT>` or `X-API-Key`, makes
 * sure the user row exists (JWT subjects are created on first sight), then charges the caller's rate-limit
 * budget. A request without valid credentials is charged to its IP's anonymous budget before the 401, so
 * guessing keys is throttled too. Revoked keys fail at once: every request looks its key up.
 */
import { Effect, Layer } from "effect"
import { HttpServerRequest } from "effect/http"
import { UserId, UserStore } from "@weft/runtime"
import { Forbidden, Unauthorized, Unavailable } from "./ApiProblems.ts"
import { ApiKeys } from "./ApiKeys.ts"
import { allScopes, type Scope } from "./ApiSchemas.ts"
import { Authentication, CurrentPrincipal, type Principal } from "./Authentication.ts"
import { GatewayConfig } from "./GatewayConfig.ts"
import { JwtVerifier } from "./JwtVerifier.ts"
import { RateLimiter } from "./RateLimiter.ts"
import { charge, clientAddress, type RouteClass, routeClassOf } from "./RequestLimits.ts"

const bearerOf = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

/** The scope an API key needs per class of route: reads, execution starts, everything else (manage). */
const scopeFor: Record<RouteClass, Scope> = { read: "read", execute: "execute", write: "manage", anonymous: "read" }

const tokenProblem = {
  Expired: "the token has expired",
  Claim: "the token's issuer, audience or subject is not accepted",
  Signature: "the token's signature does not verify",
  Malformed: "the token is malformed",
  NotConfigured: "bearer tokens are not accepted: no JWT key is configured"
} as const

export const AuthenticationLive = Layer.effect(
  Authentication,
  Effect.gen(function*() {
    const config = yield* GatewayConfig
    const jwt = yield* JwtVerifier
    const apiKeys = yield* ApiKeys
    const users = yield* UserStore
    const limiter = yield* RateLimiter
    // Subjects whose user row is known to exist: users are never deleted while they own anything.
    const known = new Set<string>()

    const unavailable = () => new Unavailable({ detail: "the database is unreachable" })

    const ensureUser = (subject: string, name: string | undefined, email: string | undefined, isAdmin: boolean) =>
      known.has(subject)
        ? Effect.void
        : users.ensure({ id: UserId.make(subject), name: name ?? subject, email: email ?? null, isAdmin }).pipe(
          // The email belongs to another user already: keep the identity, drop the email.
          Effect.catchTag("UserAlreadyExists", () =>
            users.ensure({ id: UserId.make(subject), name: name ?? subject, email: null, isAdmin })),
          Effect.mapError(unavailable),
          Effect.tap(() => Effect.sync(() => known.add(subject))),
          Effect.asVoid
        )

    const resolve = Effect.fnUntraced(function*(request: HttpServerRequest.HttpServerRequest) {
      const apiKey = request.headers["x-api-key"]
      const bearer = bearerOf(request.headers.authorization)
      if (apiKey !== undefined && apiKey !== "") {
        const verified = yield* apiKeys.verify(apiKey).pipe(Effect.mapError(unavailable))
        if (verified === undefined) return yield* new Unauthorized({ detail: "the API key is unknown or revoked" })
        const user = yield* users.get(verified.userId).pipe(
          Effect.mapError((e) => e._tag === "UserNotFound" ? new Unauthorized({ detail: "the API key's user is gone" }) : unavailable())
        )
        const principal: Principal = {
          userId: user.id,
          isAdmin: user.isAdmin,
          authenticatedBy: "api-key",
          scopes: verified.scopes,
          apiKeyId: verified.id
        }
        return principal
      }
      if (bearer !== undefined) {
        const token = yield* jwt.verify(bearer).pipe(
          Effect.mapError((e) => new Unauthorized({ detail: tokenProblem[e.reason] }))
        )
        yield* ensureUser(token.subject, token.name, token.email, token.isAdmin)
        const principal: Principal = {
          userId: UserId.make(token.subject),
          isAdmin: token.isAdmin,
          authenticatedBy: "jwt",
          scopes: allScopes
        }
        return principal
      }
      return yield* new Unauthorized({ detail: "credentials required: `Authorization: Bearer <JWT>` or `X-API-Key`" })
    })

    return Authentication.of((httpEffect, { endpoint, group }) =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const principal = yield* resolve(request).pipe(
          Effect.tapError(() => charge(config.rateLimits, "anonymous", `ip:${clientAddress(request)}`).pipe(Effect.ignore))
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
