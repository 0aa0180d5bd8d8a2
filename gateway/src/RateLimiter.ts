/**
 * Fixed-window request counters. With `REDIS_URL` the counters live in Redis and one Lua script increments a
 * window's counter and reads its expiry atomically, so any number of gateways share one budget per key; without
 * it an in-process map behaves the same (embedded mode, one gateway). If Redis cannot be reached the limiter
 * answers by the configured rule, `open` (allow, unlimited) or `closed` (the caller answers 503), logs the change
 * once per transition and reports it to `/ready`.
 *
 * Requests for one counter are coalesced: while a script call for it is in flight, later requests wait and then
 * go together as one call adding their number. Each gets the count it would have had alone (the batch's counts
 * are consecutive), so decisions are exactly those of one call per request, at a fraction of the round trips:
 * under load most requests share a call with the others of their tick.
 */
import { Clock, Context, Effect, Layer, Option, Redacted, Ref } from "effect"
import { Redis } from "ioredis"
import * as NodeCrypto from "node:crypto"
import { GatewayConfig } from "./GatewayConfig.ts"

export interface Decision {
  /** `Unavailable` only with fail-closed while Redis is unreachable. */
  readonly _tag: "Allowed" | "Limited" | "Unavailable"
  readonly limit: number
  readonly remaining: number
  /** Seconds until the window ends. */
  readonly resetSeconds: number
}

export interface LimiterStatus {
  readonly backend: "redis" | "memory"
  readonly reachable: boolean
  readonly onFailure: "open" | "closed"
}

/**
 * Add ARGV[2] requests to the window counter; give it its expiry when new (or when it somehow lost it); return the
 * count and the ms left.
 */
const script = `
local added = tonumber(ARGV[2])
local current = redis.call('INCRBY', KEYS[1], added)
local ttl = redis.call('PTTL', KEYS[1])
if current == added or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`
const scriptSha = NodeCrypto.createHash("sha1").update(script).digest("hex")

interface Counted {
  readonly count: number
  readonly msLeft: number
}

const decide = (count: number, limit: number, msLeft: number): Decision => ({
  _tag: count > limit ? "Limited" : "Allowed",
  limit,
  remaining: Math.max(0, limit - count),
  resetSeconds: Math.max(1, Math.ceil(msLeft / 1000))
})

export class RateLimiter extends Context.Service<
  RateLimiter,
  {
    readonly consume: (key: string, limit: number, windowSeconds: number) => Effect.Effect<Decision>
    readonly status: Effect.Effect<LimiterStatus>
  }
