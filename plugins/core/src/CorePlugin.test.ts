/** `@weft/blocks-core` as users get it: built, `npm publish`ed to a registry, installed, run in the sandbox. */
import { assert, describe, it } from "@effect/vitest"
import { loadPlugin } from "@weft/plugin-host"
import { buildPluginPackage } from "@weft/plugin-host/testing"
import { installPackage } from "@weft/registry"
import { npmPublish, testRegistry } from "@weft/registry/testing"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect } from "effect"
import * as NodePath from "node:path"

describe("@weft/blocks-core as a published plugin", () => {
  it.live(
    "publishes, installs and runs its blocks in a sandbox",
    () =>
      Effect.gen(function* () {
        const registry = yield* testRegistry
        const built = yield* buildPluginPackage(NodePath.resolve(import.meta.dirname, ".."))
        yield* npmPublish(built, registry.url, registry.token)
        const installed = yield* installPackage({
          registryUrl: registry.url,
          cacheDir: NodePath.join(registry.dataDir, "plugins"),
          name: "@weft/blocks-core",
          version: "0.1.0"
        })
        const plugin = yield* loadPlugin(installed.directory)
        assert.deepStrictEqual(plugin.blocks.map((b) => b.id).sort(), [
          "ChangeCase",
          "GetPath",
          "JoinText",
          "JsonParse",
          "JsonStringify",
          "RegexMatch",
          "RegexReplace",
          "SetPath",
          "SplitText"
        ])
        const block = (id: string) => plugin.blocks.find((b) => b.id === id)!
        assert.deepStrictEqual(
          yield* BlockTestKit.runBlockByPin(block("ChangeCase"), { text: "Plugin Blocks", to: "kebab" }),
          {
            result: ["plugin-blocks"]
          }
        )
        assert.deepStrictEqual(
          yield* BlockTestKit.runBlockByPin(block("GetPath"), { value: { a: { b: [7] } }, path: "a.b.0" }),
          {
            result: [7]
          }
        )
      }).pipe(Effect.scoped),
    120_000
  )
})
