import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as ChildProcess from "node:child_process"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { freePort } from "./RunnerProcesses.ts"

const bin = new URL("./bin.ts", import.meta.url).pathname
const examples = new URL("../../examples/", import.meta.url).pathname

/** The environment of a `weft dev` on its own data folder and port, with no external database. */
const devEnv = (dataDir: string, port: number) => {
  const { DATABASE_URL: _external, REDIS_URL: _redis, ...env } = process.env
  return { ...env, WEFT_DATA_DIR: dataDir, WEFT_PORT: String(port), WEFT_ACCESS_LOG: "false" }
}

describe("weft dev (what npm start runs)", () => {
  it.live(
    "starts embedded PostgreSQL, the runner and the API; weft run shares its database; Ctrl-C stops it cleanly",
    () =>
      Effect.gen(function* () {
        const dataDir = yield* Effect.promise(() => NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-dev-")))
        // The embedded PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
        yield* Effect.promise(() => NodeFs.chmod(dataDir, 0o755))
        const port = yield* freePort
        const env = devEnv(dataDir, port)
        const dev = ChildProcess.spawn(process.execPath, [bin, "dev"], { env, stdio: ["ignore", "pipe", "pipe"] })
        let out = ""
        dev.stdout.on("data", (d: Buffer) => (out += d.toString()))
        dev.stderr.on("data", (d: Buffer) => (out += d.toString()))
        const exited = new Promise<number | null>((resolve) => dev.once("exit", (code) => resolve(code)))
        yield* Effect.addFinalizer(() =>
          Effect.promise(async () => {
            // Ctrl-C first, so the embedded PostgreSQL is stopped too; SIGKILL only if that hangs.
            if (dev.exitCode === null && dev.signalCode === null) {
              dev.kill("SIGINT")
              const timer = setTimeout(() => dev.kill("SIGKILL"), 15_000)
              await exited
              clearTimeout(timer)
            }
            await NodeFs.rm(dataDir, { recursive: true, force: true })
          })
        )
        yield* Effect.promise(
          () =>
            new Promise<void>((resolve, reject) => {
              // The banner's last line: everything above it (the token) has been printed.
              const check = () => (out.includes("Ctrl-C stops everything") ? resolve() : undefined)
              dev.stdout.on("data", check)
              void exited.then((code) => reject(new Error(`weft dev exited (${code}):\n${out}`)))
            })
        )
        const token = /token:\s+(\S+)/.exec(out)?.[1]
        assert.isDefined(token)

        const me = yield* Effect.promise(() =>
          fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
        )
        assert.strictEqual(me.status, 200)
        assert.strictEqual(((yield* Effect.promise(() => me.json())) as { id: string }).id, "local-admin")

        // A `weft run` beside it uses the same embedded database instead of starting a second one.
        const run = ChildProcess.spawnSync(
          process.execPath,
          [bin, "run", `${examples}greeting.json`, "--input", "name=Ada", "--json"],
          { env, encoding: "utf8" }
        )
        assert.strictEqual(run.status, 0, run.stderr)
        assert.deepStrictEqual(JSON.parse(run.stdout).outputs, { greeting: ["Hello Ada!"] })

        dev.kill("SIGINT")
        const code = yield* Effect.promise(() => exited)
        assert.notStrictEqual(code, null)
        const pid = yield* Effect.promise(() =>
          NodeFs.readFile(NodePath.join(dataDir, "pg", "postmaster.pid"), "utf8").catch(() => "")
        )
        assert.strictEqual(pid, "", "the embedded PostgreSQL stopped and removed its pid file")
      }).pipe(Effect.scoped),
    120_000
  )
})
