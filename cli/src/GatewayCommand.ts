/**
 * The gateway in the `weft` commands. `weft gateway` serves the API as a client of the runners registered in
 * DATABASE_URL (it runs no blocks). `weft dev` mounts the same gateway beside its embedded runner; when
 * WEFT_JWT_SECRET is unset it uses a secret generated once into `<WEFT_DATA_DIR>/jwt.secret`, so the login token
 * it prints for the local admin keeps working across restarts.
 */
import { Config, Console, Effect, Layer, Option, Redacted } from "effect"
import { HttpServer } from "effect/http"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { GatewayConfig, JwtVerifier } from "@weft/gateway"
import { dataDirConfig, UserStore } from "@weft/runtime"
import { CliFailure } from "./CliFailure.ts"

const secretFileError = (file: string) => (cause: unknown) =>
  new CliFailure({ message: `${file}: ${cause instanceof Error ? cause.message : String(cause)}` })

/** `<dataDir>/jwt.secret`, created (mode 0600) with a random secret if missing; returns its content. */
export const loadOrCreateJwtSecret = (dataDir: string) => {
  const file = NodePath.join(dataDir, "jwt.secret")
  const fail = secretFileError(file)
  return Effect.gen(function* () {
    yield* Effect.tryPromise({ try: () => NodeFs.mkdir(dataDir, { recursive: true }), catch: fail })
    const fresh = NodeCrypto.randomBytes(32).toString("base64url")
    // `wx` fails when the file exists, so two processes starting together agree on the first secret written.
    yield* Effect.tryPromise({
      try: () =>
        NodeFs.writeFile(file, `${fresh}\n`, { mode: 0o600, flag: "wx" }).catch((error: unknown) => {
          if (error instanceof Error && "code" in error && error.code === "EEXIST") return
          throw error
        }),
      catch: fail
    })
    const stored = (yield* Effect.tryPromise({ try: () => NodeFs.readFile(file, "utf8"), catch: fail })).trim()
    if (stored.length < 32) return yield* fail(new Error("the secret is shorter than 32 characters"))
    return Redacted.make(stored)
  })
}

/** The environment's gateway settings; without WEFT_JWT_SECRET, the data folder's generated secret. */
export const devGatewayConfig = Layer.unwrap(
  Effect.gen(function* () {
    const configured = yield* Config.option(Config.Redacted("WEFT_JWT_SECRET"))
    // The studio served by `weft dev` on this machine is offered the local admin's login (GET /local-session).
    if (Option.isSome(configured)) return GatewayConfig.layerWith({ offerLocalSession: true })
    const secret = yield* loadOrCreateJwtSecret(yield* dataDirConfig)
    return GatewayConfig.layerWith({ jwtSecret: Option.some(secret), offerLocalSession: true })
  })
)

/** http://host:port of the running gateway (the configured host, the bound port). */
export const gatewayUrl = Effect.gen(function* () {
  const server = yield* HttpServer.HttpServer
  const { host } = yield* GatewayConfig
  const port = server.address._tag === "UnixPathAddress" ? 0 : server.address.port
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host
  return `http://${shown}:${port}`
})

/** A login token for the local admin (created if missing), valid 30 days. */
export const localAdminToken = Effect.gen(function* () {
  const admin = yield* (yield* UserStore).localAdmin
  const token = yield* (yield* JwtVerifier).sign({ sub: admin.id, admin: true, name: admin.name }, "30d")
  return { admin, token }
}).pipe(Effect.provide(JwtVerifier.layer))

/** `weft gateway`: announces where it listens, then serves until stopped. */
export const runGateway = Effect.gen(function* () {
  const url = yield* gatewayUrl
  const config = yield* GatewayConfig
  yield* Console.log(`weft gateway: listening on ${url} (pid ${process.pid})`)
  if (Option.isNone(config.jwtSecret) && Option.isNone(config.jwksUrl)) {
    yield* Console.log("  warning: neither WEFT_JWT_SECRET nor WEFT_JWKS_URL is set; bearer tokens are refused")
  }
  return yield* Effect.never
})
