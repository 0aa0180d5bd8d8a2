/**
 * Weft's schema migrations, applied at start by the migrator of `@effect/sql-pg`. Migrations are plain
 * modules in `./migrations` listed here by hand (no glob loader: the list is explicit and type-checked).
 * Migrations are append-only: never edit one that has shipped, add the next number instead.
 */
import { PgMigrator } from "@effect/sql-pg"
import { Effect, Layer } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import init from "./migrations/0001_init.ts"
import versionMessage from "./migrations/0002_version_message.ts"

/**
 * Weft's own bookkeeping table: other parts (the registry, the cluster) keep their tables in the same database,
 * and the library default `effect_sql_migrations` would mix their migration ids with ours.
 */
export const table = "weft_runtime_migrations"

export const loader = PgMigrator.fromRecord({
  "0001_init": init,
  "0002_version_message": versionMessage
})

/**
 * `PgMigrator.run` would also demand a ChildProcessSpawner, FileSystem and Path for its optional `pg_dump` schema
 * dump, which Weft does not use; the shared migrator without a dump needs only the SqlClient. The migration
 * table lock makes concurrent starts (several runners) safe.
 */
const runMigrations = PgMigrator.make({})

/** Applies pending migrations and returns the ones applied. */
export const run: Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  PgMigrator.MigrationError | SqlError,
  SqlClient
> = runMigrations({ loader, table }).pipe(Effect.withSpan("Migrations.run"))

export type MigrationError = PgMigrator.MigrationError

export const layer: Layer.Layer<never, PgMigrator.MigrationError | SqlError, SqlClient> = Layer.effectDiscard(run)
