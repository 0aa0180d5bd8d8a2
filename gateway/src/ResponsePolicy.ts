/**
 * The global HTTP middleware: enforces the body size limit (413 from `Content-Length` before anything is read,
 * and the `MaxBodySize` reference for bodies without one), charges routes outside `/api/v1` to the client IP's
 * anonymous rate-limit budget, and rewrites every error response that is not yet a problem (route not found,
 * unsupported media type, body too large, defects) into `application/problem+json`, so callers see one error
 * format. A defect's details are logged, never sent.
 */
import { ByteSize, Cause, Effect } from "effect"
import {
  HttpIncomingMessage,
  HttpRouter,
  HttpServerError,
  HttpServerRequest,
  HttpServerResponse,
  ProblemDetails
} from "effect/http"
import { HttpServerRespondable } from "effect/http"
import type { unhandled } from "effect/Types"
import { GatewayConfig } from "./GatewayConfig.ts"
import { RateLimiter } from "./RateLimiter.ts"
import { charge, clientAddress } from "./RequestLimits.ts"

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable"
}

const textDetail = (response: HttpServerResponse.HttpServerResponse): string | undefined => {
  const body = response.body
  if (body._tag !== "Uint8Array" || !body.contentType.startsWith("text/")) return undefined
  const text = new TextDecoder().decode(body.body).slice(0, 300)
  return text === "" ? undefined : text
}

/** An error response as a problem; problem responses and successes pass unchanged. */
export const asProblem = (response: HttpServerResponse.HttpServerResponse): HttpServerResponse.HttpServerResponse => {
  if (response.status < 400) return response
  const contentType = response.body._tag === "Empty" ? undefined : response.body.contentType
  if (contentType?.startsWith(ProblemDetails.contentType) === true) return response
  if (contentType?.startsWith("application/json") === true && response.status === 503) return response
  const detail = response.status >= 500 ? undefined : textDetail(response)
  const problem = ProblemDetails.toResponse({
    type: ProblemDetails.blankType,
    status: response.status,
    title: titles[response.status] ?? "Error",
    ...(detail === undefined ? {} : { detail })
  })
  // The original body's length and type no longer apply; every other header (rate limits, ...) stays.
  const kept = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) => name !== "content-length" && name !== "content-type")
  )
  return HttpServerResponse.setHeaders(problem, kept)
}

const tooLarge = (limit: number) =>
  ProblemDetails.toResponse({
    type: ProblemDetails.blankType,
    status: 413,
    title: "Content Too Large",
    detail: `request bodies are limited to ${limit} bytes`
  })

const isProbe = (path: string) => path === "/health" || path === "/ready"

const exemptFromIpBudget = (path: string) => path.startsWith("/api/v1/") || path.startsWith("/hooks/")

export const ResponsePolicy = HttpRouter.middleware(
  Effect.gen(function* () {
    const config = yield* GatewayConfig
    const limiter = yield* RateLimiter
    const maxBody = ByteSize.bytes(config.maxBodyBytes)
    // The declared error type keeps `unhandled`, as the router requires of a global middleware; this one in
    // fact handles every failure and answers with a problem.
    return (
      app: Effect.Effect<HttpServerResponse.HttpServerResponse, unhandled>
    ): Effect.Effect<HttpServerResponse.HttpServerResponse, unhandled, HttpServerRequest.HttpServerRequest> =>
      Effect.gen(function* () {
        const request = yield* HttpServerRequest.HttpServerRequest
        const length = Number(request.headers["content-length"] ?? "0")
        if (Number.isFinite(length) && length > config.maxBodyBytes) {
          // Read and discard a moderately oversized body first: answering before the client finished sending
          // makes Node close the socket under it, and the caller sees a reset instead of the 413.
          if (length <= config.maxBodyBytes * 16) {
            yield* request.arrayBuffer.pipe(
              Effect.provideService(HttpIncomingMessage.MaxBodySize, ByteSize.bytes(config.maxBodyBytes * 16)),
              Effect.ignore
            )
          }
          return tooLarge(config.maxBodyBytes)
        }
        const path = request.url.split("?")[0] ?? "/"
        if (!exemptFromIpBudget(path)) {
          const limited = yield* charge(config.rateLimits, "anonymous", `ip:${clientAddress(request)}`).pipe(
            Effect.provideService(RateLimiter, limiter),
            // Probes must report the state even when a fail-closed limiter cannot count them.
            Effect.catchIf(
              (problem) => problem._tag === "Unavailable" && isProbe(path),
              () => Effect.void
            ),
            Effect.matchEffect({
              onFailure: (problem) =>
                Effect.map(
                  HttpServerRespondable.toResponse(problem),
                  (r): HttpServerResponse.HttpServerResponse | undefined => r
                ),
              onSuccess: () => Effect.succeed(undefined)
            })
          )
          if (limited !== undefined) return limited
        }
        const response = yield* app.pipe(
          Effect.provideService(HttpIncomingMessage.MaxBodySize, maxBody),
          Effect.catchCause((cause) =>
            Effect.flatMap(HttpServerError.causeResponse(cause), ([response, rest]) =>
              // An interrupted request (client gone, server stopping) is not a failure worth an error log.
              response.status >= 500 && !Cause.hasInterrupts(cause) && !Cause.hasInterruptsOnly(rest)
                ? Effect.as(Effect.logError("request failed", rest), response)
                : Effect.succeed(response)
            )
          )
        )
        return asProblem(response)
      })
  }),
  { global: true }
)
