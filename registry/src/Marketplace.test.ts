import { assert, describe, it } from "@effect/vitest"
import { BlockRegistry, TestDatabase } from "@weft/runtime"
import { writePluginPackage, echoSource } from "@weft/plugin-host/testing"
import { Cause, Effect, Exit, Layer } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { Marketplace } from "./Marketplace.ts"
import { pluginRegistryLayer } from "./PluginBlockRegistry.ts"
import { PluginInstalls } from "./PluginInstalls.ts"
import { layerWith } from "./RegistryConfig.ts"
import * as RegistryMigrations from "./RegistryMigrations.ts"
import { npmPublish, tempDir, testRegistry } from "./testing/TestRegistry.ts"

interface Published {
  readonly name: string
  readonly version: string
  readonly description: string
  readonly keywords: ReadonlyArray<string>
  readonly readme: string
}

/** Writes a plugin package with the echo blocks and the given metadata, and `npm publish`es it. */
const publish = (registry: { readonly url: string; readonly token: string }, p: Published) =>
  Effect.gen(function* () {
    const dir = yield* tempDir("weft-pub-")
    yield* Effect.promise(async () => {
      await writePluginPackage(dir, { name: p.name, version: p.version, source: echoSource(p.version) })
      const pkgPath = NodePath.join(dir, "package.json")
      const pkg = JSON.parse(await NodeFs.readFile(pkgPath, "utf8"))
      await NodeFs.writeFile(pkgPath, JSON.stringify({ ...pkg, description: p.description, keywords: p.keywords }))
      await NodeFs.writeFile(NodePath.join(dir, "README.md"), p.readme)
    })
    yield* npmPublish(dir, registry.url, registry.token)
  }).pipe(Effect.scoped)

const failure = <E>(exit: Exit.Exit<unknown, E>): E | undefined => {
  if (Exit.isSuccess(exit)) return undefined
  return exit.cause.reasons.find(Cause.isFailReason)?.error
}

const graphNodes = (version: string) =>
  JSON.stringify([{ id: "n1", block: { package: "@acme/echo", version, id: "echo" }, inputDefault: {}, metadata: {} }])

