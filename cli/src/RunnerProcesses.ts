/**
 * Starting real `weft runner` processes for tests and benchmarks: each is a child process on 127.0.0.1 with its
 * own port, ready once it prints its ready line, and killed (SIGKILL if need be) when the scope closes.
 */
import { Duration, Effect, Redacted, Schedule } from "effect"
import * as ChildProcess from "node:child_process"
import * as Net from "node:net"

export interface RunnerProcess {
  readonly address: string
  readonly pid: number
  readonly kill: (signal: NodeJS.Signals) => Effect.Effect<void>
  readonly output: () => string
}

const binPath = new URL("./bin.ts", import.meta.url).pathname

export const freePort = Effect.callback<number>((resume) => {
  const server = Net.createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

/** Spawns `weft runner` against `databaseUrl` (with `env` added) and waits for its ready line (or its early death). */
export const startRunner = (databaseUrl: Redacted.Redacted<string>, env: Readonly<Record<string, string>> = {}) =>
  Effect.gen(function* () {
    const port = yield* freePort
    let output = ""
    const child = yield* Effect.acquireRelease(
      Effect.sync(() =>
        ChildProcess.spawn(process.execPath, [binPath, "runner", "--host", "127.0.0.1", "--port", String(port)], {
          env: {
            ...process.env,
            DATABASE_URL: Redacted.value(databaseUrl),
            WEFT_RECOVERY_INTERVAL_MS: "500",
            ...env
          },
          stdio: ["ignore", "pipe", "pipe"]
        })
      ),
      (child) =>
        Effect.callback<void>((resume) => {
          if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
          child.once("exit", () => resume(Effect.void))
          child.kill("SIGTERM")
        }).pipe(
          Effect.timeoutOrElse({
            duration: Duration.seconds(10),
            orElse: () => Effect.sync(() => child.kill("SIGKILL"))
          })
        )
    )
    child.stderr.on("data", (d: Buffer) => (output += d.toString()))
    yield* Effect.callback<void, Error>((resume) => {
      child.stdout.on("data", (d: Buffer) => {
        output += d.toString()
        if (output.includes("weft runner: ready")) resume(Effect.void)
      })
      child.once("exit", (code) => resume(Effect.fail(new Error(`runner exited (${code}) before ready:\n${output}`))))
    }).pipe(Effect.timeout(Duration.seconds(60)), Effect.orDie)
    const runner: RunnerProcess = {
      address: `127.0.0.1:${port}`,
      pid: child.pid ?? 0,
      kill: (signal) =>
        Effect.callback<void>((resume) => {
          child.once("exit", () => resume(Effect.void))
          child.kill(signal)
        }),
      output: () => output
    }
    return runner
  })

/** Re-checks `condition` until it holds: for state that can only be observed by reading it (e.g. shard locks). */
export const eventually = <E, R>(condition: Effect.Effect<boolean, E, R>, within: Duration.Input = "60 seconds") =>
  condition.pipe(
    Effect.filterOrFail(
      (ok) => ok,
      () => new Error("condition not met yet")
    ),
    Effect.retry(Schedule.spaced(Duration.millis(100))),
    Effect.timeout(within),
    Effect.orDie,
    Effect.asVoid
  )
