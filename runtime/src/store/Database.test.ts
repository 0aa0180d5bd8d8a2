// Database.layer follows DATABASE_URL when it is set, and applies Weft's migrations before anything runs.
import { assert, describe, layer } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import * as Database from "./Database.ts"
import * as Migrations from "./Migrations.ts"
import * as TestDatabase from "./TestDatabase.ts"

describe("Database", () => {
  // An empty database (no migrations) that Database.layer is then pointed at through DATABASE_URL.
  layer(TestDatabase.layerWithoutMigrations, { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("uses DATABASE_URL and migrates that database", () =>
      Effect.gen(function* () {
        const empty = yield* SqlClient.SqlClient
        const [target] = yield* empty<{ db: string }>`select current_database() as db`
        const server = new URL(Redacted.value(yield* TestDatabase.serverUrlConfig))
        server.pathname = `/${target?.db}`
        const env = ConfigProvider.fromEnvRecord({ DATABASE_URL: server.toString() })

        const seen = yield* Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const [row] = yield* sql<{ db: string; migrated: boolean }>`
            select current_database() as db, to_regclass(${Migrations.table}) is not null as migrated`
          return row
        }).pipe(Effect.provide(Database.layer.pipe(Layer.provide(ConfigProvider.layer(env)))))

        assert.deepStrictEqual(seen, { db: target?.db ?? "", migrated: true })
        const [users] = yield* empty<{ found: boolean }>`select to_regclass('users') is not null as found`
        assert.isTrue(users?.found)
      })
    )
  })
})
