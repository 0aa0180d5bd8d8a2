/**
 * Who is calling: the middleware every `/api/v1` endpoint runs behind, and the principal it provides. Only the
 * declaration lives here (the API definition and the generated client import it); the implementation, which
 * verifies JWTs, looks up API keys and charges the rate limiter, is AuthenticationLive.ts.
 */
import { Context } from "effect"
import { HttpApiMiddleware } from "effect/http-api"
import { Access, type UserId } from "@weft/runtime"
import { Forbidden, RateLimited, Unauthorized, Unavailable } from "./ApiProblems.ts"
import type { Scope } from "./ApiSchemas.ts"

export interface Principal {
  readonly userId: UserId
  readonly isAdmin: boolean
  readonly authenticatedBy: "jwt" | "api-key"
  /** A JWT carries every scope; an API key only those it was created with. */
  readonly scopes: ReadonlyArray<Scope>
  readonly apiKeyId?: string
}

export class CurrentPrincipal extends Context.Service<CurrentPrincipal, Principal>()(
  "@weft/gateway/CurrentPrincipal"
) {}

export class Authentication extends HttpApiMiddleware.Service<Authentication, { provides: CurrentPrincipal }>()(
  "@weft/gateway/Authentication",
  { error: [Unauthorized, Forbidden, RateLimited, Unavailable] }
) {}

/** The store access of the caller: admins bypass owner checks. */
export const accessOf = (principal: Principal): Access =>
  principal.isAdmin ? Access.admin : Access.owner(principal.userId)

/** True when the caller may see a resource owned by `ownerId`. */
export const mayAccess = (principal: Principal, ownerId: string): boolean =>
  principal.isAdmin || principal.userId === ownerId
