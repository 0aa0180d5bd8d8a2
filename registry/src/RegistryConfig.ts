/**
 * Which registry this process talks to and where it caches installed plugins. `WEFT_REGISTRY_URL` names an
 * external npm-compatible registry; without it `Registry.layer` starts the embedded Verdaccio under
 * `<WEFT_DATA_DIR>/registry` on 127.0.0.1 (a free port) for the layer's lifetime. Installed plugins are cached
 * under `<WEFT_DATA_DIR>/plugins` either way.
 */
import { dataDirConfig } from "@weft/runtime"
import { Config, Context, Effect, Layer, Option } from "effect"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import type { RegistryError } from "./EmbeddedVerdaccio.ts"
import { listenForPublishes, type PublishNotifications } from "./PublishNotifications.ts"
import { startRegistryProcess } from "./RegistryProcess.ts"

export interface RegistryConnection {
  /** Base URL, no trailing slash. */
  readonly url: string
  /** Content-addressed cache of unpacked plugin versions (`installPackage`'s `cacheDir`). */
  readonly cacheDir: string
  /** The embedded registry's folder (config, htpasswd, storage), absent for an external one. */
  readonly embeddedDirectory?: string
  /** Publishes as they happen, for a registry that reports them (the embedded one). */
  readonly notifications?: PublishNotifications
}

export class RegistryConfig extends Context.Service<RegistryConfig, RegistryConnection>()(
  "weft/registry/RegistryConfig"
) {}

export const registryUrlConfig: Config.Config<Option.Option<string>> = Config.option(Config.String("WEFT_REGISTRY_URL"))

/** The external registry of `WEFT_REGISTRY_URL`, or the embedded one started for the layer's lifetime. */
export const layer: Layer.Layer<RegistryConfig, RegistryError | Config.ConfigError> = Layer.effect(
  RegistryConfig,
  Effect.gen(function* () {
    const dataDir = yield* dataDirConfig
    const external = yield* registryUrlConfig
    const cacheDir = NodePath.join(dataDir, "plugins")
    // Sandboxes may run as another user: the cache must be traversable by it.
    yield* Effect.promise(() => NodeFs.mkdir(cacheDir, { recursive: true, mode: 0o755 }))
    if (Option.isSome(external)) return RegistryConfig.of({ url: external.value.replace(/\/+$/, ""), cacheDir })
    const notifications = yield* listenForPublishes()
    const running = yield* startRegistryProcess({ dataDir, notify: notifications.endpoint })
    return RegistryConfig.of({ url: running.url, cacheDir, embeddedDirectory: running.directory, notifications })
  })
)

/** A fixed connection (tests, or a caller that started the registry itself). */
export const layerWith = (connection: RegistryConnection): Layer.Layer<RegistryConfig> =>
  Layer.succeed(RegistryConfig, connection)
