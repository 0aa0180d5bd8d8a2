/**
 * The embedded Verdaccio as a process of its own (started by RegistryProcess.ts): it prints its URL once it
 * listens and stops when its parent goes away (its stdin closes), so a crashed parent leaves no registry behind.
 */
import { Effect } from "effect"
import { startEmbeddedRegistry } from "./EmbeddedVerdaccio.ts"

const dataDir = process.argv[2]
if (dataDir === undefined) {
  console.error("usage: RegistryProcessMain.ts <data dir>")
  process.exit(2)
}

process.stdin.on("end", () => process.exit(0))
process.stdin.resume()

Effect.runPromise(
  Effect.scoped(
    Effect.gen(function* () {
      const url = process.env["WEFT_REGISTRY_NOTIFY_URL"]
      const token = process.env["WEFT_REGISTRY_NOTIFY_TOKEN"]
      const running = yield* startEmbeddedRegistry({
        dataDir,
        ...(url === undefined || token === undefined ? {} : { notify: { url, token } })
      })
      process.stdout.write(`${JSON.stringify(running)}\n`)
      return yield* Effect.never
    })
  )
).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
