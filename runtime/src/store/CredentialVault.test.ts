// The vault: secrets round-trip encrypted, stay per user, fail typed under a wrong key; the key file is made once.
import { assert, describe, it, layer } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { UserId } from "../model/Ids.ts"
import { CredentialVault, loadOrCreateKeyFile } from "./CredentialVault.ts"
import * as TestDatabase from "./TestDatabase.ts"
import { UserStore } from "./UserStore.ts"

const key = NodeCrypto.randomBytes(32)
const TestLayer = Layer.mergeAll(CredentialVault.layerWithKey(key), UserStore.layer).pipe(
  Layer.provideMerge(TestDatabase.layer)
)
const ada = UserId.make("ada")
const eve = UserId.make("eve")

const setup = Effect.gen(function* () {
  const users = yield* UserStore
  yield* users.ensure({ id: ada, name: "Ada" })
  yield* users.ensure({ id: eve, name: "Eve" })
  return yield* CredentialVault
})

describe("CredentialVault", () => {
  layer(TestLayer, { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("stores only ciphertext and reveals the secret to its owner", () =>
      Effect.gen(function* () {
        const vault = yield* setup
        const meta = yield* vault.create(ada, "openai", "work", Redacted.make("sk-very-secret"))
        assert.deepStrictEqual([meta.userId, meta.provider, meta.name], [ada, "openai", "work"])
        assert.strictEqual(Redacted.value(yield* vault.reveal(ada, meta.id)), "sk-very-secret")
        const sql = yield* SqlClient.SqlClient
        const [row] = yield* sql<{ ciphertext: Uint8Array }>`select ciphertext from credentials where id = ${meta.id}`
        assert.notInclude(Buffer.from(row?.ciphertext ?? []).toString("latin1"), "sk-very-secret")
        const listed = yield* vault.list(ada)
        assert.deepStrictEqual(
          listed.find((c) => c.id === meta.id),
          meta
        )
        assert.notInclude(JSON.stringify(listed), "sk-very-secret")
      })
    )

    it.effect("another user can neither reveal, list nor delete it", () =>
      Effect.gen(function* () {
        const vault = yield* setup
        const meta = yield* vault.create(ada, "github", "mine", Redacted.make("ghp_x"))
        assert.strictEqual((yield* Effect.flip(vault.reveal(eve, meta.id)))._tag, "CredentialNotFound")
        assert.strictEqual((yield* Effect.flip(vault.delete(eve, meta.id)))._tag, "CredentialNotFound")
        assert.isFalse((yield* vault.list(eve)).some((c) => c.id === meta.id))
        yield* vault.delete(ada, meta.id)
        assert.strictEqual((yield* Effect.flip(vault.reveal(ada, meta.id)))._tag, "CredentialNotFound")
      })
    )

    it.effect("a vault with another key fails with CredentialDecryptionFailed", () =>
      Effect.gen(function* () {
        const vault = yield* setup
        const meta = yield* vault.create(ada, "openai", "k", Redacted.make("secret"))
        const other = yield* CredentialVault.make(NodeCrypto.randomBytes(32))
        assert.strictEqual((yield* Effect.flip(other.reveal(ada, meta.id)))._tag, "CredentialDecryptionFailed")
      })
    )

    it.effect("a ciphertext moved to another credential's row does not decrypt there", () =>
      Effect.gen(function* () {
        const vault = yield* setup
        const a = yield* vault.create(ada, "p", "a", Redacted.make("alpha"))
        const b = yield* vault.create(ada, "p", "b", Redacted.make("beta"))
        const sql = yield* SqlClient.SqlClient
        yield* sql`update credentials set (nonce, ciphertext) = (select nonce, ciphertext from credentials where id = ${a.id})
          where id = ${b.id}`
        assert.strictEqual((yield* Effect.flip(vault.reveal(ada, b.id)))._tag, "CredentialDecryptionFailed")
      })
    )
  })

  it.live("the key file is generated once with mode 0600 and reused", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.acquireRelease(
        Effect.promise(() => NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-vault-"))),
        (dir) => Effect.promise(() => NodeFs.rm(dir, { recursive: true, force: true }))
      )
      const dataDir = NodePath.join(dir, "data")
      const [first, second] = yield* Effect.all([loadOrCreateKeyFile(dataDir), loadOrCreateKeyFile(dataDir)], {
        concurrency: 2
      })
      assert.strictEqual(first?.length, 32)
      assert.isTrue(first?.equals(second ?? Buffer.alloc(0)))
      const stat = yield* Effect.promise(() => NodeFs.stat(NodePath.join(dataDir, "secret.key")))
      assert.strictEqual(stat.mode & 0o777, 0o600)
      assert.isTrue((yield* loadOrCreateKeyFile(dataDir)).equals(first ?? Buffer.alloc(0)))
    })
  )
})
