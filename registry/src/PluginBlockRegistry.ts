/**
 * A `BlockRegistry` with the built-ins plus every plugin version any user installed: each is installed into
 * the local cache (verified) and loaded into its sandbox pool, kept for the layer's lifetime. The set is read
 * once, at start: a version installed later needs a runner restart before runs on this runner can use it
 * (the runtime's `BlockRegistry` resolves synchronously over a fixed set; making it dynamic is the next step).
 * A version that no longer loads is logged and skipped, so one broken plugin does not stop a runner.
 */
import { loadPlugin, type PluginSandboxOptions } from "@weft/plugin-host"
import { BlockRegistry, type BlockRegistryOptions, builtinBlocks, type PluginBlocks } from "@weft/runtime"
import { Effect, Layer } from "effect"
import { installPackage } from "./PackageInstaller.ts"
import { PluginInstalls } from "./PluginInstalls.ts"
import { RegistryConfig } from "./RegistryConfig.ts"

export interface PluginRegistryOptions {
  readonly builtins?: BlockRegistryOptions["builtins"]
  readonly sandbox?: PluginSandboxOptions & { readonly timeLimitMs?: number }
}

export const pluginRegistryLayer = (
  options: PluginRegistryOptions = {}
): Layer.Layer<BlockRegistry, never, PluginInstalls | RegistryConfig> =>
  Layer.effect(
    BlockRegistry,
    Effect.gen(function* () {
      const installs = yield* PluginInstalls
      const config = yield* RegistryConfig
      const wanted = yield* installs.allInstalled.pipe(
        Effect.catch((error) => Effect.logError("cannot list installed plugins", error).pipe(Effect.as([])))
      )
      const plugins: Array<PluginBlocks> = []
      for (const { package: name, version } of wanted) {
        const loaded = yield* installPackage({
          registryUrl: config.url,
          cacheDir: config.cacheDir,
          name,
          version
        }).pipe(
          Effect.flatMap((installed) => loadPlugin(installed.directory, options.sandbox ?? {})),
          Effect.map((plugin): PluginBlocks | undefined => plugin),
          Effect.catch((error) =>
            Effect.logError(`plugin ${name}@${version} not loaded: ${error.message}`).pipe(Effect.as(undefined))
          )
        )
        if (loaded !== undefined)
          plugins.push({ package: loaded.package, version: loaded.version, blocks: loaded.blocks })
      }
      return BlockRegistry.make({ builtins: options.builtins ?? builtinBlocks, plugins })
    })
  )
