import { assert, describe, it } from "@effect/vitest"
import { Block } from "@weft/block-sdk"
import { Effect, Layer, Schema, Stream } from "effect"
import { BlockRegistry, UnknownBlockError } from "./BlockRegistry.ts"
import { builtinBlocks } from "./BuiltinBlocks.ts"

const pluginBlock = (version: string) =>
  Block.make({
    id: "Shout",
    version,
    name: "Shout",
    description: "",
    categories: ["text"],
    input: { text: Schema.String },
    output: { output: Schema.String },
    run: (input) => Stream.make({ pin: "output", value: input.text.toUpperCase() })
  })

const withPlugins = BlockRegistry.layerWith({
  plugins: [
    { package: "@acme/text", version: "1.0.0", blocks: [pluginBlock("1.0.0")] },
    { package: "@acme/text", version: "1.1.0", blocks: [pluginBlock("1.1.0")] },
    { package: "@acme/solo", version: "2.0.0", blocks: [pluginBlock("2.0.0")] }
  ]
})

describe("BlockRegistry.layer", () => {
  it.effect("resolves every built-in by id, with or without its exact version", () =>
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      for (const block of builtinBlocks) {
        assert.strictEqual(yield* registry.resolve({ id: block.id }), block)
        assert.strictEqual(yield* registry.resolve({ id: block.id, version: "1.0.0" }), block)
        assert.strictEqual(registry.resolveSync({ id: block.id }), block)
      }
      assert.strictEqual((yield* registry.list).length, builtinBlocks.length)
    }).pipe(Effect.provide(BlockRegistry.layer))
  )

  it.effect("fails with UnknownBlockError for an unknown id or another version", () =>
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      const unknown = yield* Effect.flip(registry.resolve({ id: "Nope" }))
      assert.instanceOf(unknown, UnknownBlockError)
      assert.strictEqual(unknown.blockId, "Nope")
      assert.strictEqual(unknown.message, 'Unknown built-in block "Nope"')
      const wrongVersion = yield* Effect.flip(registry.resolve({ id: "Calculator", version: "2.0.0" }))
      assert.strictEqual(wrongVersion.version, "2.0.0")
      assert.strictEqual(wrongVersion.message, 'Unknown built-in block "Calculator" version 2.0.0')
      assert.isUndefined(registry.resolveSync({ id: "Calculator", version: "2.0.0" }))
      const plugin = yield* Effect.flip(registry.resolve({ id: "Shout", package: "@acme/text", version: "1.0.0" }))
      assert.strictEqual(plugin.message, 'Unknown block of package @acme/text "Shout" version 1.0.0')
    }).pipe(Effect.provide(BlockRegistry.layer))
  )
})

describe("BlockRegistry.layerWith", () => {
  it.effect("keeps the built-ins and resolves plugin blocks by package and version", () =>
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      assert.strictEqual((yield* registry.resolve({ id: "Calculator" })).id, "Calculator")
      const v10 = yield* registry.resolve({ id: "Shout", package: "@acme/text", version: "1.0.0" })
      const v11 = yield* registry.resolve({ id: "Shout", package: "@acme/text", version: "1.1.0" })
      assert.strictEqual(v10.version, "1.0.0")
      assert.strictEqual(v11.version, "1.1.0")
      const listed = yield* registry.list
      assert.strictEqual(listed.length, builtinBlocks.length + 3)
      assert.deepStrictEqual(
        listed
          .filter((entry) => entry.package !== undefined)
          .map((entry) => `${entry.package}@${entry.packageVersion}`),
        ["@acme/text@1.0.0", "@acme/text@1.1.0", "@acme/solo@2.0.0"]
      )
    }).pipe(Effect.provide(withPlugins))
  )

  it.effect("a plugin ref without version resolves only when one version is registered", () =>
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      assert.strictEqual(registry.resolveSync({ id: "Shout", package: "@acme/solo" })?.version, "2.0.0")
      assert.isUndefined(registry.resolveSync({ id: "Shout", package: "@acme/text" }))
      assert.isUndefined(registry.resolveSync({ id: "Shout" }), "a plugin block is not a built-in")
      assert.isUndefined(registry.resolveSync({ id: "Calculator", package: "@acme/text", version: "1.0.0" }))
    }).pipe(Effect.provide(withPlugins))
  )

  it.effect("can replace the built-ins", () =>
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      assert.deepStrictEqual(
        (yield* registry.list).map((entry) => entry.block.id),
        ["Shout"]
      )
    }).pipe(Effect.provide(BlockRegistry.layerWith({ builtins: [pluginBlock("1.0.0")] })))
  )

  it.effect("refuses a block registered twice", () =>
    Effect.gen(function* () {
      const layer = BlockRegistry.layerWith({ builtins: [pluginBlock("1.0.0"), pluginBlock("1.0.0")] })
      const exit = yield* Effect.exit(Layer.build(layer).pipe(Effect.scoped))
      assert.isTrue(exit._tag === "Failure")
    })
  )
})
