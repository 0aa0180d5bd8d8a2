/**
 * `/health` (the process answers) and `/ready` (it can do work: the database answers, the rate limiter's
 * backend is reachable or fails open, at least one cluster runner is registered). `/ready` answers 503 with the
 * same report when not ready, so load balancers and Kubernetes probes can use it as is.
 */
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { HttpServerResponse } from "effect/http"
import { SqlClient } from "effect/sql"
import { Api } from "../Api.ts"
import { RateLimiter } from "../RateLimiter.ts"

export const SystemHandlers = HttpApiBuilder.group(
  Api,
  "system",
  Effect.fn(function* (handlers) {
    const sql = yield* SqlClient.SqlClient
    const limiter = yield* RateLimiter
    return handlers.handleAll({
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
