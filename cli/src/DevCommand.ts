/**
 * `weft dev` (what `npm start` runs): embedded PostgreSQL (or DATABASE_URL), migrations, one runner, and the
 * local admin; then it waits. Ctrl-C closes the layers in reverse order: the runner stops its drivers (their
 * runs resume from the journal at the next start), then the database stops, so nothing is lost.
 */
import { Console, Effect, Layer } from "effect"
import { EmbeddedPostgres, UserStore } from "@weft/runtime"
import { embeddedRunner } from "./Processes.ts"

export const runDev = Effect.gen(function*() {
  const admin = yield* (yield* UserStore).localAdmin
  const pg = yield* Effect.serviceOption(EmbeddedPostgres)
  yield* Console.log("weft dev: ready")
  yield* Console.log(`  database: ${pg._tag === "Some" ? `embedded PostgreSQL on 127.0.0.1:${pg.value.port} (${pg.value.dataDirectory})` : "DATABASE_URL"}`)
  yield* Console.log(`  runner:   embedded (local admin "${admin.id}")`)
  yield* Console.log("  Ctrl-C stops everything in order")
  return yield* Effect.never
}).pipe(Effect.provide(embeddedRunner), Effect.scoped)

export const devLayer = Layer.empty
