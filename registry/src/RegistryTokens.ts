/**
 * Publish tokens. The embedded registry admits no self-registration, so Weft itself adds the users who may
 * publish (an htpasswd entry), then logs them in with npm's login call (`PUT /-/user/org.couchdb.user:<name>`),
 * whose answer carries the token `npm publish` sends as `_authToken`.
 */
import { Effect, Schema } from "effect"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { RegistryError, type RunningRegistry } from "./EmbeddedVerdaccio.ts"

const LoginResponse = Schema.Struct({ token: Schema.String })

const validName = /^[a-z0-9][a-z0-9._-]{0,63}$/

/** Adds `name` as a publisher of the embedded registry (idempotent for the same password). */
export const addPublisher = Effect.fn("RegistryTokens.addPublisher")(function* (
  registry: RunningRegistry,
  name: string,
  password: string
) {
  if (!validName.test(name))
    return yield* new RegistryError({ reason: "Auth", message: `invalid publisher name "${name}"` })
  const hash = NodeCrypto.createHash("sha1").update(password).digest("base64")
  const file = NodePath.join(registry.directory, "htpasswd")
  yield* Effect.tryPromise({
    try: async () => {
      const lines = (await NodeFs.readFile(file, "utf8"))
        .split("\n")
        .filter((line) => line !== "" && !line.startsWith(`${name}:`))
      await NodeFs.writeFile(
        file,
        [...lines, `${name}:{SHA}${hash}:autocreated ${new Date().toISOString()}`, ""].join("\n")
      )
    },
    catch: (cause) => new RegistryError({ reason: "Auth", message: `cannot write ${file}: ${String(cause)}` })
  })
})

/** Logs `name` in and returns a token for `npm publish` (works against any npm registry's login endpoint). */
export const publishToken = Effect.fn("RegistryTokens.publishToken")(function* (
  registryUrl: string,
  name: string,
  password: string
) {
  const response = yield* Effect.tryPromise({
    try: () =>
      fetch(`${registryUrl}/-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: "PUT",
        // With basic auth for the same user Verdaccio treats the call as a login, not a registration.
        headers: {
          "content-type": "application/json",
          authorization: `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`
        },
        body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password, type: "user", roles: [] })
      }),
    catch: (cause) => new RegistryError({ reason: "Request", message: `login request failed: ${String(cause)}` })
  })
  const body = yield* Effect.tryPromise({
    try: () => response.json(),
    catch: () => new RegistryError({ reason: "Auth", message: `login answered ${response.status} without JSON` })
  })
  if (!response.ok)
    return yield* new RegistryError({
      reason: "Auth",
      message: `login refused (${response.status}): ${JSON.stringify(body)}`
    })
  const { token } = yield* Schema.decodeUnknownEffect(LoginResponse)(body).pipe(
    Effect.mapError(() => new RegistryError({ reason: "Auth", message: "login answer has no token" }))
  )
  return token
})

/**
 * A publish token of the embedded registry for the Weft user `userId`: Weft makes them a registry account with a
 * fresh random password (never shown, never stored but as Verdaccio's hash) and logs it in. An external registry
 * issues its own tokens.
 */
export const issuePublishToken = Effect.fn("RegistryTokens.issuePublishToken")(function* (
  registry: { readonly url: string; readonly embeddedDirectory?: string },
  userId: string
) {
  if (registry.embeddedDirectory === undefined) {
    return yield* new RegistryError({
      reason: "Auth",
      message: "this registry is external: ask its administrator for a publish token"
    })
  }
  // Weft user ids may hold any character; registry account names may not.
  const name = `weft-${NodeCrypto.createHash("sha256").update(userId).digest("hex").slice(0, 24)}`
  const password = NodeCrypto.randomBytes(32).toString("base64url")
  yield* addPublisher({ url: registry.url, directory: registry.embeddedDirectory }, name, password)
  return yield* publishToken(registry.url, name, password)
})
