/**
 * Webhook tokens (`webhooks`, authenticated, owner-checked) and the unauthenticated trigger `POST /hooks/{token}`,
 * which starts the active version of the token's graph as the token's owner with the body as the `payload`
 * input. Triggers are rate limited per client IP; an unknown or revoked token answers 404.
 */
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { HttpServerResponse } from "effect/http"
import { GraphId, GraphStore } from "@weft/runtime"
import { Api } from "../Api.ts"
import { accessOf, CurrentPrincipal } from "../Authentication.ts"
import { GatewayConfig } from "../GatewayConfig.ts"
import { notFound, problems } from "../ProblemMapping.ts"
import { charge, clientAddress } from "../RequestLimits.ts"
import { RateLimiter } from "../RateLimiter.ts"
import { RunStarter } from "../RunStarter.ts"
import { Webhooks } from "../Webhooks.ts"

const WebhookManagement = HttpApiBuilder.group(
  Api,
  "webhooks",
  Effect.fn(function* (handlers) {
    const webhooks = yield* Webhooks
    const graphs = yield* GraphStore
    const config = yield* GatewayConfig
    return handlers.handleAll({
      create: ({ params }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const graph = yield* graphs.get(GraphId.make(params.graphId), accessOf(principal))
          const created = yield* webhooks.create(graph.ownerId, graph.id)
          return { ...created, url: `${config.publicUrl}/hooks/${created.token}` }
        }).pipe(problems),
      list: ({ params }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          yield* graphs.get(GraphId.make(params.graphId), accessOf(principal))
          return yield* webhooks.list(params.graphId)
        }).pipe(problems),
      revoke: ({ params }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          webhooks.revoke(principal.isAdmin ? undefined : principal.userId, params.webhookId)
        ).pipe(problems)
    })
  })
)

const HookTrigger = HttpApiBuilder.group(
  Api,
  "hooks",
  Effect.fn(function* (handlers) {
    const webhooks = yield* Webhooks
    const starter = yield* RunStarter
    const config = yield* GatewayConfig
    const limiter = yield* RateLimiter
    return handlers.handle("trigger", ({ params, query, payload, request }) =>
      Effect.gen(function* () {
        yield* charge(config.rateLimits, "execute", `ip:${clientAddress(request)}`)
        const hook = yield* webhooks.resolve(params.token)
        // The token itself is the secret: it is never echoed back.
        if (hook === undefined) return yield* Effect.fail(notFound("webhook", "(token)"))
        const outcome = yield* starter
          .start({
            graphId: hook.graphId,
            inputs: { payload },
            userId: hook.userId,
            asAdmin: false,
            waitSeconds: query.wait
          })
          // Webhook calls carry no idempotency key, so no key can mismatch.
          .pipe(Effect.catchTag("IdempotencyKeyMismatch", Effect.die))
        if (outcome._tag === "Accepted") {
          return HttpServerResponse.jsonUnsafe({ executionId: outcome.executionId, status: "QUEUED" }, { status: 202 })
        }
        // Like a "respond to webhook" step: the graph's outputs are the response body.
        return HttpServerResponse.jsonUnsafe(outcome.outputs, { status: 200 })
      }).pipe(problems, Effect.provideService(RateLimiter, limiter))
    )
  })
)

export const WebhookHandlers = Layer.mergeAll(WebhookManagement, HookTrigger)
