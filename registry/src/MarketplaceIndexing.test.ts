import { assert, describe, it } from "@effect/vitest"
import { TestDatabase } from "@weft/runtime"
import { echoSource, writePluginPackage } from "@weft/plugin-host/testing"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import * as NodePath from "node:path"
import { Marketplace } from "./Marketplace.ts"
import * as MarketplaceIndexing from "./MarketplaceIndexing.ts"
import { listenForPublishes, noticeVersion, type PublishNotice } from "./PublishNotifications.ts"
import { layerWith } from "./RegistryConfig.ts"
import * as RegistryMigrations from "./RegistryMigrations.ts"
import { npmPublish, tempDir, testRegistryWith } from "./testing/TestRegistry.ts"

const publishEcho = (registry: { readonly url: string; readonly token: string }, version: string) =>
  Effect.gen(function* () {
    const dir = yield* tempDir("weft-pub-")
    yield* Effect.promise(() => writePluginPackage(dir, { name: "@acme/echo", version, source: echoSource(version) }))
    yield* npmPublish(dir, registry.url, registry.token)
  }).pipe(Effect.scoped)

const post = (url: string, body: string, authorization: string) =>
  Effect.promise(() =>
    fetch(url, { method: "POST", body, headers: { authorization, "content-type": "application/json" } }).then(
      (response) => response.status
    )
  )

describe("noticeVersion", () => {
  it("reads the version of scoped and plain names, and none of a whole-package notice", () => {
    assert.strictEqual(noticeVersion({ name: "@a/b", package: "@a/b@1.2.3", type: "publish" }), "1.2.3")
    assert.strictEqual(noticeVersion({ name: "b", package: "b@0.1.0-rc.1", type: "publish" }), "0.1.0-rc.1")
    assert.isUndefined(noticeVersion({ name: "@a/b", package: "@a/b", type: "unpublish" }))
    assert.isUndefined(noticeVersion({ name: "b", package: "c@1.0.0", type: "publish" }))
  })
})

describe("the marketplace index follows the registry's publishes", () => {
  it.live(
    "a version is searchable when npm publish returns; forged notices are refused; rebuilds drop what is gone",
    () =>
      Effect.gen(function* () {
        const notifications = yield* listenForPublishes()
        const seen: Array<PublishNotice> = []
        yield* notifications.subscribe((notice) => Effect.sync(() => seen.push(notice)))
        const registry = yield* testRegistryWith({ notify: notifications.endpoint })

        // Only Verdaccio, holding the per-start secret, may notify; and only with a well-formed notice.
        const forged = JSON.stringify({ name: "x", package: "x@1.0.0", type: "publish" })
        assert.strictEqual(yield* post(notifications.endpoint.url, forged, "Bearer not-the-secret"), 403)
        assert.strictEqual(yield* post(notifications.endpoint.url, forged, ""), 403)
        const bearer = `Bearer ${notifications.endpoint.token}`
        assert.strictEqual(yield* post(notifications.endpoint.url, "{not json", bearer), 400)
        assert.deepStrictEqual(seen, [])

        const services = MarketplaceIndexing.layer.pipe(
          Layer.provideMerge(Marketplace.layer),
          Layer.provideMerge(
            layerWith({
              url: registry.url,
              cacheDir: NodePath.join(registry.dataDir, "plugins"),
              notifications
            })
          ),
          Layer.provideMerge(RegistryMigrations.layer),
          Layer.provideMerge(TestDatabase.layer)
        )
        yield* Effect.gen(function* () {
          const marketplace = yield* Marketplace
          const sql = yield* SqlClient.SqlClient
          yield* publishEcho(registry, "1.0.0")
          assert.deepStrictEqual(seen, [{ name: "@acme/echo", package: "@acme/echo@1.0.0", type: "publish" }])
          const detail = yield* marketplace.detail("@acme/echo")
          assert.deepStrictEqual(
            detail.versions.map((v) => v.version),
            ["1.0.0"]
          )
          assert.match(JSON.stringify(detail.versions[0]?.blocks), /"id":"echo"/)

          yield* publishEcho(registry, "1.1.0")
          assert.strictEqual((yield* marketplace.detail("@acme/echo")).latest_version, "1.1.0")

          // A package the registry no longer has leaves the index on the next rebuild; the rest stays.
          yield* sql`insert into marketplace_packages (name, latest_version) values ('ghost', '1.0.0')`
          assert.strictEqual(yield* marketplace.rebuild(registry.url), 2)
          const ghost = yield* marketplace.detail("ghost").pipe(Effect.flip)
          assert.strictEqual(ghost.reason, "NotFound")
          assert.deepStrictEqual(
            (yield* marketplace.detail("@acme/echo")).versions.map((v) => v.version),
            ["1.1.0", "1.0.0"]
          )
        }).pipe(Effect.provide(services))
      }).pipe(Effect.scoped),
    180_000
  )
})
