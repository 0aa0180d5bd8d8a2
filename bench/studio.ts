/**
 * Studio figures: runs the end-to-end project's benchmark (`npm run bench -w @weft/studio-e2e`: a real weft dev
 * and Chromium; a 500-node / 700-link graph opened in the editor, the time until it is drawn and the bytes of the
 * initial page load). Run alone with `node bench/studio.ts`, or through bench/run.ts.
 */
import { Effect } from "effect"
import { spawn } from "node:child_process"
import * as NodePath from "node:path"

export const studioBench = Effect.callback<void, Error>((resume) => {
  const child = spawn("npm", ["run", "bench", "-w", "@weft/studio-e2e"], {
    cwd: NodePath.resolve(import.meta.dirname, ".."),
    stdio: "inherit"
  })
  child.once("error", (error) => resume(Effect.fail(error)))
  child.once("exit", (code, signal) =>
    resume(code === 0 ? Effect.void : Effect.fail(new Error(`the studio benchmark failed (${code ?? signal})`)))
  )
})

if (import.meta.main) {
  Effect.runPromise(studioBench).then(
    () => process.exit(0),
    (e) => {
      console.error(e)
      process.exit(1)
    }
  )
}
