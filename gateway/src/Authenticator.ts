/**
 * Resolves credentials to a principal: a bearer JWT (verified by JwtVerifier; its subject's user row is created
 * on first sight) or an API key (looked up on every use, so revocation is immediate). Shared by the HTTP
 * middleware (AuthenticationLive) and the WebSocket, which takes its token from the handshake.
 */
import { Context, Effect, Layer } from "effect"
import { UserId, UserStore } from "@weft/runtime"
import { Unauthorized, Unavailable } from "./ApiProblems.ts"
import { ApiKeys } from "./ApiKeys.ts"
import { allScopes } from "./ApiSchemas.ts"
import type { Principal } from "./Authentication.ts"
import { JwtVerifier } from "./JwtVerifier.ts"

export interface Presented {
  readonly bearer?: string | undefined
  readonly apiKey?: string | undefined
}

const tokenProblem = {
  Expired: "the token has expired",
  Claim: "the token's issuer, audience or subject is not accepted",
  Signature: "the token's signature does not verify",
  Malformed: "the token is malformed",
  NotConfigured: "bearer tokens are not accepted: no JWT key is configured"
} as const

export class Authenticator extends Context.Service<
  Authenticator,
  {
    readonly resolve: (presented: Presented) => Effect.Effect<Principal, Unauthorized | Unavailable>
  }
>()("@weft/gateway/Authenticator") {
  static readonly layer = Layer.effect(
    Authenticator,
    Effect.gen(function* () {
      const jwt = yield* JwtVerifier
      const apiKeys = yield* ApiKeys
      const users = yield* UserStore
      // Subjects whose user row is known to exist: users are never deleted while they own anything.
      const known = new Set<string>()

      const unavailable = () => new Unavailable({ detail: "the database is unreachable" })

      const ensureUser = (subject: string, name: string | undefined, email: string | undefined, isAdmin: boolean) =>
        known.has(subject)
          ? Effect.void
          : users.ensure({ id: UserId.make(subject), name: name ?? subject, email: email ?? null, isAdmin }).pipe(
              // The email belongs to another user already: keep the identity, drop the email.
              Effect.catchTag("UserAlreadyExists", () =>
                users.ensure({ id: UserId.make(subject), name: name ?? subject, email: null, isAdmin })
              ),
              Effect.mapError(unavailable),
              Effect.tap(() => Effect.sync(() => known.add(subject))),
              Effect.asVoid
            )

      const resolve = Effect.fnUntraced(function* (presented: Presented) {
        const { apiKey, bearer } = presented
        if (apiKey !== undefined && apiKey !== "") {
          const verified = yield* apiKeys.verify(apiKey).pipe(Effect.mapError(unavailable))
          if (verified === undefined) return yield* new Unauthorized({ detail: "the API key is unknown or revoked" })
          const user = yield* users
            .get(verified.userId)
            .pipe(
              Effect.mapError((e) =>
                e._tag === "UserNotFound" ? new Unauthorized({ detail: "the API key's user is gone" }) : unavailable()
              )
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
        if (bearer !== undefined && bearer !== "") {
          const token = yield* jwt
            .verify(bearer)
            .pipe(Effect.mapError((e) => new Unauthorized({ detail: tokenProblem[e.reason] })))
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

      return Authenticator.of({ resolve })
    })
  )
}
