/**
 * How a Weft process gets its PostgreSQL connection pool (`SqlClient` / `PgClient`): from `DATABASE_URL`
 * (distributed deployments) or from the embedded server (`weft dev`). The rest of the code sees only
 * `SqlClient`, so the two deployment shapes differ in this Layer alone.
 */
import { PgClient } from "@effect/sql-pg"
import { Config, Effect, Layer, Option, type Redacted } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { EmbeddedPostgres, type EmbeddedPostgresError } from "./EmbeddedPostgres.ts"
import * as Migrations from "./Migrations.ts"

/**
 * Pool settings for every Weft process. 10 connections serve the API and one runner's batched writer on this
 * 2-core machine; more only add contention. Statements are prepared and cached per connection (the driver's
 * default), which pays off for the engine's repeated batch inserts.
 */
export const poolOptions = {
  maxConnections: 10,
  minConnections: 1,
  idleTimeout: "60 seconds",
  connectionTTL: "30 minutes",
  connectTimeout: "10 seconds",
  applicationName: "weft"
} as const

/** A pool on the given server (no migrations). */
export const layerUrl = (url: Redacted.Redacted<string>): Layer.Layer<PgClient.PgClient | SqlClient, SqlError> =>
  PgClient.layer({ url, ...poolOptions })

type ConnectionLayer = Layer.Layer<PgClient.PgClient | SqlClient, SqlError | EmbeddedPostgresError | Config.ConfigError>

/** A pool on the running embedded server of the context (no migrations). */
export const layerFromEmbedded: Layer.Layer<PgClient.PgClient | SqlClient, SqlError, EmbeddedPostgres> = Layer.unwrap(
  Effect.gen(function* () {
    const server = yield* EmbeddedPostgres
    return layerUrl(server.url)
  })
)

/** A pool on the embedded server, which is started by (and stopped with) this layer (no migrations). */
export const layerEmbedded: ConnectionLayer = layerFromEmbedded.pipe(Layer.provide(EmbeddedPostgres.layer))

/** `DATABASE_URL` when set, else the embedded server (no migrations). */
export const layerConnection: ConnectionLayer = Layer.unwrap(
  Effect.gen(function* () {
    const url = yield* Config.option(Config.Redacted("DATABASE_URL"))
    return Option.match(url, {
      onNone: (): ConnectionLayer => layerEmbedded,
      onSome: (url): ConnectionLayer => layerUrl(url)
    })
  })
)

/** The database every Weft process uses: `layerConnection` with Weft's migrations applied before anything runs. */
export const layer = Migrations.layer.pipe(Layer.provideMerge(layerConnection))
