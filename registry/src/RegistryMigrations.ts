/**
 * The registry's schema migrations (marketplace index, plugin installs), applied by `@effect/sql-pg`'s
 * migrator with a bookkeeping table of their own, so their ids never mix with the runtime's. Append-only.
 */
import { PgMigrator } from "@effect/sql-pg"
import { Effect, Layer } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import marketplace from "./migrations/0001_marketplace.ts"

export const table = "weft_registry_migrations"

export const loader = PgMigrator.fromRecord({
  "0001_marketplace": marketplace
})

/** The migrator without the `pg_dump` schema dump (which would need a process spawner); see runtime's Migrations. */
const runMigrations = PgMigrator.make({})

export const run: Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  PgMigrator.MigrationError | SqlError,
  SqlClient
> = runMigrations({ loader, table }).pipe(Effect.withSpan("RegistryMigrations.run"))

/** Applies pending registry migrations; needs the runtime's migrations applied first. */
export const layer: Layer.Layer<never, PgMigrator.MigrationError | SqlError, SqlClient> = Layer.effectDiscard(run)
