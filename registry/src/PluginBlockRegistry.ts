/**
 * A `BlockRegistry` with the built-ins that loads plugin versions on first use: the version is installed into
 * the local cache (fetched from the registry, integrity verified, unpacked safely) and started in its sandbox
 * pool, which lives as long as the layer. So a graph pinned to a version runs on any runner, and a version
 * installed after the runner started is found without a restart. A version that cannot load fails the nodes that
 * use it with the reason, and is tried again on its next use.
 */
import { loadPlugin, type PluginSandboxOptions } from "@weft/plugin-host"
import {
  BlockRegistry,
  type BlockRegistryOptions,
  builtinBlocks,
  type PackageRef,
  type PluginBlocks,
  PluginUnavailable
} from "@weft/runtime"
import { Effect, Exit, Layer, Scope } from "effect"
import { installPackage } from "./PackageInstaller.ts"
import { RegistryConfig } from "./RegistryConfig.ts"

export interface PluginRegistryOptions {
  readonly builtins?: BlockRegistryOptions["builtins"]
  readonly sandbox?: PluginSandboxOptions & { readonly timeLimitMs?: number }
}

export const pluginRegistryLayer = (
  options: PluginRegistryOptions = {}
): Layer.Layer<BlockRegistry, never, RegistryConfig> =>
  Layer.effect(
    BlockRegistry,
    Effect.gen(function* () {
      const config = yield* RegistryConfig
      const layerScope = yield* Effect.scope

      const load = (pkg: PackageRef): Effect.Effect<PluginBlocks, PluginUnavailable> =>
        Effect.gen(function* () {
          // Each version's sandbox pool gets its own scope, so a version that fails half-way leaves nothing running.
          const scope = yield* Scope.fork(layerScope)
          const loaded = yield* installPackage({
            registryUrl: config.url,
            cacheDir: config.cacheDir,
            name: pkg.package,
            version: pkg.version
          }).pipe(
            Effect.flatMap((installed) => loadPlugin(installed.directory, options.sandbox ?? {})),
            Scope.provide(scope),
            Effect.onExit((exit) => (Exit.isFailure(exit) ? Scope.close(scope, exit) : Effect.void))
          )
          yield* Effect.logInfo(`plugin ${loaded.package}@${loaded.version} loaded (${loaded.blocks.length} blocks)`)
          return { package: loaded.package, version: loaded.version, blocks: loaded.blocks }
        }).pipe(
          Effect.mapError((error) => new PluginUnavailable({ ...pkg, message: error.message })),
          Effect.withSpan("PluginBlockRegistry.load", { attributes: { package: pkg.package, version: pkg.version } })
        )

      return BlockRegistry.make({ builtins: options.builtins ?? builtinBlocks, load })
    })
  )
