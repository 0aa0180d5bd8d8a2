// Rate limiting with real Redis: two gateways share one budget; an unreachable Redis follows WEFT_RATE_LIMIT_FAIL.
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer, Option, Redacted } from "effect"
import * as NodeCrypto from "node:crypto"
import { Redis } from "ioredis"
import * as Net from "node:net"
import { GatewayConfig, type GatewaySettings } from "./GatewayConfig.ts"
import { RateLimiter } from "./RateLimiter.ts"
import { baseUrl, signToken, testGateway } from "./GatewayTestKit.ts"

const redisUrl = Redacted.make(process.env.REDIS_URL ?? "redis://127.0.0.1:6379")
const limits = { read: 3, write: 3, execute: 3, anonymous: 50, windowSeconds: 60 }

/** A started gateway's base URL; the gateway stops with the enclosing scope. */
const startGateway = (settings: Partial<GatewaySettings>) =>
  Effect.flatMap(Layer.build(testGateway(settings)), (context) => Effect.provide(baseUrl, context))

/** A port nothing listens on: bound, then released. */
const closedPort = Effect.callback<number>((resume) => {
  const server = Net.createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 1
    server.close(() => resume(Effect.succeed(port)))
  })
})

const get = (url: string, token?: string) =>
  Effect.promise(() => fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }))

const json = (response: Response) => Effect.promise((): Promise<unknown> => response.json())

describe("gateway: rate limiting", () => {
  it.live("two gateways sharing Redis share one budget: A's requests exhaust it, B answers 429", () =>
    Effect.gen(function* () {
      const settings = {
        redisUrl: Option.some(redisUrl),
        redisKeyPrefix: `weft:test:${NodeCrypto.randomUUID()}:`,
        rateLimits: limits
      }
      const a = yield* startGateway(settings)
      const b = yield* startGateway(settings)
      const token = yield* signToken({ sub: "busy" })
      const remaining: Array<string | null> = []
      for (let i = 0; i < 3; i++) {
        const response = yield* get(`${a}/api/v1/graphs`, token)
        assert.strictEqual(response.status, 200)
        assert.strictEqual(response.headers.get("x-ratelimit-limit"), "3")
        assert.isNotNull(response.headers.get("x-ratelimit-reset"))
        remaining.push(response.headers.get("x-ratelimit-remaining"))
      }
      assert.deepStrictEqual(remaining, ["2", "1", "0"])
      // Redis may lose its script cache (restart, SCRIPT FLUSH): counting goes on through the EVAL fallback.
      const admin = new Redis(Redacted.value(redisUrl))
      yield* Effect.promise(() => admin.script("FLUSH").finally(() => admin.quit()))
      const limited = yield* get(`${b}/api/v1/graphs`, token)
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.headers.get("content-type"), "application/problem+json")
      const retryAfter = Number(limited.headers.get("retry-after"))
      assert.isTrue(retryAfter >= 1 && retryAfter <= 60)
      assert.strictEqual(limited.headers.get("x-ratelimit-remaining"), "0")
      // Another caller's budget is untouched; writes are a separate budget of the same caller.
      const other = yield* get(`${b}/api/v1/graphs`, yield* signToken({ sub: "calm" }))
      assert.strictEqual(other.status, 200)
      const ready = yield* json(yield* get(`${b}/ready`))
      assert.deepInclude(ready, {
        status: "ready",
        rateLimiter: { backend: "redis", reachable: true, onFailure: "open" }
      })
    }).pipe(Effect.scoped)
  )

  it.live("concurrent requests share Redis calls yet each gets the decision it would have had alone", () =>
    Effect.gen(function* () {
      const prefix = `weft:test:${NodeCrypto.randomUUID()}:`
      // Built in the test's scope: the Redis connection lives until the test ends.
      const context = yield* Layer.build(
        RateLimiter.layerRedis(redisUrl).pipe(Layer.provide(GatewayConfig.layerWith({ redisKeyPrefix: prefix })))
      )
      const limiter = Context.get(context, RateLimiter)
      const decisions = yield* Effect.forEach(Array.from({ length: 12 }), () => limiter.consume("burst", 8, 60), {
        concurrency: "unbounded"
      })
      const allowed = decisions.filter((d) => d._tag === "Allowed").map((d) => d.remaining)
      assert.deepStrictEqual(
        allowed.sort((a, b) => b - a),
        [7, 6, 5, 4, 3, 2, 1, 0]
      )
      assert.strictEqual(decisions.filter((d) => d._tag === "Limited").length, 4)
      const admin = new Redis(Redacted.value(redisUrl))
      const stored = yield* Effect.promise(() => admin.get(`${prefix}burst:60`).finally(() => admin.quit()))
      assert.strictEqual(stored, "12")
    }).pipe(Effect.scoped)
  )

  it.live("Redis unreachable, fail open: requests are served and /ready reports degraded", () =>
    Effect.gen(function* () {
      const port = yield* closedPort
      const url = yield* startGateway({
        redisUrl: Option.some(Redacted.make(`redis://127.0.0.1:${port}`)),
        rateLimitFail: "open",
        rateLimits: limits
      })
      const token = yield* signToken({ sub: "open" })
      for (let i = 0; i < 5; i++) assert.strictEqual((yield* get(`${url}/api/v1/graphs`, token)).status, 200)
      const ready = yield* get(`${url}/ready`)
      assert.strictEqual(ready.status, 200)
      assert.deepInclude(yield* json(ready), {
        status: "degraded",
        database: "up",
        rateLimiter: { backend: "redis", reachable: false, onFailure: "open" }
      })
    }).pipe(Effect.scoped)
  )

  it.live("Redis unreachable, fail closed: API requests are 503 problems and /ready is 503", () =>
    Effect.gen(function* () {
      const port = yield* closedPort
      const url = yield* startGateway({
        redisUrl: Option.some(Redacted.make(`redis://127.0.0.1:${port}`)),
        rateLimitFail: "closed",
        rateLimits: limits
      })
      const response = yield* get(`${url}/api/v1/graphs`, yield* signToken({ sub: "closed" }))
      assert.strictEqual(response.status, 503)
      assert.strictEqual(response.headers.get("content-type"), "application/problem+json")
      const ready = yield* get(`${url}/ready`)
      assert.strictEqual(ready.status, 503)
      assert.deepInclude(yield* json(ready), {
        status: "degraded",
        rateLimiter: { backend: "redis", reachable: false, onFailure: "closed" }
      })
    }).pipe(Effect.scoped)
  )
})
