/**
 * Starts the embedded Verdaccio in a child process for the scope's lifetime. Out of process, its memory (tens of
 * MB) and any crash stay out of the runner and gateway process, the way the embedded PostgreSQL does.
 */
import { Effect, Schema } from "effect"
import * as ChildProcess from "node:child_process"
import { RegistryError, type RunningRegistry } from "./EmbeddedVerdaccio.ts"
import type { NotifyEndpoint } from "./PublishNotifications.ts"

const main = new URL("./RegistryProcessMain.ts", import.meta.url).pathname
const Running = Schema.Struct({ url: Schema.String, directory: Schema.String })

export const startRegistryProcess = (options: { readonly dataDir: string; readonly notify?: NotifyEndpoint }) =>
  Effect.acquireRelease(
    Effect.callback<{ readonly running: RunningRegistry; readonly child: ChildProcess.ChildProcess }, RegistryError>(
      (resume) => {
        // The notify secret goes by environment, not argv, which other users can read.
        const child = ChildProcess.spawn(process.execPath, [main, options.dataDir], {
          stdio: ["pipe", "pipe", "inherit"],
          env: {
            ...process.env,
            ...(options.notify === undefined
              ? {}
              : { WEFT_REGISTRY_NOTIFY_URL: options.notify.url, WEFT_REGISTRY_NOTIFY_TOKEN: options.notify.token })
          }
        })
        let out = ""
        const onData = (d: Buffer) => {
          out += d.toString()
          const line = out.split("\n")[0]
          if (out.includes("\n") && line !== undefined) {
            child.stdout?.off("data", onData)
            const decoded = Schema.decodeUnknownOption(Schema.fromJsonString(Running))(line)
            resume(
              decoded._tag === "Some"
                ? Effect.succeed({ running: decoded.value, child })
                : Effect.fail(new RegistryError({ reason: "Start", message: `unexpected registry output: ${line}` }))
            )
          }
        }
        child.stdout?.on("data", onData)
        child.once("exit", (code) =>
          resume(Effect.fail(new RegistryError({ reason: "Start", message: `the registry process exited (${code})` })))
        )
      }
    ),
    ({ child }) =>
      Effect.callback<void>((resume) => {
        if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
        child.once("exit", () => resume(Effect.void))
        child.stdin?.end()
        setTimeout(() => child.kill("SIGKILL"), 5000).unref()
      })
  ).pipe(Effect.map(({ running }) => running))
