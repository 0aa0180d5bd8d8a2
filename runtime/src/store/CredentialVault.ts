/**
 * Users' secrets for blocks (API keys, tokens), encrypted at rest with AES-256-GCM. The key comes from
 * `WEFT_SECRET_KEY` (32 bytes, base64); an embedded installation without it generates one into
 * `<WEFT_DATA_DIR>/secret.key` (mode 0600) on first start. Secrets leave this module only as `Redacted`, and
 * only through `reveal`, which is for the engine (never for an API response).
 */
import { Config, Context, Effect, Layer, Option, Redacted, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { CredentialId, UserId } from "../model/Ids.ts"
import { dataDirConfig } from "./DataDir.ts"
import { mapStoreErrors, type StoreError } from "./StoreError.ts"

export const CredentialMetadata = Schema.Struct({
  id: CredentialId,
  userId: UserId,
  provider: Schema.String,
  name: Schema.String,
  createdAt: Schema.String
})
export type CredentialMetadata = typeof CredentialMetadata.Type

export class CredentialNotFound extends Schema.TaggedError<CredentialNotFound>()("CredentialNotFound", {
  credentialId: Schema.String
}) {}

/** The ciphertext does not authenticate: a different key, or a tampered row. */
export class CredentialDecryptionFailed extends Schema.TaggedError<CredentialDecryptionFailed>()(
  "CredentialDecryptionFailed",
  { credentialId: Schema.String }
) {}

export class VaultKeyError extends Schema.TaggedError<VaultKeyError>()("VaultKeyError", {
  message: Schema.String
}) {}

const MetadataRow = Schema.Struct({
  id: CredentialId,
  user_id: UserId,
  provider: Schema.String,
  name: Schema.String,
  created_at: Schema.Date
})
const decodeMetadata = Schema.decodeUnknownEffect(Schema.Array(MetadataRow))
const toMetadata = (row: typeof MetadataRow.Type): CredentialMetadata => ({
  id: row.id,
  userId: row.user_id,
  provider: row.provider,
  name: row.name,
  createdAt: row.created_at.toISOString()
})
const SecretRow = Schema.Struct({ nonce: Schema.Uint8Array, ciphertext: Schema.Uint8Array })
const decodeSecret = Schema.decodeUnknownEffect(Schema.Array(SecretRow))

const keyLength = 32
const nonceLength = 12
const tagLength = 16

/**
 * Binds a ciphertext to its row: a ciphertext copied into another user's or another credential's row fails to
 * authenticate instead of decrypting there.
 */
const associatedData = (id: string, userId: string) => Buffer.from(`weft-credential:v1:${id}:${userId}`, "utf8")

const parseKey = (base64: string, source: string): Effect.Effect<Buffer, VaultKeyError> => {
  const key = Buffer.from(base64.trim(), "base64")
  return key.length === keyLength
    ? Effect.succeed(key)
    : Effect.fail(
        new VaultKeyError({ message: `${source} must be ${keyLength} bytes in base64, got ${key.length} bytes` })
      )
}

/** Reads `<dataDir>/secret.key`, creating it first (exclusively, mode 0600) when absent. */
export const loadOrCreateKeyFile = (dataDir: string): Effect.Effect<Buffer, VaultKeyError> => {
  const file = NodePath.join(dataDir, "secret.key")
  const fail = (cause: unknown) =>
    new VaultKeyError({ message: `${file}: ${cause instanceof Error ? cause.message : String(cause)}` })
  return Effect.gen(function* () {
    yield* Effect.tryPromise({ try: () => NodeFs.mkdir(dataDir, { recursive: true }), catch: fail })
    const fresh = NodeCrypto.randomBytes(keyLength).toString("base64")
    // `wx` fails when the file exists, so two processes starting together agree on the first key written.
    yield* Effect.tryPromise({
      try: () =>
        NodeFs.writeFile(file, `${fresh}\n`, { mode: 0o600, flag: "wx" }).catch((error: unknown) => {
          if (error instanceof Error && "code" in error && error.code === "EEXIST") return
          throw error
        }),
      catch: fail
    })
    const stored = yield* Effect.tryPromise({ try: () => NodeFs.readFile(file, "utf8"), catch: fail })
    return yield* parseKey(stored, file)
  })
}

/** `WEFT_SECRET_KEY` when set, else the key file of the data folder. */
export const keyFromConfig: Effect.Effect<Buffer, VaultKeyError | Config.ConfigError> = Effect.gen(function* () {
  const configured = yield* Config.option(Config.Redacted("WEFT_SECRET_KEY"))
  if (Option.isSome(configured)) return yield* parseKey(Redacted.value(configured.value), "WEFT_SECRET_KEY")
  return yield* loadOrCreateKeyFile(yield* dataDirConfig)
})

export class CredentialVault extends Context.Service<
  CredentialVault,
  {
    create(
      userId: UserId,
      provider: string,
      name: string,
      secret: Redacted.Redacted<string>
    ): Effect.Effect<CredentialMetadata, StoreError>
    /** Metadata only, oldest first. */
    list(userId: UserId): Effect.Effect<ReadonlyArray<CredentialMetadata>, StoreError>
    /** The decrypted secret, for the engine to hand to a block. */
    reveal(
      userId: UserId,
      id: CredentialId
    ): Effect.Effect<Redacted.Redacted<string>, CredentialNotFound | CredentialDecryptionFailed | StoreError>
    delete(userId: UserId, id: CredentialId): Effect.Effect<void, CredentialNotFound | StoreError>
  }
>()("weft/store/CredentialVault") {
  /** A vault with an explicit key (tests, or a key from a secret manager). */
  static readonly make = (key: Buffer) =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      if (key.length !== keyLength) return yield* new VaultKeyError({ message: `key must be ${keyLength} bytes` })

      const create = Effect.fn("CredentialVault.create")(function* (
        userId: UserId,
        provider: string,
        name: string,
        secret: Redacted.Redacted<string>
      ) {
        const id = CredentialId.make(NodeCrypto.randomUUID())
        const nonce = NodeCrypto.randomBytes(nonceLength)
        const cipher = NodeCrypto.createCipheriv("aes-256-gcm", key, nonce, { authTagLength: tagLength })
        cipher.setAAD(associatedData(id, userId))
        const ciphertext = Buffer.concat([
          cipher.update(Redacted.value(secret), "utf8"),
          cipher.final(),
          cipher.getAuthTag()
        ])
        const rows = yield* sql`
          insert into credentials (id, user_id, provider, name, nonce, ciphertext)
          values (${id}, ${userId}, ${provider}, ${name}, ${new Uint8Array(nonce)}, ${new Uint8Array(ciphertext)})
          returning id, user_id, provider, name, created_at`.pipe(Effect.flatMap(decodeMetadata))
        const row = rows[0]
        if (row === undefined) return yield* Effect.die(new Error("insert into credentials returned no row"))
        return toMetadata(row)
      }, mapStoreErrors("CredentialVault.create"))

      const list = Effect.fn("CredentialVault.list")(function* (userId: UserId) {
        const rows = yield* sql`select id, user_id, provider, name, created_at from credentials
          where user_id = ${userId} order by created_at, id`.pipe(Effect.flatMap(decodeMetadata))
        return rows.map(toMetadata)
      }, mapStoreErrors("CredentialVault.list"))

      const decrypt = (id: CredentialId, userId: UserId, nonce: Uint8Array, sealed: Uint8Array) =>
        Effect.try({
          try: () => {
            const body = sealed.subarray(0, sealed.length - tagLength)
            const tag = sealed.subarray(sealed.length - tagLength)
            const decipher = NodeCrypto.createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: tagLength })
            decipher.setAAD(associatedData(id, userId))
            decipher.setAuthTag(tag)
            return Redacted.make(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8"))
          },
          // node:crypto's message says only "Unsupported state or unable to authenticate data"; nothing to keep.
          catch: () => new CredentialDecryptionFailed({ credentialId: id })
        })

      const reveal = Effect.fn("CredentialVault.reveal")(function* (userId: UserId, id: CredentialId) {
        const rows =
          yield* sql`select nonce, ciphertext from credentials where id = ${id} and user_id = ${userId}`.pipe(
            Effect.flatMap(decodeSecret)
          )
        const row = rows[0]
        if (row === undefined) return yield* new CredentialNotFound({ credentialId: id })
        return yield* decrypt(id, userId, row.nonce, row.ciphertext)
      }, mapStoreErrors("CredentialVault.reveal"))

      const delete_ = Effect.fn("CredentialVault.delete")(function* (userId: UserId, id: CredentialId) {
        const rows = yield* sql`delete from credentials where id = ${id} and user_id = ${userId} returning id`
        if (rows.length === 0) return yield* new CredentialNotFound({ credentialId: id })
      }, mapStoreErrors("CredentialVault.delete"))

      return CredentialVault.of({ create, list, reveal, delete: delete_ })
    })

  static readonly layerWithKey = (key: Buffer) => Layer.effect(CredentialVault, CredentialVault.make(key))

  /** Key from `WEFT_SECRET_KEY`, else `<WEFT_DATA_DIR>/secret.key` (generated on first start). */
  static readonly layer = Layer.effect(CredentialVault, Effect.flatMap(keyFromConfig, CredentialVault.make))
}
