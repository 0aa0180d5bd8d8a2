/**
 * The gateway's settings, all from the environment with defaults that work embedded (`weft dev`):
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | WEFT_HOST / WEFT_PORT | 127.0.0.1 / 8080 | where the gateway listens |
 * | WEFT_PUBLIC_URL | http://WEFT_HOST:WEFT_PORT | base of the webhook URLs it hands out |
 * | WEFT_JWT_SECRET | (none) | HS256 shared secret for bearer JWTs |
 * | WEFT_JWKS_URL | (none) | JWKS endpoint for RS256/ES256 bearer JWTs |
 * | WEFT_JWT_ISSUER / WEFT_JWT_AUDIENCE | weft / weft | required `iss` / `aud` claims |
 * | WEFT_ADMIN_CLAIM | weft_admin | a JWT claim that is `true` for admins |
 * | WEFT_MAX_WAIT_SECONDS | 30 | upper bound of `?wait=` |
 * | WEFT_MAX_BODY_BYTES | 1048576 | request body limit (413 beyond it) |
 * | REDIS_URL | (none) | shared rate-limit counters; in-process counters when unset |
 * | WEFT_RATE_LIMIT_FAIL | open | when Redis is down: `open` serves unlimited, `closed` answers 503 |
 * | WEFT_RATE_LIMIT_READ / _WRITE / _EXECUTE / _ANONYMOUS | 600 / 120 / 60 / 60 | requests per window |
 * | WEFT_RATE_LIMIT_WINDOW_SECONDS | 60 | the fixed window |
 * | WEFT_WS_BUFFER | 1000 | event batches queued per WebSocket client before it is disconnected (close 4008) |
 * | WEFT_WS_SEND_BUFFER_BYTES | 4194304 | bytes waiting in a WebSocket's send buffer before it is disconnected (4008) |
 * | WEFT_WS_HEARTBEAT_SECONDS | 25 | interval of the `heartbeat` message |
 * | WEFT_ACCESS_LOG | true | log every HTTP response (method, url, status, time) at INFO |
 */
import { Config, Context, Effect, Layer, type Option, type Redacted } from "effect"

export interface RateLimits {
  readonly read: number
  readonly write: number
  readonly execute: number
  readonly anonymous: number
  readonly windowSeconds: number
}

export interface GatewaySettings {
  readonly host: string
  readonly port: number
  readonly publicUrl: string
  readonly jwtSecret: Option.Option<Redacted.Redacted<string>>
  readonly jwksUrl: Option.Option<string>
  readonly jwtIssuer: string
  readonly jwtAudience: string
  readonly adminClaim: string
  readonly maxWaitSeconds: number
  readonly maxBodyBytes: number
  readonly redisUrl: Option.Option<Redacted.Redacted<string>>
  readonly rateLimitFail: "open" | "closed"
  readonly rateLimits: RateLimits
  /** A prefix for every Redis key (tests use a unique one). */
  readonly redisKeyPrefix: string
  readonly wsBuffer: number
  readonly wsSendBufferBytes: number
  readonly wsHeartbeatSeconds: number
  readonly accessLog: boolean
  /** The studio's build served at `/` (WEFT_STUDIO_DIR, default studio/dist/browser of this repo). */
  readonly studioDir: string
  /** Users, besides admins, who may obtain a plugin publish token (WEFT_PLUGIN_PUBLISHERS, comma-separated ids). */
  readonly pluginPublishers: ReadonlyArray<string>
  /** Embedded mode: offer the local admin's token to browsers on this machine (`GET /local-session`). */
  readonly offerLocalSession: boolean
}

const int = (name: string, fallback: number) => Config.Int(name).pipe(Config.withDefault(fallback))

export const settingsConfig = Effect.gen(function* () {
  const host = yield* Config.String("WEFT_HOST").pipe(Config.withDefault("127.0.0.1"))
  const port = yield* int("WEFT_PORT", 8080)
  const publicUrl = yield* Config.String("WEFT_PUBLIC_URL").pipe(Config.withDefault(`http://${host}:${port}`))
  const settings: GatewaySettings = {
    host,
    port,
    publicUrl,
    jwtSecret: yield* Config.option(Config.Redacted("WEFT_JWT_SECRET")),
    jwksUrl: yield* Config.option(Config.String("WEFT_JWKS_URL")),
    jwtIssuer: yield* Config.String("WEFT_JWT_ISSUER").pipe(Config.withDefault("weft")),
    jwtAudience: yield* Config.String("WEFT_JWT_AUDIENCE").pipe(Config.withDefault("weft")),
    adminClaim: yield* Config.String("WEFT_ADMIN_CLAIM").pipe(Config.withDefault("weft_admin")),
    maxWaitSeconds: yield* int("WEFT_MAX_WAIT_SECONDS", 30),
    maxBodyBytes: yield* int("WEFT_MAX_BODY_BYTES", 1024 * 1024),
    redisUrl: yield* Config.option(Config.Redacted("REDIS_URL")),
    rateLimitFail: yield* Config.Literals(["open", "closed"], "WEFT_RATE_LIMIT_FAIL").pipe(Config.withDefault("open")),
    rateLimits: {
      read: yield* int("WEFT_RATE_LIMIT_READ", 600),
      write: yield* int("WEFT_RATE_LIMIT_WRITE", 120),
      execute: yield* int("WEFT_RATE_LIMIT_EXECUTE", 60),
      anonymous: yield* int("WEFT_RATE_LIMIT_ANONYMOUS", 60),
      windowSeconds: yield* int("WEFT_RATE_LIMIT_WINDOW_SECONDS", 60)
    },
    redisKeyPrefix: yield* Config.String("WEFT_REDIS_PREFIX").pipe(Config.withDefault("weft:rl:")),
    wsBuffer: yield* int("WEFT_WS_BUFFER", 1000),
    wsSendBufferBytes: yield* int("WEFT_WS_SEND_BUFFER_BYTES", 4 * 1024 * 1024),
    wsHeartbeatSeconds: yield* int("WEFT_WS_HEARTBEAT_SECONDS", 25),
    accessLog: yield* Config.Boolean("WEFT_ACCESS_LOG").pipe(Config.withDefault(true)),
    studioDir: yield* Config.String("WEFT_STUDIO_DIR").pipe(
      Config.withDefault(new URL("../../studio/dist/browser", import.meta.url).pathname)
    ),
    pluginPublishers: (yield* Config.String("WEFT_PLUGIN_PUBLISHERS").pipe(Config.withDefault("")))
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== ""),
    offerLocalSession: false
  }
  return settings
})

export class GatewayConfig extends Context.Service<GatewayConfig, GatewaySettings>()("@weft/gateway/GatewayConfig") {
  static readonly layer = Layer.effect(GatewayConfig, settingsConfig)
  /** Environment settings with some replaced (tests, embedded mode). */
  static readonly layerWith = (overrides: Partial<GatewaySettings>) =>
    Layer.effect(
      GatewayConfig,
      Effect.map(settingsConfig, (settings) => ({ ...settings, ...overrides }))
    )
}
