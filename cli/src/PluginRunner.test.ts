// A plugin block run by a separate `weft runner` process that has never seen it: the runner loads the pinned
// version from the shared registry (WEFT_REGISTRY_URL) on first use, so a run lands on any runner and finds the
// same code (the "unrecognised node type" failure of other engines).
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { clientLayer } from "@weft/actors"
import { storesLayerWith } from "@weft/actors/testing"
import { client } from "@weft/gateway"
import { baseUrl, gatewayOver, signToken } from "@weft/gateway/testing"
import { echoSource, writePluginPackage } from "@weft/plugin-host/testing"
import { Marketplace, PluginInstalls, pluginRegistryLayer, Registry, RegistryMigrations } from "@weft/registry"
import { npmPublish, tempDir, testRegistry } from "@weft/registry/testing"
import { GraphFile, TestDatabase } from "@weft/runtime"
import { marketplaceGatewayLayer } from "./MarketplaceLayer.ts"
import { eventually, startRunner } from "./RunnerProcesses.ts"

describe("a plugin block on a weft runner process", () => {
  it.live(
    "the runner loads the pinned version from the registry on first use and runs it in its sandbox",
    () =>
      Effect.gen(function* () {
        const registry = yield* testRegistry
        const source = yield* tempDir("weft-pub-")
        yield* Effect.promise(() =>
          writePluginPackage(source, { name: "@acme/echo", version: "1.0.0", source: echoSource("1.0.0") })
        )
        yield* npmPublish(source, registry.url, registry.token)

        // The gateway installs, and validates the graph against the plugin's schemas, with a registry of its own.
        const connection = Registry.layerWith({
          url: registry.url,
          cacheDir: NodePath.join(registry.dataDir, "plugins")
        })
        const blocks = pluginRegistryLayer().pipe(Layer.provide(connection))
        const registryServices = PluginInstalls.layer.pipe(
          Layer.provideMerge(Marketplace.layer),
          Layer.provideMerge(connection),
          Layer.provideMerge(RegistryMigrations.layer)
        )
        const gateway = gatewayOver({}, marketplaceGatewayLayer).pipe(
          Layer.provideMerge(registryServices),
          Layer.provideMerge(clientLayer),
          Layer.provideMerge(storesLayerWith(blocks)),
          Layer.provideMerge(TestDatabase.layer)
        )
        yield* Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          // The runner's own data folder: its plugin cache starts empty. Sandboxes may run as another user.
          const runnerData = yield* tempDir("weft-runner-data-")
          yield* Effect.promise(() => NodeFs.chmod(runnerData, 0o711))
          yield* startRunner(yield* TestDatabase.TestDatabaseUrl, {
            WEFT_REGISTRY_URL: registry.url,
            WEFT_DATA_DIR: runnerData
          })
          yield* eventually(
            sql<{ locks: number }>`SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory'
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.pipe(
              Effect.map((rows) => rows[0]?.locks === 64),
              Effect.orElseSucceed(() => false)
            )
          )
          const api = yield* client(yield* baseUrl, { bearer: yield* signToken({ sub: "far-away" }) })
          yield* api.marketplace.install({ payload: { package: "@acme/echo", version: "1.0.0" } })
          const graph = yield* api.graphs.create({
            payload: Schema.decodeUnknownSync(GraphFile)({
              name: "Echo on a runner",
              nodes: [
                { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "text" } },
                { id: "echo", block: { package: "@acme/echo", version: "1.0.0", id: "echo" }, inputDefault: {} },
                { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "echoed" } }
              ],
              links: [
                { sourceId: "in", sourceName: "result", sinkId: "echo", sinkName: "text" },
                { sourceId: "echo", sourceName: "text", sinkId: "out", sinkName: "value" }
              ]
            })
          })
          const run = yield* api.executions.start({
            payload: { graphId: graph.id, inputs: { text: "far" } },
            query: { wait: 60 },
            headers: {}
          })
          assert.strictEqual(run.status, "COMPLETED")
          assert.deepStrictEqual("outputs" in run ? run.outputs : undefined, { echoed: ["far@1.0.0"] })
          // The runner unpacked the version into its own cache: it fetched the code itself.
          const cached = yield* Effect.promise(() => NodeFs.readdir(NodePath.join(runnerData, "plugins")))
          assert.isAbove(cached.length, 0)
        }).pipe(Effect.provide(gateway))
      }).pipe(Effect.scoped),
    180_000
  )
})
