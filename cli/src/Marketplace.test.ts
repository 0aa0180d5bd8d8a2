// The marketplace API end to end with no fakes: a real Verdaccio, a plugin published with `npm publish`, the
// registry's index and installs in PostgreSQL, and the gateway's HTTP routes in front (MarketplaceLayer.ts).
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodePath from "node:path"
import { embeddedTestRunnerWith, storesLayerWith } from "@weft/actors/testing"
import { client } from "@weft/gateway"
import { GraphFile } from "@weft/runtime"
import { baseUrl, gatewayOver, signToken } from "@weft/gateway/testing"
import { echoSource, writePluginPackage } from "@weft/plugin-host/testing"
import { Marketplace, PluginInstalls, pluginRegistryLayer, Registry, RegistryMigrations } from "@weft/registry"
import { npmPublish, tempDir, testRegistry } from "@weft/registry/testing"
import { marketplaceGatewayLayer } from "./MarketplaceLayer.ts"

const name = "@acme/echo"
const encoded = encodeURIComponent(name)
const InUseProblem = Schema.Struct({
  status: Schema.Number,
  detail: Schema.String,
  graphs: Schema.Array(Schema.Struct({ id: Schema.String, version: Schema.Number, name: Schema.String }))
})

describe("marketplace API over a real registry", () => {
  it.live(
    "publish, index, search, detail, install, refuse an uninstall in use, upgrade and uninstall through the gateway",
    () =>
      Effect.gen(function* () {
        const registry = yield* testRegistry
        for (const version of ["1.0.0", "2.0.0"]) {
          const dir = yield* tempDir("weft-pub-")
          yield* Effect.promise(() => writePluginPackage(dir, { name, version, source: echoSource(version) }))
          yield* npmPublish(dir, registry.url, registry.token)
        }
        const connection = Registry.layerWith({
          url: registry.url,
          cacheDir: NodePath.join(registry.dataDir, "plugins"),
          embeddedDirectory: registry.directory
        })
        const registryServices = PluginInstalls.layer.pipe(
          Layer.provideMerge(Marketplace.layer),
          Layer.provideMerge(connection),
          Layer.provideMerge(RegistryMigrations.layer)
        )
        // The runner loads plugin versions from the same registry on first use, as `weft dev` does.
        const runner = embeddedTestRunnerWith(storesLayerWith(pluginRegistryLayer().pipe(Layer.provide(connection))))
        const gateway = gatewayOver({}, marketplaceGatewayLayer).pipe(
          Layer.provideMerge(registryServices),
          Layer.provideMerge(runner)
        )

        yield* Effect.gen(function* () {
          const marketplace = yield* Marketplace
          const sql = yield* SqlClient.SqlClient
          assert.strictEqual(yield* marketplace.rebuild(registry.url), 2)

          const url = yield* baseUrl
          const bearer = yield* signToken({ sub: "shopper" })
          const api = yield* client(url, { bearer })
          const authorized = { authorization: `Bearer ${bearer}` }

          const found = yield* api.marketplace.search({ query: { text: "echo", limit: 5 } })
          assert.deepStrictEqual(
            found.packages.map((p) => `${p.name}@${p.latestVersion}`),
            [`${name}@2.0.0`]
          )
          assert.isUndefined(found.next)
          assert.deepStrictEqual((yield* api.marketplace.search({ query: { category: "nope" } })).packages, [])

          // A scoped name is one URL-encoded path segment.
          const detailResponse = yield* Effect.promise(() =>
            fetch(`${url}/api/v1/marketplace/packages/${encoded}`, { headers: authorized })
          )
          assert.strictEqual(detailResponse.status, 200)
          const detail = yield* api.marketplace.detail({ params: { name } })
          assert.deepStrictEqual(
            detail.versions.map((v) => v.version),
            ["2.0.0", "1.0.0"]
          )
          assert.isTrue(detail.versions[0]?.blocks.some((b) => b.id === "echo" && b.name === "Echo"))
          assert.deepStrictEqual(detail.versions[0]?.permissions, { net: [], env: [], fs: "none" })
          assert.strictEqual(
            (yield* api.marketplace.detail({ params: { name: "@acme/nope" } }).pipe(Effect.flip))._tag,
            "NotFound"
          )

          const installed = yield* api.marketplace.install({ payload: { package: name, version: "1.0.0" } })
          assert.strictEqual(installed.version, "1.0.0")
          const missingVersion = yield* api.marketplace
            .install({ payload: { package: name, version: "9.9.9" } })
            .pipe(Effect.flip)
          assert.strictEqual(missingVersion._tag, "NotFound")
          assert.deepStrictEqual(
            (yield* api.marketplace.installs()).map((i) => `${i.package}@${i.version}`),
            [`${name}@1.0.0`]
          )

          // Installed blocks join the caller's catalogue at once (no restart); nobody else's.
          const echoEntry = (yield* api.blocks.list()).find((b) => b.id === "echo")
          assert.deepStrictEqual([echoEntry?.package, echoEntry?.packageVersion], [name, "1.0.0"])
          const stranger = yield* client(url, { bearer: yield* signToken({ sub: "stranger" }) })
          assert.isUndefined((yield* stranger.blocks.list()).find((b) => b.id === "echo"))

          // A graph pinning the plugin version is validated against its schemas, saved and run in its sandbox.
          const usesEcho = (times: unknown) =>
            Schema.decodeUnknownSync(GraphFile)({
              name: "Uses echo",
              nodes: [
                { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "text" } },
                { id: "echo", block: { package: name, version: "1.0.0", id: "echo" }, inputDefault: { times } },
                { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "echoed" } }
              ],
              links: [
                { sourceId: "in", sourceName: "result", sinkId: "echo", sinkName: "text" },
                { sourceId: "echo", sourceName: "text", sinkId: "out", sinkName: "value" }
              ]
            })
          const invalid = yield* api.graphs.create({ payload: usesEcho("twice") }).pipe(Effect.flip)
          assert.strictEqual(invalid._tag, "InvalidGraph")
          // A version the saver has not installed is not theirs to use.
          const notInstalled = yield* stranger.graphs.create({ payload: usesEcho(1) }).pipe(Effect.flip)
          assert.include(
            notInstalled._tag === "InvalidGraph" ? JSON.stringify(notInstalled.issues) : notInstalled._tag,
            "@acme/echo@1.0.0 is not installed in your workspace"
          )
          const graph = yield* api.graphs.create({ payload: usesEcho(2) })
          const run = yield* api.executions.start({
            payload: { graphId: graph.id, inputs: { text: "hi" } },
            query: { wait: 60 },
            headers: {}
          })
          assert.strictEqual(run.status, "COMPLETED")
          assert.deepStrictEqual("outputs" in run ? run.outputs : undefined, { echoed: ["hi@1.0.0", "hi@1.0.0"] })

          // That active graph pins 1.0.0: uninstall is a 409 naming it.
          const refused = yield* Effect.promise(() =>
            fetch(`${url}/api/v1/marketplace/installs/${encoded}/1.0.0`, { method: "DELETE", headers: authorized })
          )
          assert.strictEqual(refused.status, 409)
          const problem = Schema.decodeUnknownSync(InUseProblem)(yield* Effect.promise(() => refused.json()))
          assert.strictEqual(problem.status, 409)
          assert.include(problem.detail, `"Uses echo" (${graph.id} v1)`)
          assert.deepStrictEqual(problem.graphs, [{ id: graph.id, version: 1, name: "Uses echo" }])

          // Upgrading keeps the pinned version; once the graph is inactive it can go.
          const upgraded = yield* api.marketplace.upgrade({ params: { package: name }, payload: { version: "2.0.0" } })
          assert.deepStrictEqual(upgraded, {
            installed: "2.0.0",
            removed: [],
            kept: [{ version: "1.0.0", graphs: [{ id: graph.id, version: 1, name: "Uses echo" }] }]
          })
          // Both versions side by side, in one graph: each node runs the version it pinned.
          const bothBlocks = (yield* api.blocks.list()).filter((b) => b.id === "echo").map((b) => b.packageVersion)
          assert.sameMembers([...bothBlocks], ["1.0.0", "2.0.0"])
          const both = yield* api.graphs.create({
            payload: Schema.decodeUnknownSync(GraphFile)({
              name: "Both echoes",
              nodes: [
                { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "text" } },
                { id: "one", block: { package: name, version: "1.0.0", id: "echo" }, inputDefault: {} },
                { id: "two", block: { package: name, version: "2.0.0", id: "echo" }, inputDefault: {} },
                { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "echoed" } }
              ],
              links: [
                { sourceId: "in", sourceName: "result", sinkId: "one", sinkName: "text" },
                { sourceId: "one", sourceName: "text", sinkId: "two", sinkName: "text" },
                { sourceId: "two", sourceName: "text", sinkId: "out", sinkName: "value" }
              ]
            })
          })
          const bothRun = yield* api.executions.start({
            payload: { graphId: both.id, inputs: { text: "hi" } },
            query: { wait: 60 },
            headers: {}
          })
          assert.deepStrictEqual("outputs" in bothRun ? bothRun.outputs : undefined, { echoed: ["hi@1.0.0@2.0.0"] })
          yield* api.graphs.delete({ params: { graphId: both.id } })

          yield* sql`update graphs set is_active = false where id = ${graph.id}`
          yield* api.marketplace.uninstall({ params: { package: name, version: "1.0.0" } })
          assert.deepStrictEqual(
            (yield* api.marketplace.installs()).map((i) => i.version),
            ["2.0.0"]
          )
          const again = yield* api.marketplace
            .uninstall({ params: { package: name, version: "1.0.0" } })
            .pipe(Effect.flip)
          assert.strictEqual(again._tag, "NotFound")
          // Another user's workspace is their own.
          // Publish tokens: for admins (and WEFT_PLUGIN_PUBLISHERS) only; the token publishes with plain npm.
          const notAllowed = yield* api.marketplace.publishToken().pipe(Effect.flip)
          assert.strictEqual(notAllowed._tag, "Forbidden")
          const admin = yield* client(url, { bearer: yield* signToken({ sub: "maintainer", admin: true }) })
          const issued = yield* admin.marketplace.publishToken()
          assert.strictEqual(issued.registryUrl, registry.url)
          const dir = yield* tempDir("weft-pub-")
          yield* Effect.promise(() => writePluginPackage(dir, { name, version: "3.0.0", source: echoSource("3.0.0") }))
          yield* npmPublish(dir, registry.url, issued.token)
          const packument = yield* Effect.promise(() =>
            fetch(`${registry.url}/${encoded}`).then((r) => r.json() as Promise<{ versions: Record<string, unknown> }>)
          )
          assert.includeMembers(Object.keys(packument.versions), ["3.0.0"])
          assert.deepStrictEqual(yield* stranger.marketplace.installs(), [])
        }).pipe(Effect.provide(gateway))
      }).pipe(Effect.scoped),
    180_000
  )
})
