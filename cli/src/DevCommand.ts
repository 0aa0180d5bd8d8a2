/**
 * `weft dev` (what `npm start` runs): embedded PostgreSQL (or DATABASE_URL), migrations, one runner, the local
 * admin and the gateway on http://127.0.0.1:8080 (WEFT_HOST/WEFT_PORT); it prints a login token for the local
 * admin, then waits. Ctrl-C closes the layers in reverse order: the gateway stops listening (open WebSockets are
 * closed), the runner stops its drivers (their runs resume from the journal at the next start), then the
 * database stops, so nothing is lost.
 */
import { Config, Console, Effect, Option } from "effect"
import { gatewayUrl, localAdminToken } from "./GatewayCommand.ts"
import { embeddedWithGateway } from "./Processes.ts"

export const runDev = Effect.gen(function* () {
  const { admin, token } = yield* localAdminToken
  const url = yield* gatewayUrl
  const external = yield* Config.option(Config.String("DATABASE_URL"))
  const dataDir = yield* Config.String("WEFT_DATA_DIR").pipe(Config.withDefault(".weft"))
  const jwtFromEnv = Option.isSome(yield* Config.option(Config.String("WEFT_JWT_SECRET")))
  yield* Console.log("weft dev: ready")
  yield* Console.log(
    `  database: ${Option.isSome(external) ? "DATABASE_URL" : `embedded PostgreSQL (data in ${dataDir}/pg, 127.0.0.1 only)`}`
  )
  yield* Console.log(`  runner:   embedded, in this process (local admin "${admin.id}")`)
  yield* Console.log(`  studio:   ${url}/ (sign in with the token below)`)
  yield* Console.log(`  api:      ${url}/api/v1 (docs ${url}/docs, live events ${url.replace("http", "ws")}/ws)`)
  yield* Console.log(
    `  token:    ${token}\n            (the local admin's login token, valid 30 days; signed with ${
      jwtFromEnv ? "WEFT_JWT_SECRET" : `${dataDir}/jwt.secret`
    })`
  )
  yield* Console.log(`  try:      curl -H "Authorization: Bearer <token>" ${url}/api/v1/me`)
  yield* Console.log("            npm run weft -- run examples/greeting.json --input name=Ada")
  yield* Console.log("  Ctrl-C stops everything in order")
  return yield* Effect.never
}).pipe(Effect.provide(embeddedWithGateway), Effect.scoped)
