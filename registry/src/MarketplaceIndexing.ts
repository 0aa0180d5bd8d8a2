/**
 * Keeps the marketplace index in step with the registry for the layer's lifetime: a rebuild when it starts (in
 * the background: the API serves meanwhile), then every publish as the registry reports it (the embedded one
 * does, PublishNotifications), and for a registry that reports nothing a rebuild every
 * `WEFT_REGISTRY_REINDEX_SECONDS` (default 300; 0 turns it off). Rebuilds are cheap when little changed: known
 * versions are not loaded again.
 */
import { Config, Effect, Layer, Schedule, Semaphore } from "effect"
import { Marketplace } from "./Marketplace.ts"
import { noticeVersion, type PublishNotice } from "./PublishNotifications.ts"
import { RegistryConfig } from "./RegistryConfig.ts"

export const reindexSecondsConfig = Config.Number("WEFT_REGISTRY_REINDEX_SECONDS").pipe(Config.withDefault(300))

export const layer: Layer.Layer<never, Config.ConfigError, Marketplace | RegistryConfig> = Layer.effectDiscard(
  Effect.gen(function* () {
    const marketplace = yield* Marketplace
    const registry = yield* RegistryConfig
    const reindexSeconds = yield* reindexSecondsConfig

    const rebuild = marketplace.rebuild(registry.url).pipe(
      Effect.tap((versions) => Effect.logInfo(`marketplace index: ${versions} plugin versions from ${registry.url}`)),
      Effect.catch((error) => Effect.logWarning("marketplace index rebuild failed", error.message)),
      Effect.asVoid
    )
    // One index writer at a time: a publish arriving during a rebuild waits for it rather than racing it.
    const exclusive = yield* Semaphore.make(1)
    const onNotice = (notice: PublishNotice): Effect.Effect<void> => {
      const version = noticeVersion(notice)
      const work =
        notice.type === "publish" && version !== undefined
          ? marketplace.indexVersion(registry.url, notice.name, version).pipe(
              Effect.tap(() => Effect.logInfo(`marketplace index: ${notice.package} published`)),
              Effect.catch((error) => Effect.logWarning(`marketplace index of ${notice.package} failed`, error.message))
            )
          : rebuild
      return exclusive.withPermit(work)
    }

    if (registry.notifications !== undefined) yield* registry.notifications.subscribe(onNotice)
    const periodic = registry.notifications === undefined && reindexSeconds > 0
    yield* Effect.forkScoped(
      periodic
        ? Effect.repeat(exclusive.withPermit(rebuild), Schedule.spaced(`${reindexSeconds} seconds`))
        : exclusive.withPermit(rebuild)
    )
  })
)
