import { assert, layer } from "@effect/vitest"
import {
  embeddedTestRunnerWith,
  graphLink,
  graphNode,
  runToEnd,
  saveDocument,
  storesLayerWith
} from "@weft/actors/testing"
import { BlockRegistry, builtinBlocks } from "@weft/runtime"
import { Effect, Layer } from "effect"
import { loadPlugin } from "./PluginBlocks.ts"
import { echoSource, pluginFixture } from "./testing/PluginFixture.ts"

const pluginRegistry = Layer.effect(
  BlockRegistry,
  Effect.gen(function* () {
    const plugins = []
    for (const version of ["1.0.0", "2.0.0"]) {
      const dir = yield* pluginFixture({ name: "@test/echo", version, source: echoSource(version) })
      plugins.push(yield* loadPlugin(dir))
    }
    return BlockRegistry.make({ builtins: builtinBlocks, plugins })
  }).pipe(Effect.orDie)
)

const testLayer = embeddedTestRunnerWith(storesLayerWith(pluginRegistry))

layer(testLayer, { excludeTestServices: true, timeout: 120_000 })("plugin blocks in a graph", (it) => {
  it.effect("runs blocks of two pinned versions of one plugin, each in its own sandbox", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument({
        name: "Plugin pipeline",
        description: "",
        nodes: [
          graphNode("in", { id: "AgentInput" }, { name: "text" }),
          graphNode("v1", { package: "@test/echo", version: "1.0.0", id: "echo" }),
          graphNode("v2", { package: "@test/echo", version: "2.0.0", id: "echo" }),
          graphNode("up", { package: "@test/echo", version: "2.0.0", id: "upper" }),
          graphNode("out1", { id: "AgentOutput" }, { name: "first" }),
          graphNode("out2", { id: "AgentOutput" }, { name: "second" })
        ],
        links: [
          graphLink("in", "result", "v1", "text"),
          graphLink("in", "result", "v2", "text"),
          graphLink("v1", "text", "out1", "value"),
          graphLink("v2", "text", "up", "text"),
          graphLink("up", "text", "out2", "value")
        ]
      })
      const run = yield* runToEnd(graph, { text: "hi" })
      assert.strictEqual(run.status, "COMPLETED")
      assert.deepStrictEqual(run.outputs, { first: ["hi@1.0.0"], second: ["HI@2.0.0"] })
    })
  )

  it.effect("fails the node with the sandbox's error when the input does not match the plugin block's schema", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument({
        name: "Bad input",
        description: "",
        nodes: [
          graphNode("in", { id: "AgentInput" }, { name: "n" }),
          graphNode("v1", { package: "@test/echo", version: "1.0.0", id: "echo" })
        ],
        links: [graphLink("in", "result", "v1", "text")]
      })
      const run = yield* runToEnd(graph, { n: 42 })
      assert.strictEqual(run.status, "FAILED")
      const v1 = run.nodeExecutions.find((n) => n.nodeId === "v1")
      assert.strictEqual(v1?.status, "FAILED")
    })
  )
})
