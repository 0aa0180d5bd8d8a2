/**
 * API keys: `weft_<id>_<secret>`. Only a salted SHA-256 of the secret is stored, so a database leak reveals no
 * usable key. The secret is 256 random bits, which is why a fast hash suffices (a slow KDF protects guessable
 * passwords, not random keys); verification compares in constant time. The key is shown once, at creation.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import { mapStoreErrors, type StoreError, UserId } from "@weft/runtime"
import { type ApiKeyMetadata, Scope } from "./ApiSchemas.ts"

export class ApiKeyNotFound extends Schema.TaggedError<ApiKeyNotFound>()("ApiKeyNotFound", { keyId: Schema.String }) {}

export interface VerifiedKey {
  readonly id: string
  readonly userId: UserId
  readonly scopes: ReadonlyArray<Scope>
}

const Row = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  prefix: Schema.String,
  scopes: Schema.Array(Scope),
  created_at: Schema.Date,
  last_used_at: Schema.NullOr(Schema.Date)
})
const decodeRows = Schema.decodeUnknownEffect(Schema.Array(Row))
const toMetadata = (row: typeof Row.Type): ApiKeyMetadata => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at === null ? null : row.last_used_at.toISOString()
})
const SecretRow = Schema.Struct({
  user_id: UserId,
  salt: Schema.Uint8Array,
  hash: Schema.Uint8Array,
  scopes: Schema.Array(Scope)
})
const decodeSecretRows = Schema.decodeUnknownEffect(Schema.Array(SecretRow))

const keyPattern = /^weft_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/

const hashOf = (salt: Uint8Array, secret: string): Buffer =>
  NodeCrypto.createHash("sha256").update(salt).update(secret, "utf8").digest()

export class ApiKeys extends Context.Service<
  ApiKeys,
  {
    readonly create: (
      userId: UserId,
      name: string,
      scopes: ReadonlyArray<Scope>
    ) => Effect.Effect<ApiKeyMetadata & { readonly key: string }, StoreError>
    readonly list: (userId: UserId) => Effect.Effect<ReadonlyArray<ApiKeyMetadata>, StoreError>
    /** Revoked keys stop working at once: every request looks its key up. */
    readonly revoke: (userId: UserId, id: string) => Effect.Effect<void, ApiKeyNotFound | StoreError>
    /** The key's owner and scopes, or undefined for a malformed, unknown, revoked or wrong key. */
    readonly verify: (key: string) => Effect.Effect<VerifiedKey | undefined, StoreError>
  }
>()("@weft/gateway/ApiKeys") {
  static readonly layer = Layer.effect(
    ApiKeys,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient

      const create = Effect.fn("ApiKeys.create")(function* (
        userId: UserId,
        name: string,
        scopes: ReadonlyArray<Scope>
      ) {
        const id = NodeCrypto.randomBytes(8).toString("hex")
        const secret = NodeCrypto.randomBytes(32).toString("base64url")
        const salt = NodeCrypto.randomBytes(16)
        const key = `weft_${id}_${secret}`
        const prefix = key.slice(0, 26)
        const rows = yield* sql`
          insert into gateway_api_keys (id, user_id, name, prefix, salt, hash, scopes)
          values (${id}, ${userId}, ${name}, ${prefix}, ${new Uint8Array(salt)}, ${new Uint8Array(hashOf(salt, secret))},
                  ${[...new Set(scopes)]}::text[])
          returning id, name, prefix, scopes, created_at, last_used_at`.pipe(Effect.flatMap(decodeRows))
        const row = rows[0]
        if (row === undefined) return yield* Effect.die(new Error("insert into gateway_api_keys returned no row"))
        return { ...toMetadata(row), key }
      }, mapStoreErrors("ApiKeys.create"))

      const list = Effect.fn("ApiKeys.list")(function* (userId: UserId) {
        const rows = yield* sql`select id, name, prefix, scopes, created_at, last_used_at from gateway_api_keys
          where user_id = ${userId} and revoked_at is null order by created_at, id`.pipe(Effect.flatMap(decodeRows))
        return rows.map(toMetadata)
      }, mapStoreErrors("ApiKeys.list"))

      const revoke = Effect.fn("ApiKeys.revoke")(function* (userId: UserId, id: string) {
        const rows = yield* sql`update gateway_api_keys set revoked_at = now()
          where id = ${id} and user_id = ${userId} and revoked_at is null returning id`
        if (rows.length === 0) return yield* new ApiKeyNotFound({ keyId: id })
      }, mapStoreErrors("ApiKeys.revoke"))

      const verify = Effect.fn("ApiKeys.verify")(function* (key: string) {
        const match = keyPattern.exec(key)
        const id = match?.[1]
        const secret = match?.[2]
        if (id === undefined || secret === undefined) return undefined
        const rows = yield* sql`select user_id, salt, hash, scopes from gateway_api_keys
          where id = ${id} and revoked_at is null`.pipe(Effect.flatMap(decodeSecretRows))
        const row = rows[0]
        if (row === undefined) return undefined
        const actual = hashOf(row.salt, secret)
        if (actual.length !== row.hash.length || !NodeCrypto.timingSafeEqual(actual, row.hash)) return undefined
        yield* sql`update gateway_api_keys set last_used_at = now() where id = ${id}
          and (last_used_at is null or last_used_at < now() - interval '1 minute')`
        const verified: VerifiedKey = { id, userId: row.user_id, scopes: row.scopes }
        return verified
      }, mapStoreErrors("ApiKeys.verify"))

      return ApiKeys.of({ create, list, revoke, verify })
    })
  )
}
