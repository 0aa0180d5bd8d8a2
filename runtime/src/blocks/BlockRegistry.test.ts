import { assert, describe, it } from "@effect/vitest"
import { Block } from "@weft/block-sdk"
import { Effect, Layer, Schema, Stream } from "effect"
import { BlockRegistry, type PackageRef, PluginUnavailable, UnknownBlockError } from "./BlockRegistry.ts"
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
      assert.strictEqual((yield* registry.list()).length, builtinBlocks.length)
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
      assert.strictEqual(
        plugin.message,
        'Unknown block of package @acme/text "Shout" version 1.0.0 (no plugin registry is configured)'
      )
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
      const listed = yield* registry.list()
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
        (yield* registry.list()).map((entry) => entry.block.id),
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

describe("BlockRegistry with a loader", () => {
  /** A loader over a fixed catalogue that counts its calls; `broken` versions fail. */
  const loaderOver = (versions: ReadonlyArray<string>, broken: ReadonlyArray<string> = []) => {
    const calls: Array<string> = []
    const load = (pkg: PackageRef) =>
      Effect.suspend(() => {
        calls.push(`${pkg.package}@${pkg.version}`)
        if (broken.includes(pkg.version)) {
          return Effect.fail(new PluginUnavailable({ ...pkg, message: "registry unreachable" }))
        }
        return versions.includes(pkg.version)
          ? Effect.succeed({ ...pkg, blocks: [pluginBlock(pkg.version)] })
          : Effect.fail(new PluginUnavailable({ ...pkg, message: "no such version" }))
      })
    return { calls, load }
  }
  const shout = (version: string) => ({ id: "Shout", package: "@acme/text", version })

  it.effect("loads a pinned version on first use, once, and resolves it synchronously afterwards", () =>
    Effect.gen(function* () {
      const { calls, load } = loaderOver(["1.0.0", "1.1.0"])
      const registry = BlockRegistry.make({ builtins: builtinBlocks, load })
      assert.isUndefined(registry.resolveSync(shout("1.1.0")))
      const [a, b] = yield* Effect.all([registry.resolve(shout("1.1.0")), registry.resolve(shout("1.1.0"))], {
        concurrency: "unbounded"
      })
      assert.strictEqual(a, b)
      assert.strictEqual(a.version, "1.1.0")
      assert.deepStrictEqual(calls, ["@acme/text@1.1.0"])
      assert.strictEqual(registry.resolveSync(shout("1.1.0")), a)
    })
  )

  it.effect("ensure loads every pinned version a graph names and leaves out what cannot load", () =>
    Effect.gen(function* () {
      const { calls, load } = loaderOver(["1.0.0", "1.1.0"])
      const registry = BlockRegistry.make({ builtins: builtinBlocks, load })
      yield* registry.ensure([shout("1.0.0"), shout("1.0.0"), shout("1.1.0"), shout("9.9.9"), { id: "Calculator" }])
      assert.deepStrictEqual(calls, ["@acme/text@1.0.0", "@acme/text@1.1.0", "@acme/text@9.9.9"])
      assert.strictEqual(registry.resolveSync(shout("1.0.0"))?.version, "1.0.0")
      assert.isUndefined(registry.resolveSync(shout("9.9.9")))
      // Two versions loaded: a ref without version is ambiguous.
      assert.isUndefined(registry.resolveSync({ id: "Shout", package: "@acme/text" }))
    })
  )

  it.effect("a failed load is reported with its reason and tried again on the next use", () =>
    Effect.gen(function* () {
      const broken = ["2.0.0"]
      const { calls, load } = loaderOver(["2.0.0"], broken)
      const registry = BlockRegistry.make({ builtins: builtinBlocks, load })
      const error = yield* Effect.flip(registry.resolve(shout("2.0.0")))
      assert.strictEqual(
        error.message,
        'Unknown block of package @acme/text "Shout" version 2.0.0 (registry unreachable)'
      )
      broken.pop()
      assert.strictEqual((yield* registry.resolve(shout("2.0.0"))).version, "2.0.0")
      assert.deepStrictEqual(calls, ["@acme/text@2.0.0", "@acme/text@2.0.0"])
    })
  )

  it.effect("refuses a loaded package that is not the version asked for", () =>
    Effect.gen(function* () {
      const registry = BlockRegistry.make({
        builtins: builtinBlocks,
        load: (pkg) => Effect.succeed({ ...pkg, version: "6.6.6", blocks: [pluginBlock("6.6.6")] })
      })
      const error = yield* Effect.flip(registry.resolve(shout("1.0.0")))
      assert.strictEqual(error.reason, "the registry served @acme/text@6.6.6")
      assert.isUndefined(registry.resolveSync(shout("6.6.6")))
    })
  )

  it.effect("lists the built-ins and the blocks of the packages asked for, loading them", () =>
    Effect.gen(function* () {
      const { load } = loaderOver(["1.0.0", "1.1.0"])
      const registry = BlockRegistry.make({ builtins: builtinBlocks, load })
      yield* registry.ensure([shout("1.1.0")])
      const listed = yield* registry.list([{ package: "@acme/text", version: "1.0.0" }])
      assert.deepStrictEqual(
        listed.filter((entry) => entry.package !== undefined).map((entry) => entry.packageVersion),
        ["1.0.0"]
      )
      assert.strictEqual(listed.length, builtinBlocks.length + 1)
      assert.strictEqual((yield* registry.list()).length, builtinBlocks.length + 2)
    })
  )

  it.effect("without a loader, an unloaded plugin version is unknown", () =>
    Effect.gen(function* () {
      const registry = BlockRegistry.make({ builtins: builtinBlocks })
      const error = yield* Effect.flip(registry.resolve(shout("1.0.0")))
      assert.strictEqual(error.reason, "no plugin registry is configured")
    })
  )
})