describe("Marketplace and PluginInstalls against PostgreSQL and a real Verdaccio", () => {
  it.live(
    "indexes published versions, ranks search, rebuilds from the registry, installs side by side and guards uninstall",
    () =>
      Effect.gen(function* () {
        const registry = yield* testRegistry
        const connection = { url: registry.url, cacheDir: NodePath.join(registry.dataDir, "plugins") }
        const packages: ReadonlyArray<Published> = [
          {
            name: "@acme/echo",
            version: "1.0.0",
            description: "Repeats text",
            keywords: ["text"],
            readme: "# Echo one"
          },
          {
            name: "@acme/echo",
            version: "2.0.0",
            description: "Repeats text loudly",
            keywords: ["text", "loud"],
            readme: "# Echo two"
          },
          {
            name: "parrot",
            version: "1.0.0",
            description: "Says things again",
            keywords: ["echo"],
            readme: "# Parrot"
          },
          {
            name: "mirror-tools",
            version: "0.1.0",
            description: "Mirror and echo helpers",
            keywords: ["mirror"],
            readme: "# Mirror"
          }
        ]
        for (const p of packages) yield* publish(registry, p)

        const services = PluginInstalls.layer.pipe(
          Layer.provideMerge(Marketplace.layer),
          Layer.provideMerge(layerWith(connection)),
          Layer.provideMerge(RegistryMigrations.layer),
          Layer.provideMerge(TestDatabase.layer)
        )

        yield* Effect.gen(function* () {
          const marketplace = yield* Marketplace
          const installs = yield* PluginInstalls
          const sql = yield* SqlClient.SqlClient

          for (const p of packages) yield* marketplace.indexVersion(registry.url, p.name, p.version)

          // Name match outranks a keyword match, which outranks a description match.
          const echo = yield* marketplace.search({ text: "echo", limit: 10 })
          assert.deepStrictEqual(
            echo.packages.map((p) => p.name),
            ["@acme/echo", "parrot", "mirror-tools"]
          )
          assert.isUndefined(echo.next)
          const page1 = yield* marketplace.search({ text: "echo", limit: 2 })
          assert.deepStrictEqual(
            page1.packages.map((p) => p.name),
            ["@acme/echo", "parrot"]
          )
          const page2 = yield* marketplace.search({
            text: "echo",
            limit: 2,
            ...(page1.next === undefined ? {} : { cursor: page1.next })
          })
          assert.deepStrictEqual(
            page2.packages.map((p) => p.name),
            ["mirror-tools"]
          )
          assert.deepStrictEqual(
            (yield* marketplace.search({ keyword: "LOUD", limit: 10 })).packages.map((p) => p.name),
            ["@acme/echo"]
          )
          assert.deepStrictEqual((yield* marketplace.search({ category: "test", limit: 10 })).packages.length, 3)
          assert.deepStrictEqual((yield* marketplace.search({ category: "nope", limit: 10 })).packages, [])
          // LIKE wildcards in the text are literal.
          assert.deepStrictEqual((yield* marketplace.search({ text: "%", limit: 10 })).packages, [])

          const detail = yield* marketplace.detail("@acme/echo")
          assert.strictEqual(detail.latest_version, "2.0.0")
          assert.strictEqual(detail.description, "Repeats text loudly")
          assert.match(detail.readme, /Echo two/)
          assert.deepStrictEqual(
            detail.versions.map((v) => v.version),
            ["2.0.0", "1.0.0"]
          )
          const blocks = detail.versions[0]?.blocks ?? []
          assert.strictEqual(blocks.length, 4)
          assert.deepInclude(JSON.stringify(blocks), `"id":"echo"`)
          assert.deepInclude(JSON.stringify(blocks), `"inputSchema":{`)
          assert.deepStrictEqual(detail.versions[0]?.permissions, { net: [], env: [], fs: "none" })
          assert.isTrue(
            detail.versions.every((v) => v.published_at instanceof Date && v.integrity.startsWith("sha512-"))
          )
          const missing = failure(yield* Effect.exit(marketplace.detail("nope")))
          assert.strictEqual(missing?.reason, "NotFound")

          // Rebuild from an empty index finds every version the registry holds.
          yield* sql`delete from marketplace_versions`
          yield* sql`delete from marketplace_packages`
          assert.strictEqual(yield* marketplace.rebuild(registry.url), 4)
          assert.deepStrictEqual(
            (yield* marketplace.search({ text: "echo", limit: 10 })).packages.map((p) => p.name),
            ["@acme/echo", "parrot", "mirror-tools"]
          )

          // Workspace installs: two versions side by side.
          yield* sql`insert into users (id, name) values ('u1', 'User One'), ('u2', 'User Two')`
          yield* installs.install("u1", "@acme/echo", "1.0.0")
          yield* installs.install("u1", "@acme/echo", "2.0.0")
          yield* installs.install("u1", "@acme/echo", "2.0.0")
          yield* installs.install("u2", "parrot", "1.0.0")
          assert.deepStrictEqual(
            (yield* installs.list("u1")).map((i) => `${i.package}@${i.version}`),
            ["@acme/echo@1.0.0", "@acme/echo@2.0.0"]
          )
          assert.strictEqual((yield* marketplace.detail("@acme/echo")).install_count, 2)
          const notThere = failure(yield* Effect.exit(installs.install("u1", "@acme/echo", "9.9.9")))
          assert.strictEqual(notThere?.reason, "NotFound")

          // An active graph pins 1.0.0: uninstall is refused with the graph named; an inactive one does not count.
          yield* sql`insert into graphs (id, version, owner_id, name, nodes, links, is_active) values
            ('g1', 1, 'u1', 'Uses echo one', ${graphNodes("1.0.0")}::jsonb, '[]'::jsonb, true),
            ('g2', 1, 'u1', 'Old draft', ${graphNodes("2.0.0")}::jsonb, '[]'::jsonb, false)`
          const refused = failure(yield* Effect.exit(installs.uninstall("u1", "@acme/echo", "1.0.0")))
          assert.strictEqual(refused?._tag, "PluginInUse")
          assert.match(refused?.message ?? "", /"Uses echo one" \(g1 v1\)/)

          // Upgrading to 2.0.0 keeps the pinned 1.0.0.
          const upgraded = yield* installs.upgrade("u1", "@acme/echo", "2.0.0")
          assert.deepStrictEqual(upgraded, {
            installed: "2.0.0",
            removed: [],
            kept: [{ version: "1.0.0", graphs: [{ id: "g1", version: 1, name: "Uses echo one" }] }]
          })
          yield* installs.uninstall("u1", "@acme/echo", "2.0.0")
          yield* sql`update graphs set is_active = false where id = 'g1'`
          yield* installs.uninstall("u1", "@acme/echo", "1.0.0")
          assert.deepStrictEqual(yield* installs.list("u1"), [])
          const twice = failure(yield* Effect.exit(installs.uninstall("u1", "@acme/echo", "1.0.0")))
          assert.strictEqual(twice?._tag === "PluginInstallError" ? twice.reason : undefined, "NotInstalled")

          // A runner loads a pinned version on first use, whoever installed it, and keeps it loaded.
          yield* Effect.gen(function* () {
            const blocks = yield* BlockRegistry
            const parrot = { package: "parrot", version: "1.0.0", id: "echo" }
            assert.isUndefined(blocks.resolveSync(parrot))
            assert.strictEqual((yield* blocks.resolve(parrot)).name, "Echo")
            assert.strictEqual(blocks.resolveSync(parrot)?.name, "Echo")
            const missing = yield* Effect.flip(blocks.resolve({ package: "parrot", version: "9.9.9", id: "echo" }))
            assert.include(missing.message, 'Unknown block of package parrot "echo" version 9.9.9 (')
            assert.isDefined(blocks.resolveSync({ id: "AgentInput" }))
          }).pipe(Effect.provide(pluginRegistryLayer()))
        }).pipe(Effect.provide(services))
      }).pipe(Effect.scoped),
    180_000
  )
})
