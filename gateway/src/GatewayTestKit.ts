/**
 * For tests of the gateway (here and in other packages): a gateway on a free port over an embedded test runner
 * and a throwaway database, with an HS256 secret so tests can mint tokens, and helpers to sign them.
 */
import { Effect, Layer, Option, Redacted } from "effect"
import { HttpServer } from "effect/http"
import * as Jose from "jose"
import * as NodeCrypto from "node:crypto"
import { embeddedTestRunner } from "@weft/actors/testing"
import { CredentialVault } from "@weft/runtime"
import { GatewayConfig, type GatewaySettings } from "./GatewayConfig.ts"
import * as Gateway from "./Gateway.ts"

export const testSecret = "weft-test-secret-0123456789abcdef"

/** A gateway on 127.0.0.1 with an ephemeral port; `settings` replace the environment's. */
export const testGateway = (settings: Partial<GatewaySettings> = {}) =>
  Gateway.layer.pipe(
    Layer.provideMerge(GatewayConfig.layerWith({
      host: "127.0.0.1",
      port: 0,
      jwtSecret: Option.some(Redacted.make(testSecret)),
      jwksUrl: Option.none(),
      jwtIssuer: "weft",
      jwtAudience: "weft",
      redisUrl: Option.none(),
      ...settings
    })),
    Layer.provideMerge(CredentialVault.layerWithKey(NodeCrypto.randomBytes(32))),
    Layer.provideMerge(embeddedTestRunner)
  )

/** The base URL of the gateway in context. */
export const baseUrl = Effect.map(HttpServer.HttpServer, (server) =>
  server.address._tag === "UnixPathAddress" ? "http://invalid" : `http://127.0.0.1:${server.address.port}`)

export interface TokenOptions {
  readonly sub: string
  readonly admin?: boolean
  readonly secret?: string
  readonly audience?: string
  readonly issuer?: string
  /** Seconds from now; negative for an expired token. */
  readonly expiresIn?: number
}

export const signToken = (options: TokenOptions) =>
  Effect.promise(() => {
    const now = Math.floor(Date.now() / 1000)
    return new Jose.SignJWT({ weft_admin: options.admin === true })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(options.sub)
      .setIssuer(options.issuer ?? "weft")
      .setAudience(options.audience ?? "weft")
      .setIssuedAt(now - 120)
      .setExpirationTime(now + (options.expiresIn ?? 3600))
      .sign(new TextEncoder().encode(options.secret ?? testSecret))
  })
