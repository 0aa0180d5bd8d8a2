import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted } from "effect"
import { TestClock } from "effect/testing"
import * as Jose from "jose"
import { GatewayConfig } from "./GatewayConfig.ts"
import { JwtVerifier } from "./JwtVerifier.ts"

const secret = "jwt-verifier-test-secret-0123456789abcdef"
const verifier = JwtVerifier.layer.pipe(
  Layer.provide(GatewayConfig.layerWith({ jwtSecret: Option.some(Redacted.make(secret)), jwksUrl: Option.none() }))
)

/** An HS256 token for `sub` issued at `nowMs`, valid for `seconds`. */
const tokenAt = (nowMs: number, seconds: number, sub = "ada") =>
  Effect.promise(() =>
    new Jose.SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(sub)
      .setIssuer("weft")
      .setAudience("weft")
      .setIssuedAt(Math.floor(nowMs / 1000))
      .setExpirationTime(Math.floor(nowMs / 1000) + seconds)
      .sign(new TextEncoder().encode(secret))
  )

describe("JwtVerifier", () => {
  it.effect("remembers a verified token only until it expires", () =>
    Effect.gen(function* () {
      const jwt = yield* JwtVerifier
      yield* TestClock.setTime(Date.parse("2026-11-25T12:00:00Z"))
      const token = yield* tokenAt(Date.parse("2026-11-25T12:00:00Z"), 60)
      assert.strictEqual((yield* jwt.verify(token)).subject, "ada")
      yield* TestClock.adjust("30 seconds")
      assert.strictEqual((yield* jwt.verify(token)).subject, "ada")
      yield* TestClock.adjust("31 seconds")
      const expired = yield* Effect.flip(jwt.verify(token))
      assert.strictEqual(expired.reason, "Expired")
    }).pipe(Effect.provide(verifier))
  )

  it.effect("a remembered token vouches for nothing else: a changed signature or claim is checked afresh", () =>
    Effect.gen(function* () {
      const jwt = yield* JwtVerifier
      yield* TestClock.setTime(Date.parse("2026-11-25T12:00:00Z"))
      const token = yield* tokenAt(Date.parse("2026-11-25T12:00:00Z"), 600)
      yield* jwt.verify(token)
      const [header, payload, signature] = token.split(".")
      const forgedSignature = `${header}.${payload}.${signature?.slice(0, -4)}AAAA`
      assert.strictEqual((yield* Effect.flip(jwt.verify(forgedSignature))).reason, "Signature")
      const otherPayload = Buffer.from(JSON.stringify({ sub: "root", iss: "weft", aud: "weft", exp: 9e9 })).toString(
        "base64url"
      )
      assert.strictEqual((yield* Effect.flip(jwt.verify(`${header}.${otherPayload}.${signature}`))).reason, "Signature")
    }).pipe(Effect.provide(verifier))
  )
})
