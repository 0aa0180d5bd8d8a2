/**
 * `weft dev` (what `npm start` runs): embedded PostgreSQL (or DATABASE_URL), migrations, one runner and the local
 * admin; then it waits. Ctrl-C closes the layers in reverse order: the runner stops its drivers (their runs
 * resume from the journal at the next start), then the database stops, so nothing is lost.
 */
import { Config, Console, Effect, Option } from "effect"
import { UserStore } from "@weft/runtime"
import { embeddedRunner } from "./Processes.ts"

export const runDev = Effect.gen(function* () {
  const admin = yield* (yield* UserStore).localAdmin
  const external = yield* Config.option(Config.String("DATABASE_URL"))
  const dataDir = yield* Config.String("WEFT_DATA_DIR").pipe(Config.withDefault(".weft"))
  yield* Console.log("weft dev: ready")
  yield* Console.log(
    `  database: ${Option.isSome(external) ? "DATABASE_URL" : `embedded PostgreSQL (data in ${dataDir}/pg, 127.0.0.1 only)`}`
  )
  yield* Console.log(`  runner:   embedded, in this process (local admin "${admin.id}")`)
  yield* Console.log("  try:      npm run weft -- run examples/greeting.json --input name=Ada")
  yield* Console.log("  Ctrl-C stops everything in order")
  return yield* Effect.never
}).pipe(Effect.provide(embeddedRunner), Effect.scoped)
