/**
 * Plugin figures: cold install (publish `@weft/blocks-core` to a fresh embedded Verdaccio, then fetch, verify
 * and unpack it), sandbox start (spawn + load, first process), warm round trip of one block call through the
 * sandbox, and block executions per second sandboxed (4 processes) versus the same block run in-process.
 * Run alone with `node bench/plugins.ts`, or export `pluginsBench` to bench/run.ts.
 */
import { BlockTestKit } from "@weft/block-sdk"
import { loadPlugin } from "@weft/plugin-host"
import { buildPluginPackage } from "@weft/plugin-host/testing"
import { installPackage } from "@weft/registry"
import { npmPublish, testRegistry } from "@weft/registry/testing"
import { Effect, Stream } from "effect"
import * as NodePath from "node:path"
import { ChangeCase } from "../plugins/core/src/TextBlocks.ts"

const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const started = performance.now()
    const value = yield* effect
    return [value, performance.now() - started] as const
  })

export const pluginsBench = Effect.gen(function* () {
  const registry = yield* testRegistry
  const built = yield* buildPluginPackage(NodePath.resolve(import.meta.dirname, "../plugins/core"))
  yield* npmPublish(built, registry.url, registry.token)
  const cacheDir = NodePath.join(registry.dataDir, "plugins")
  const [installed, installMs] = yield* timed(
    installPackage({ registryUrl: registry.url, cacheDir, name: "@weft/blocks-core", version: "0.1.0" })
  )
  const [plugin, startMs] = yield* timed(loadPlugin(installed.directory, { maxProcesses: 4 }))
  const sandboxed = plugin.blocks.find((b) => b.id === "ChangeCase")
  if (sandboxed === undefined) return yield* Effect.die(new Error("ChangeCase missing"))
  const input = { text: "Hello plugin world", to: "snake" }
  const call = BlockTestKit.runAnyBlock(sandboxed, input)
  for (let i = 0; i < 200; i++) yield* call
  const n = 2000
  const [, warmMs] = yield* timed(Effect.repeat(call, { times: n - 1 }))
  const concurrent = 8_000
  const [, sandboxedMs] = yield* timed(
    Effect.forEach(Array.from({ length: concurrent }), () => call, { concurrency: 4, discard: true })
  )
  const builtin = Stream.runDrain(ChangeCase.run({ text: input.text, to: "snake" }, BlockTestKit.testContext()))
  const [, builtinMs] = yield* timed(
    Effect.forEach(Array.from({ length: concurrent }), () => builtin, { concurrency: 4, discard: true })
  )
  console.log(
    [
      "plugins:",
      `  cold install (fetch + sha512 + unpack @weft/blocks-core): ${installMs.toFixed(1)} ms`,
      `  sandbox start (spawn + load, first process):             ${startMs.toFixed(1)} ms`,
      `  warm round trip (sequential, ${n} calls):                 ${((warmMs / n) * 1000).toFixed(0)} µs`,
      `  block executions/s, sandboxed (4 processes):             ${Math.round(concurrent / (sandboxedMs / 1000))}`,
      `  block executions/s, in-process:                          ${Math.round(concurrent / (builtinMs / 1000))}`
    ].join("\n")
  )
}).pipe(Effect.scoped)

if (import.meta.main) {
  Effect.runPromise(pluginsBench).then(
    () => process.exit(0),
    (e) => {
      console.error(e)
      process.exit(1)
    }
  )
}
