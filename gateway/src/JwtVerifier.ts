/**
 * Verifies bearer JWTs with jose: HS256 against `WEFT_JWT_SECRET`, or RS256/ES256 against the keys published at
 * `WEFT_JWKS_URL` (fetched and cached by jose, refetched on an unknown `kid`). Issuer, audience and expiry are
 * always checked; the algorithm list is fixed per key source, so a token cannot pick `none` or switch HS/RS.
 *
 * A verified token is remembered (by its whole text, signature included) until it expires or for five minutes,
 * whichever comes first: clients send the same token with every request, and the signature check (WebCrypto,
 * asynchronous) was the largest single cost of a request. Time comes from `Clock`, for jose too.
 */
import { Clock, Context, Effect, Layer, Option, Redacted, Schema } from "effect"
import * as Jose from "jose"
import { GatewayConfig } from "./GatewayConfig.ts"

export interface VerifiedToken {
  readonly subject: string
  readonly isAdmin: boolean
  readonly name: string | undefined
  readonly email: string | undefined
}

export class InvalidToken extends Schema.TaggedError<InvalidToken>()("InvalidToken", {
  reason: Schema.Literals(["Expired", "Claim", "Signature", "Malformed", "NotConfigured"]),
  message: Schema.String
}) {}

const reasonOf = (error: unknown): InvalidToken["reason"] => {
  if (error instanceof Jose.errors.JWTExpired) return "Expired"
  if (error instanceof Jose.errors.JWTClaimValidationFailed) return "Claim"
  if (error instanceof Jose.errors.JWSSignatureVerificationFailed || error instanceof Jose.errors.JWKSNoMatchingKey) {
    return "Signature"
  }
  return "Malformed"
}

const cacheSize = 10_000
const cacheMillis = 5 * 60_000

export class JwtVerifier extends Context.Service<
  JwtVerifier,
  {
    readonly verify: (token: string) => Effect.Effect<VerifiedToken, InvalidToken>
    /** Signs an HS256 token for `sub` (the embedded mode's login token, tests); needs WEFT_JWT_SECRET. */
    readonly sign: (
      claims: { readonly sub: string; readonly admin?: boolean; readonly name?: string },
      expiresIn: string
    ) => Effect.Effect<string, InvalidToken>
  }
>()("@weft/gateway/JwtVerifier") {
  static readonly layer = Layer.effect(
    JwtVerifier,
    Effect.gen(function* () {
      const config = yield* GatewayConfig
      const secret = Option.map(config.jwtSecret, (s) => new TextEncoder().encode(Redacted.value(s)))
      const jwks = Option.map(config.jwksUrl, (url) => Jose.createRemoteJWKSet(new URL(url)))
      const options = { issuer: config.jwtIssuer, audience: config.jwtAudience }

      const verifyWith = (token: string, now: number): Promise<Jose.JWTVerifyResult> => {
        const at = { ...options, currentDate: new Date(now) }
        if (Option.isSome(secret)) return Jose.jwtVerify(token, secret.value, { ...at, algorithms: ["HS256"] })
        if (Option.isSome(jwks)) return Jose.jwtVerify(token, jwks.value, { ...at, algorithms: ["RS256", "ES256"] })
        return Promise.reject(new Error("no JWT key configured (WEFT_JWT_SECRET or WEFT_JWKS_URL)"))
      }

      const remembered = new Map<string, { readonly verified: VerifiedToken; readonly until: number }>()
      const remember = (token: string, verified: VerifiedToken, until: number) => {
        if (remembered.size >= cacheSize) {
          const oldest = remembered.keys().next()
          if (oldest.done !== true) remembered.delete(oldest.value)
        }
        remembered.set(token, { verified, until })
      }

      const verify = Effect.fn("JwtVerifier.verify")(function* (token: string) {
        const now = yield* Clock.currentTimeMillis
        const known = remembered.get(token)
        if (known !== undefined && known.until > now) return known.verified
        if (known !== undefined) remembered.delete(token)
        const { payload } = yield* Effect.tryPromise({
          try: () => verifyWith(token, now),
          catch: (error) =>
            new InvalidToken({
              reason: reasonOf(error),
              message: error instanceof Error ? error.message : String(error)
            })
        })
        if (typeof payload.sub !== "string" || payload.sub === "" || payload.sub.length > 200) {
          return yield* new InvalidToken({ reason: "Claim", message: "the token has no usable `sub` claim" })
        }
        if (payload.exp === undefined) {
          return yield* new InvalidToken({ reason: "Claim", message: "the token has no `exp` claim" })
        }
        const verified: VerifiedToken = {
          subject: payload.sub,
          isAdmin: payload[config.adminClaim] === true,
          name: typeof payload.name === "string" ? payload.name : undefined,
          email: typeof payload.email === "string" ? payload.email : undefined
        }
        remember(token, verified, Math.min(payload.exp * 1000, now + cacheMillis))
        return verified
      })

      const sign = Effect.fn("JwtVerifier.sign")(function* (
        claims: { readonly sub: string; readonly admin?: boolean; readonly name?: string },
        expiresIn: string
      ) {
        if (Option.isNone(secret)) {
          return yield* new InvalidToken({ reason: "NotConfigured", message: "signing needs WEFT_JWT_SECRET" })
        }
        return yield* Effect.promise(() =>
          new Jose.SignJWT({
            [config.adminClaim]: claims.admin === true,
            ...(claims.name === undefined ? {} : { name: claims.name })
          })
            .setProtectedHeader({ alg: "HS256" })
            .setSubject(claims.sub)
            .setIssuer(config.jwtIssuer)
            .setAudience(config.jwtAudience)
            .setIssuedAt()
            .setExpirationTime(expiresIn)
            .sign(secret.value)
        )
      })

      return JwtVerifier.of({ verify, sign })
    })
  )
}
