/**
 * `/health` (the process answers) and `/ready` (it can do work: the database answers, the rate limiter's
 * backend is reachable or fails open, at least one cluster runner is registered). `/ready` answers 503 with the
 * same report when not ready, so load balancers and Kubernetes probes can use it as is.
 *
 * `/local-session` is embedded mode's convenience: the studio opened on this machine signs in as the local admin
 * without copying the printed token. It answers only when `weft dev` turned it on, to a loopback peer that named
 * a loopback host (a page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host), and
 * 404 otherwise, so it cannot be told apart from a missing route.
 */
import { Effect, Option } from "effect"
import type { HttpServerRequest } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import { HttpServerResponse } from "effect/http"
import { SqlClient } from "effect/sql"
import { UserStore } from "@weft/runtime"
import { Api } from "../Api.ts"
import { GatewayConfig } from "../GatewayConfig.ts"
import { JwtVerifier } from "../JwtVerifier.ts"
import { notFound, problems } from "../ProblemMapping.ts"
import { RateLimiter } from "../RateLimiter.ts"

const loopbackPeer = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/
const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i

const isLocal = (request: HttpServerRequest.HttpServerRequest): boolean =>
  Option.match(request.remoteAddress, { onNone: () => false, onSome: (peer) => loopbackPeer.test(peer) }) &&
  loopbackHost.test(request.headers["host"] ?? "")

export const SystemHandlers = HttpApiBuilder.group(
  Api,
  "system",
  Effect.fn(function* (handlers) {
    const sql = yield* SqlClient.SqlClient
    const limiter = yield* RateLimiter
    const config = yield* GatewayConfig
    const users = yield* UserStore
    const jwt = yield* JwtVerifier
    return handlers.handleAll({
      localSession: ({ request }) =>
        Effect.gen(function* () {
          if (!config.offerLocalSession || !isLocal(request)) return yield* notFound("route", "/local-session")
          const admin = yield* users.localAdmin.pipe(problems)
          const token = yield* jwt
            .sign({ sub: admin.id, admin: true, name: admin.name }, "30d")
            .pipe(Effect.catchTag("InvalidToken", () => Effect.fail(notFound("route", "/local-session"))))
          return { token, name: admin.name }
        }),
      health: () => Effect.succeed({ status: "ok" as const }),
      ready: () =>
        Effect.gen(function* () {
          const database = yield* sql`select 1`.pipe(Effect.timeout("2 seconds"), Effect.isSuccess)
          const runners = database
            ? yield* sql<{ count: string }>`select count(*)::text as count from cluster_runners where healthy`.pipe(
                Effect.map((rows) => Number(rows[0]?.count ?? 0)),
                // No runner has registered yet (the table is created by the first one), or the cluster is embedded.
                Effect.orElseSucceed(() => 0)
              )
            : 0
          const rateLimiter = yield* limiter.status
          const ready = database && (rateLimiter.reachable || rateLimiter.onFailure === "open")
          const report = {
            status: ready && rateLimiter.reachable ? ("ready" as const) : ("degraded" as const),
            database: database ? ("up" as const) : ("down" as const),
            rateLimiter,
            runners
          }
          return ready ? report : HttpServerResponse.jsonUnsafe(report, { status: 503 })
        })
    })
  })
)