>()("@weft/gateway/RateLimiter") {
  /** In-process counters: the same fixed windows, for one gateway. */
  static readonly layerMemory = Layer.effect(
    RateLimiter,
    Effect.gen(function* () {
      const config = yield* GatewayConfig
      const windows = new Map<string, { count: number; endsAt: number }>()
      let lastSweep = 0
      const consume = Effect.fnUntraced(function* (key: string, limit: number, windowSeconds: number) {
        const now = yield* Clock.currentTimeMillis
        if (now - lastSweep > 10_000) {
          // Expired windows are dropped now and then so idle keys do not accumulate.
          for (const [k, w] of windows) if (w.endsAt <= now) windows.delete(k)
          lastSweep = now
        }
        const id = `${key}:${windowSeconds}`
        let window = windows.get(id)
        if (window === undefined || window.endsAt <= now) {
          window = { count: 0, endsAt: now + windowSeconds * 1000 }
          windows.set(id, window)
        }
        window.count += 1
        return decide(window.count, limit, window.endsAt - now)
      })
      const status = Effect.succeed<LimiterStatus>({
        backend: "memory",
        reachable: true,
        onFailure: config.rateLimitFail
      })
      return RateLimiter.of({ consume, status })
    })
  )

  /** Counters in Redis at `url`, shared by every gateway using the same Redis and key prefix. */
  static readonly layerRedis = (url: Redacted.Redacted<string>) =>
    Layer.effect(
      RateLimiter,
      Effect.gen(function* () {
        const config = yield* GatewayConfig
        const redis = yield* Effect.acquireRelease(
          Effect.sync(
            () =>
              new Redis(Redacted.value(url), {
                // Fail fast instead of queueing: a request must not wait for Redis to come back.
                enableOfflineQueue: false,
                maxRetriesPerRequest: 0,
                commandTimeout: 500,
                connectTimeout: 2000,
                lazyConnect: false
              })
          ),
          (client) => Effect.promise(() => client.quit().catch(() => "closed"))
        )
        // ioredis reports connection errors as events; without a listener they would be thrown.
        redis.on("error", () => {})
        // Without an offline queue, commands sent before the connection is up fail: wait for it (or its failure)
        // so the first requests are counted, not waved through by the fail rule.
        yield* Effect.callback<void>((resume) => {
          if (redis.status === "ready") return resume(Effect.void)
          const done = () => {
            redis.off("ready", done)
            redis.off("error", done)
            resume(Effect.void)
          }
          redis.once("ready", done)
          redis.once("error", done)
        }).pipe(Effect.timeoutOption("3 seconds"))
        const reachable = yield* Ref.make(true)
        const setReachable = (now: boolean, detail?: string) =>
          Effect.flatMap(Ref.getAndSet(reachable, now), (before) =>
            before === now
              ? Effect.void
              : now
                ? Effect.logInfo("rate limiter: Redis reachable again")
                : Effect.logWarning(`rate limiter: Redis unreachable (${detail}); failing ${config.rateLimitFail}`)
          )

        /** Counters with a call in flight, and the requests waiting for the next call. */
        const waiting = new Map<string, Array<(reply: Counted | undefined) => void>>()
        const call = (redisKey: string, windowMs: string, count: number) =>
          redis
            .evalsha(scriptSha, 1, redisKey, windowMs, count)
            .catch((error: unknown) =>
              // EVALSHA: the script's text crosses the wire (and is hashed by Redis) only when Redis lacks it.
              error instanceof Error && error.message.startsWith("NOSCRIPT")
                ? redis.eval(script, 1, redisKey, windowMs, count)
                : Promise.reject(error)
            )
            .then(
              (reply): Counted | undefined =>
                Array.isArray(reply) && typeof reply[0] === "number" && typeof reply[1] === "number"
                  ? { count: reply[0], msLeft: reply[1] }
                  : undefined,
              () => undefined
            )
        const flush = (redisKey: string, windowMs: string) => {
          const batch = waiting.get(redisKey) ?? []
          waiting.set(redisKey, [])
          void call(redisKey, windowMs, batch.length).then((reply) => {
            for (const [i, resume] of batch.entries()) {
              // The batch's counts are consecutive, in the order its requests arrived.
              resume(reply === undefined ? undefined : { ...reply, count: reply.count - batch.length + i + 1 })
            }
            if ((waiting.get(redisKey) ?? []).length > 0) flush(redisKey, windowMs)
            else waiting.delete(redisKey)
          })
        }
        const counted = (redisKey: string, windowMs: string) =>
          Effect.callback<Counted | undefined>((resume) => {
            const queue = waiting.get(redisKey)
            const waiter = (reply: Counted | undefined) => resume(Effect.succeed(reply))
            if (queue !== undefined) queue.push(waiter)
            else {
              waiting.set(redisKey, [waiter])
              flush(redisKey, windowMs)
            }
          })

        const consume = Effect.fnUntraced(function* (key: string, limit: number, windowSeconds: number) {
          const redisKey = `${config.redisKeyPrefix}${key}:${windowSeconds}`
          const reply = yield* counted(redisKey, String(windowSeconds * 1000))
          if (reply !== undefined) {
            yield* setReachable(true)
            return decide(reply.count, limit, reply.msLeft)
          }
          yield* setReachable(false, "command failed or unexpected reply")
          const degraded: Decision = {
            _tag: config.rateLimitFail === "open" ? "Allowed" : "Unavailable",
            limit,
            remaining: limit,
            resetSeconds: windowSeconds
          }
          return degraded
        })

        const status = Effect.gen(function* () {
          const ok = yield* Effect.tryPromise(() => redis.ping()).pipe(Effect.timeout("1 second"), Effect.isSuccess)
          yield* setReachable(ok, "ping failed")
          const result: LimiterStatus = { backend: "redis", reachable: ok, onFailure: config.rateLimitFail }
          return result
        })
        return RateLimiter.of({ consume, status })
      })
    )

  /** Redis when `REDIS_URL` is set, else in-process. */
  static readonly layer = Layer.unwrap(
    Effect.map(GatewayConfig, (config) =>
      Option.match(config.redisUrl, {
        onNone: () => RateLimiter.layerMemory,
        onSome: (url) => RateLimiter.layerRedis(url)
      })
    )
  )
}
