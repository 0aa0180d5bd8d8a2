/**
 * The gateway's own tables, migrated like runtime's (runtime/src/store/Migrations.ts) but with a bookkeeping
 * table of their own, so gateway and runtime migration ids never mix. Runs after the runtime's migrations
 * (its tables reference `users`). Append-only: never edit a shipped migration.
 */
import { PgMigrator } from "@effect/sql-pg"
import { Effect, Layer } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import gateway from "./migrations/0001_gateway.ts"
import idempotencyRequest from "./migrations/0002_idempotency_request.ts"

export const table = "weft_gateway_migrations"

export const loader = PgMigrator.fromRecord({
  "0001_gateway": gateway,
  "0002_idempotency_request": idempotencyRequest
})

const runMigrations = PgMigrator.make({})

export const run: Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  PgMigrator.MigrationError | SqlError,
  SqlClient
> = runMigrations({ loader, table }).pipe(Effect.withSpan("GatewayMigrations.run"))

export const layer: Layer.Layer<never, PgMigrator.MigrationError | SqlError, SqlClient> = Layer.effectDiscard(run)
