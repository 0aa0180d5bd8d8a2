/**
 * Plugin figures: cold install (publish `@weft/blocks-core` to a fresh embedded Verdaccio, then fetch, verify
 * and unpack it), sandbox start (spawn + load, first process), warm round trip of one block call through the
 * sandbox, and block executions per second sandboxed (4 processes) versus the same block run in-process; then
 * whole graphs on an embedded runner (real PostgreSQL): 50 concurrent runs of a 5-node chain whose four
 * ChangeCase nodes are the sandboxed plugin blocks, versus the same graph with the blocks registered in-process.
 * Run alone with `node bench/plugins.ts`, or export `pluginsBench` to bench/run.ts.
 */
import { BlockTestKit } from "@weft/block-sdk"
import { loadPlugin } from "@weft/plugin-host"
import { buildPluginPackage } from "@weft/plugin-host/testing"
import { installPackage } from "@weft/registry"
import { npmPublish, testRegistry } from "@weft/registry/testing"
import { BlockRegistry, type GraphDocument, type PluginBlocks } from "@weft/runtime"
import { embeddedTestRunnerWith, graphLink, graphNode, saveDocument, storesLayerWith } from "@weft/actors/testing"
import { Duration, Effect, Stream } from "effect"
import * as NodePath from "node:path"
import * as CoreBlocks from "../plugins/core/src/index.ts"
import { ChangeCase } from "../plugins/core/src/TextBlocks.ts"
import { runOnce } from "./engine.ts"

const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const started = performance.now()
    const value = yield* effect
    return [value, performance.now() - started] as const
  })

const core = { package: "@weft/blocks-core", version: "0.1.0" }

/** StoreValue then four ChangeCase nodes of the core plugin, each taking the previous one's result. */
const caseChain: GraphDocument = {
  name: "case-chain",
  description: "",
  nodes: [
    graphNode("n0", "StoreValue", { input: "Hello plugin world" }),
    ...["snake", "upper", "kebab", "lower"].map((to, i) =>
      graphNode(`n${i + 1}`, { ...core, id: "ChangeCase" }, { to })
    )
  ],
  links: [1, 2, 3, 4].map((i) => graphLink(`n${i - 1}`, i === 1 ? "output" : "result", `n${i}`, "text"))
}

/** Node executions per second of `concurrent` × `rounds` runs of `caseChain` on a runner with `plugin`'s blocks. */
const graphThroughput = (plugin: PluginBlocks) =>
  Effect.gen(function* () {
    const graph = yield* saveDocument(caseChain)
    const concurrent = 50
    const rounds = 6
    yield* Effect.forEach(Array.from({ length: concurrent }), () => runOnce(graph), { concurrency: concurrent })
    const [elapsed] = yield* Effect.timed(
      Effect.forEach(Array.from({ length: concurrent * rounds }), () => runOnce(graph), { concurrency: concurrent })
    )
    return Math.round((concurrent * rounds * caseChain.nodes.length) / (Duration.toMillis(elapsed) / 1000))
  }).pipe(Effect.provide(embeddedTestRunnerWith(storesLayerWith(BlockRegistry.layerWith({ plugins: [plugin] })))))

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
  const inProcess: PluginBlocks = { ...core, blocks: Object.values(CoreBlocks) }
  const graphSandboxed = yield* graphThroughput({ ...core, blocks: plugin.blocks })
  const graphInProcess = yield* graphThroughput(inProcess)
  console.log(
    [
      "plugins:",
      `  cold install (fetch + sha512 + unpack @weft/blocks-core): ${installMs.toFixed(1)} ms`,
      `  sandbox start (spawn + load, first process):             ${startMs.toFixed(1)} ms`,
      `  warm round trip (sequential, ${n} calls):                 ${((warmMs / n) * 1000).toFixed(0)} µs`,
      `  block executions/s, sandboxed (4 processes):             ${Math.round(concurrent / (sandboxedMs / 1000))}`,
      `  block executions/s, in-process:                          ${Math.round(concurrent / (builtinMs / 1000))}`,
      `  graph node executions/s, 50 concurrent 5-node runs, sandboxed blocks: ${graphSandboxed}`,
      `  graph node executions/s, same graph, blocks in-process:               ${graphInProcess}`
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
