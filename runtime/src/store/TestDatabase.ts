/**
 * A throwaway, migrated PostgreSQL database for tests of any package: created with a unique name on the test
 * server (`WEFT_TEST_PG_URL`, default postgres://postgres@127.0.0.1:5432/postgres), dropped WITH (FORCE) when
 * the layer's scope closes, so parallel test files never see each other's rows.
 */
import { PgClient } from "@effect/sql-pg"
import { Config, Context, Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import * as NodeCrypto from "node:crypto"
import * as Migrations from "./Migrations.ts"

export const serverUrlConfig: Config.Config<Redacted.Redacted<string>> = Config.Redacted("WEFT_TEST_PG_URL").pipe(
  Config.withDefault(Redacted.make("postgres://postgres@127.0.0.1:5432/postgres"))
)

/** Runs one statement on the server's maintenance database over a connection of its own. */
const onServer = (
  serverUrl: Redacted.Redacted<string>,
  statement: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, SqlError>
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* statement(sql)
  }).pipe(Effect.provide(PgClient.layerFrom(PgClient.makeClient({ url: serverUrl }))))

const databaseUrl = (serverUrl: Redacted.Redacted<string>, database: string) => {
  const url = new URL(Redacted.value(serverUrl))
  url.pathname = `/${database}`
  return Redacted.make(url.toString())
}

/** The URL of the test database, for tests that start other processes on it (runners, gateways). */
export class TestDatabaseUrl extends Context.Service<TestDatabaseUrl, Redacted.Redacted<string>>()(
  "weft/store/TestDatabaseUrl"
) {}

/** A fresh database (pool of 5) without migrations. */
export const layerWithoutMigrations: Layer.Layer<
  PgClient.PgClient | SqlClient.SqlClient | TestDatabaseUrl,
  SqlError | Config.ConfigError
> = Layer.unwrap(
  Effect.gen(function* () {
    const serverUrl = yield* serverUrlConfig
    const database = `weft_test_${NodeCrypto.randomBytes(6).toString("hex")}`
    yield* Effect.acquireRelease(
      onServer(serverUrl, (sql) => sql`create database ${sql(database)}`),
      () =>
        onServer(serverUrl, (sql) => sql`drop database if exists ${sql(database)} with (force)`).pipe(
          Effect.catchCause((cause) => Effect.logWarning(`could not drop test database ${database}`, cause))
        )
    )
    const url = databaseUrl(serverUrl, database)
    return Layer.merge(PgClient.layer({ url, maxConnections: 5 }), Layer.succeed(TestDatabaseUrl, url))
  })
)

export const layer: Layer.Layer<
  PgClient.PgClient | SqlClient.SqlClient | TestDatabaseUrl,
  SqlError | Config.ConfigError | Migrations.MigrationError
> = Migrations.layer.pipe(Layer.provideMerge(layerWithoutMigrations))
