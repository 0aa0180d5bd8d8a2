/**
 * Which rate-limit budget a request draws from, and the `X-RateLimit-*` headers that report it. Budgets are per
 * caller (API key, else user; the client IP for unauthenticated routes) and per class of route: execution
 * starts and webhooks (`execute`) are stricter than other writes, which are stricter than reads.
 */
import { Effect, Option } from "effect"
import { HttpEffect, type HttpServerRequest, HttpServerResponse } from "effect/http"
import { RateLimited, Unavailable } from "./ApiProblems.ts"
import type { RateLimits } from "./GatewayConfig.ts"
import { type Decision, RateLimiter } from "./RateLimiter.ts"

export type RouteClass = "read" | "write" | "execute" | "anonymous"

export const routeClassOf = (method: string, group: string, endpoint: string): RouteClass =>
  (group === "executions" && endpoint === "start") || group === "hooks"
    ? "execute"
    : method === "GET" || method === "HEAD"
      ? "read"
      : "write"

export const clientAddress = (request: HttpServerRequest.HttpServerRequest): string =>
  Option.getOrElse(request.remoteAddress, () => "unknown")

const headersOf = (decision: Decision): Record<string, string> => ({
  "x-ratelimit-limit": String(decision.limit),
  "x-ratelimit-remaining": String(decision.remaining),
  "x-ratelimit-reset": String(decision.resetSeconds),
  ...(decision._tag === "Limited" ? { "retry-after": String(decision.resetSeconds) } : {})
})

/**
 * Charges one request to `identity`'s budget of `routeClass`; the headers go on whatever response the request
 * ends with (success or problem). Fails with 429 over the limit, 503 when Redis is down and the rule is `closed`.
 */
export const charge = (limits: RateLimits, routeClass: RouteClass, identity: string) =>
  Effect.gen(function* () {
    const limiter = yield* RateLimiter
    const decision = yield* limiter.consume(`${routeClass}:${identity}`, limits[routeClass], limits.windowSeconds)
    const headers = headersOf(decision)
    yield* HttpEffect.appendPreResponseHandler((_request, response) =>
      Effect.succeed(HttpServerResponse.setHeaders(response, headers))
    )
    if (decision._tag === "Limited") {
      return yield* new RateLimited({
        detail: `rate limit of ${decision.limit} requests per ${limits.windowSeconds} s exceeded`,
        retryAfter: decision.resetSeconds
      })
    }
    if (decision._tag === "Unavailable") {
      return yield* new Unavailable({ detail: "the rate limiter is unreachable and configured to fail closed" })
    }
  })
