// The embedded server initialises its folder on first start, reuses it on the next, and serves the weft database.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import * as Database from "./Database.ts"
import { EmbeddedPostgres } from "./EmbeddedPostgres.ts"
import * as Migrations from "./Migrations.ts"

// mkdtemp makes a 0700 folder; the server runs as the `postgres` system user (we are root) and must reach it.
const tempDataDir = Effect.acquireRelease(
  Effect.promise(async () => {
    const dir = await NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-embedded-"))
    await NodeFs.chmod(dir, 0o755)
    return dir
  }),
  (dir) => Effect.promise(() => NodeFs.rm(dir, { recursive: true, force: true }))
)

/** Starts the server on `dataDir`, migrates, writes or reads a row, and stops it when done. */
const session = (dataDir: string, write: boolean) =>
  Effect.gen(function* () {
    const server = yield* EmbeddedPostgres
    const sql = yield* SqlClient.SqlClient
    if (write) yield* sql`insert into users (id, name) values ('u1', 'Ada')`
    const users = yield* sql<{ name: string }>`select name from users`
    const [where] = yield* sql<{
      db: string
      addr: string
    }>`select current_database() as db, inet_server_addr()::text as addr`
    return { initialisedNow: server.initialisedNow, port: server.port, users: users.map((u) => u.name), where }
  }).pipe(
    Effect.provide(
      Migrations.layer.pipe(
        Layer.provideMerge(Database.layerFromEmbedded.pipe(Layer.provideMerge(EmbeddedPostgres.layerWith({ dataDir }))))
      )
    )
  )

describe("EmbeddedPostgres", () => {
  it.live(
    "initialises the folder on first start and reuses it (with its data) on the second",
    () =>
      Effect.gen(function* () {
        const dataDir = yield* tempDataDir
        const first = yield* session(dataDir, true)
        assert.isTrue(first.initialisedNow)
        assert.deepStrictEqual(first.users, ["Ada"])
        assert.deepStrictEqual(first.where, { db: "weft", addr: "127.0.0.1/32" })
        const passwordMode = (yield* Effect.promise(() => NodeFs.stat(NodePath.join(dataDir, "pg.password")))).mode
        assert.strictEqual(passwordMode & 0o777, 0o600)

        const second = yield* session(dataDir, false)
        assert.isFalse(second.initialisedNow)
        assert.deepStrictEqual(second.users, ["Ada"])
      }),
    120_000
  )
})
