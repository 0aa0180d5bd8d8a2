/**
 * A real `weft dev` for the suite: a child process on a fresh temp data folder and a free port (embedded
 * PostgreSQL, runner, gateway serving the built studio, embedded registry), ready once it printed its banner and
 * `/ready` answers 200. `stop` sends Ctrl-C (SIGINT), as a user would, and checks that the embedded PostgreSQL
 * went down with it.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { createWriteStream, existsSync, readFileSync } from "node:fs"
import { chmod, mkdtemp, rm } from "node:fs/promises"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

const repoRoot = join(import.meta.dirname, "..", "..", "..")
const bin = join(repoRoot, "cli", "src", "bin.ts")

export interface RunningWeftDev {
  readonly url: string
  readonly token: string
  readonly dataDir: string
  readonly stop: () => Promise<void>
}

/** A port nobody listens on right now (the kernel picks it; closed again before weft dev binds it). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

/** The environment of a `weft dev` of its own: no external database, Redis or registry leaks in from the shell. */
const devEnv = (dataDir: string, port: number): NodeJS.ProcessEnv => {
  const {
    DATABASE_URL: _database,
    REDIS_URL: _redis,
    WEFT_REGISTRY_URL: _registry,
    WEFT_JWT_SECRET: _secret,
    WEFT_PUBLIC_URL: _public,
    ...env
  } = process.env
  return {
    ...env,
    WEFT_DATA_DIR: dataDir,
    WEFT_HOST: "127.0.0.1",
    WEFT_PORT: String(port),
    WEFT_ACCESS_LOG: "false",
    // One user drives the whole suite from one IP: the production limits would only add noise to a rerun.
    WEFT_RATE_LIMIT_READ: "100000",
    WEFT_RATE_LIMIT_WRITE: "100000",
    WEFT_RATE_LIMIT_EXECUTE: "100000",
    WEFT_RATE_LIMIT_ANONYMOUS: "100000"
  }
}

const exitOf = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()))

/** Polls `/ready` until it answers 200: the banner comes first, the readiness of every dependency after it. */
const waitUntilReady = async (url: string, exited: Promise<void>, deadline: number): Promise<void> => {
  let dead = false
  void exited.then(() => (dead = true))
  let last = "no answer"
  while (!dead && Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/ready`)
      if (response.ok) return
      last = `${response.status} ${await response.text()}`
    } catch (error) {
      last = String(error)
    }
    // Back off between polls: this waits on a server's state, which no event announces.
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(dead ? "weft dev exited before it was ready" : `weft dev not ready: ${last}`)
}

/** The pid of the embedded PostgreSQL's postmaster, while its pid file exists. */
const postmasterPid = (dataDir: string): number | null => {
  const file = join(dataDir, "pg", "postmaster.pid")
  if (!existsSync(file)) return null
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10)
  return Number.isInteger(pid) && pid > 0 ? pid : null
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export interface StartOptions {
  /** Where weft dev's output is copied (it is also kept in memory for error messages). */
  readonly logFile: string
  readonly timeoutMs?: number
  /** Runs on the fresh data folder before weft dev starts on it (e.g. to seed its registry). */
  readonly prepare?: (dataDir: string) => Promise<void>
}

export const startWeftDev = async ({
  logFile,
  timeoutMs = 120_000,
  prepare
}: StartOptions): Promise<RunningWeftDev> => {
  const dataDir = await mkdtemp(join(tmpdir(), "weft-e2e-"))
  // The embedded PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
  await chmod(dataDir, 0o755)
  try {
    await prepare?.(dataDir)
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const log = createWriteStream(logFile)
  const child = spawn(process.execPath, [bin, "dev"], {
    cwd: repoRoot,
    env: devEnv(dataDir, port),
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    log.write(chunk)
  }
  child.stdout?.on("data", collect)
  child.stderr?.on("data", collect)
  const exited = exitOf(child)

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      // Ctrl-C: the gateway, the runner and then the embedded PostgreSQL stop in order. SIGKILL only if that hangs.
      child.kill("SIGINT")
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000)
      await exited
      clearTimeout(timer)
    }
    // A PostgreSQL left behind (weft dev killed, or a bug in its shutdown) must not outlive the suite.
    const pid = postmasterPid(dataDir)
    const leftover = pid !== null && alive(pid)
    if (pid !== null && leftover) {
      log.write(`\n[e2e] PostgreSQL ${pid} still running after weft dev exited: stopping it\n`)
      process.kill(pid, "SIGINT")
      // Its own process, not ours: nothing to await but its disappearance.
      for (const deadline = Date.now() + 15_000; alive(pid) && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    await new Promise<void>((resolve) => log.end(() => resolve()))
    await rm(dataDir, { recursive: true, force: true })
    // weft dev must stop its PostgreSQL itself on Ctrl-C: one left behind is a failure, even once cleaned up.
    if (leftover) throw new Error(`weft dev left its embedded PostgreSQL (pid ${pid}) running after Ctrl-C`)
  }

  try {
    const deadline = Date.now() + timeoutMs
    await new Promise<void>((resolve, reject) => {
      // The banner's last line: everything above it (the token) has been printed.
      const check = () => (output.includes("Ctrl-C stops everything") ? resolve() : undefined)
      child.stdout?.on("data", check)
      check()
      void exited.then(() => reject(new Error(`weft dev exited (${child.exitCode ?? child.signalCode})`)))
      setTimeout(() => reject(new Error("weft dev printed no banner in time")), timeoutMs).unref()
    })
    const token = /token:\s+(\S+)/.exec(output)?.[1]
    if (token === undefined) throw new Error("weft dev printed no token")
    await waitUntilReady(url, exited, deadline)
    return { url, token, dataDir, stop }
  } catch (error) {
    await stop()
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- weft dev output ---\n${output}`)
  }
}
