import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer } from "effect"
import * as NodeFs from "node:fs"
import * as NodePath from "node:path"
import { RegistryConfig, layer } from "./RegistryConfig.ts"
import { tempDir } from "./testing/TestRegistry.ts"

const withEnv = (env: Record<string, string>) =>
  Layer.provide(layer, ConfigProvider.layer(ConfigProvider.fromUnknown(env)))

describe("Registry.layer", () => {
  it.live(
    "starts the embedded registry under WEFT_DATA_DIR when WEFT_REGISTRY_URL is unset, and stops it with the scope",
    () =>
      Effect.gen(function* () {
        const dataDir = yield* tempDir("weft-data-")
        const url = yield* Effect.scoped(
          Effect.gen(function* () {
            const config = yield* RegistryConfig
            assert.match(config.url, /^http:\/\/127\.0\.0\.1:\d+$/)
            assert.strictEqual(config.embeddedDirectory, NodePath.join(dataDir, "registry"))
            assert.strictEqual(config.cacheDir, NodePath.join(dataDir, "plugins"))
            assert.isTrue(NodeFs.existsSync(NodePath.join(dataDir, "registry", "config.yaml")))
            const ping = yield* Effect.promise(() => fetch(`${config.url}/-/ping`))
            assert.strictEqual(ping.status, 200)
            return config.url
          }).pipe(Effect.provide(withEnv({ WEFT_DATA_DIR: dataDir })))
        )
        const after = yield* Effect.promise(() =>
          fetch(`${url}/-/ping`).then(
            (r) => r.status,
            () => "closed"
          )
        )
        assert.strictEqual(after, "closed")
      }).pipe(Effect.scoped),
    60_000
  )

  it.live("uses WEFT_REGISTRY_URL as given, starting nothing", () =>
    Effect.gen(function* () {
      const dataDir = yield* tempDir("weft-data-")
      const config = yield* RegistryConfig.pipe(
        Effect.provide(withEnv({ WEFT_DATA_DIR: dataDir, WEFT_REGISTRY_URL: "https://npm.example.com/weft/" }))
      )
      assert.deepStrictEqual(config, {
        url: "https://npm.example.com/weft",
        cacheDir: NodePath.join(dataDir, "plugins")
      })
      assert.isFalse(NodeFs.existsSync(NodePath.join(dataDir, "registry")))
    }).pipe(Effect.scoped)
  )
})
