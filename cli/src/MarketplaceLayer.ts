/**
 * The gateway's `MarketplaceGateway` over the registry's `Marketplace` index and `PluginInstalls`. It lives in
 * the composition root because the gateway and the registry are siblings that must not import each other
 * (architecture.md "Parts and their dependencies"). Registry and store failures are logged in full and reach
 * the caller only as a 503 with a safe message.
 */
import {
  MarketplaceBlock,
  MarketplaceGateway,
  MarketplaceUnavailable,
  PackageNotFound,
  PluginInUse,
  PluginRejected,
  type InstalledPlugin,
  type MarketplaceDetail,
  type MarketplacePackage
} from "@weft/gateway"
import {
  Marketplace,
  type MarketplaceError,
  type PackageSummary,
  type PluginInstall,
  type PluginInstallError,
  issuePublishToken,
  MarketplaceIndexing,
  PluginInstalls,
  type PluginInUse as RegistryPluginInUse,
  RegistryConfig,
  RegistryMigrations
} from "@weft/registry"
import { Effect, Layer, Schema } from "effect"

const unavailable = (cause: { readonly message: string }): Effect.Effect<never, MarketplaceUnavailable> =>
  Effect.andThen(
    Effect.logError("plugin registry failure", cause.message),
    Effect.fail(
      new MarketplaceUnavailable({ message: "the plugin registry could not complete the request; retry later" })
    )
  )

const packageOf = (row: PackageSummary): MarketplacePackage => ({
  name: row.name,
  description: row.description,
  keywords: row.keywords,
  categories: row.categories,
  latestVersion: row.latest_version,
  installCount: row.install_count
})

const installOf = (row: PluginInstall): InstalledPlugin => ({
  package: row.package,
  version: row.version,
  installedAt: row.installedAt.toISOString()
})

const fromInstallError = (
  error: PluginInstallError
): Effect.Effect<never, PackageNotFound | PluginRejected | MarketplaceUnavailable> => {
  switch (error.reason) {
    case "NotFound":
    case "NotInstalled":
      return Effect.fail(
        new PackageNotFound({ package: error.package, version: error.version, message: error.message })
      )
    case "Integrity":
    case "Rejected":
      return Effect.fail(new PluginRejected({ package: error.package, version: error.version, message: error.message }))
    case "Registry":
    case "Store":
      return unavailable(error)
  }
}

/** Uninstalling fetches nothing, so a verification failure cannot happen there: anything but "not installed" is a 503. */
const fromUninstallError = (
  error: PluginInstallError
): Effect.Effect<never, PackageNotFound | MarketplaceUnavailable> =>
  error.reason === "NotInstalled" || error.reason === "NotFound"
    ? Effect.fail(new PackageNotFound({ package: error.package, version: error.version, message: error.message }))
    : unavailable(error)

const fromInUse = (error: RegistryPluginInUse): Effect.Effect<never, PluginInUse> =>
  Effect.fail(new PluginInUse({ package: error.package, version: error.version, graphs: error.graphs }))

const decodeBlocks = Schema.decodeUnknownEffect(Schema.Array(MarketplaceBlock))

/** Needs the registry's `Marketplace` and `PluginInstalls` (and so its migrations, config and database). */
export const marketplaceGatewayLayer: Layer.Layer<
  MarketplaceGateway,
  never,
  Marketplace | PluginInstalls | RegistryConfig
> = Layer.effect(
  MarketplaceGateway,
  Effect.gen(function* () {
    const marketplace = yield* Marketplace
    const installs = yield* PluginInstalls
    const registry = yield* RegistryConfig
    const fromMarketplaceError =
      (name: string) =>
      (error: MarketplaceError): Effect.Effect<never, PackageNotFound | MarketplaceUnavailable> =>
        error.reason === "NotFound"
          ? Effect.fail(new PackageNotFound({ package: name, message: error.message }))
          : unavailable(error)

    return MarketplaceGateway.of({
      search: (query) =>
        marketplace.search(query).pipe(
          Effect.map((result) => ({
            packages: result.packages.map(packageOf),
            ...(result.next === undefined ? {} : { next: result.next })
          })),
          Effect.catch(unavailable)
        ),
      detail: (name) =>
        marketplace.detail(name).pipe(
          Effect.catch(fromMarketplaceError(name)),
          Effect.flatMap((detail) =>
            Effect.forEach(detail.versions, (version) =>
              decodeBlocks(version.blocks).pipe(
                Effect.catch(unavailable),
                Effect.map((blocks) => ({
                  version: version.version,
                  description: version.description,
                  blocks,
                  permissions: version.permissions,
                  integrity: version.integrity,
                  publishedAt: version.published_at === null ? null : version.published_at.toISOString(),
                  deprecated: version.deprecated
                }))
              )
            ).pipe(
              Effect.map((versions): MarketplaceDetail => ({ ...packageOf(detail), readme: detail.readme, versions }))
            )
          )
        ),
      install: (userId, name, version) =>
        installs.install(userId, name, version).pipe(Effect.map(installOf), Effect.catch(fromInstallError)),
      upgrade: (userId, name, version) =>
        installs.upgrade(userId, name, version).pipe(
          Effect.map((outcome) => ({
            installed: outcome.installed,
            removed: outcome.removed,
            kept: outcome.kept.map((k) => ({ version: k.version, graphs: k.graphs }))
          })),
          Effect.catch(fromInstallError)
        ),
      uninstall: (userId, name, version) =>
        installs
          .uninstall(userId, name, version)
          .pipe(Effect.catchTags({ PluginInstallError: fromUninstallError, PluginInUse: fromInUse })),
      list: (userId) =>
        installs.list(userId).pipe(
          Effect.map((rows) => rows.map(installOf)),
          Effect.catch(unavailable)
        ),
      publishToken: (userId) =>
        issuePublishToken(registry, userId).pipe(
          Effect.map((token) => ({ registryUrl: registry.url, token })),
          Effect.catch((error) =>
            error.reason === "Auth"
              ? Effect.fail(new MarketplaceUnavailable({ message: error.message }))
              : unavailable(error)
          )
        )
    })
  })
)

/**
 * `MarketplaceGateway` over the registry in `RegistryConfig` and the database in context: applies the registry's
 * migrations (after the runtime's), and keeps the index in step with the registry (MarketplaceIndexing).
 */
export const marketplaceFromRegistry = marketplaceGatewayLayer.pipe(
  Layer.provideMerge(MarketplaceIndexing.layer),
  Layer.provideMerge(PluginInstalls.layer),
  Layer.provideMerge(Marketplace.layer),
  Layer.provideMerge(RegistryMigrations.layer)
)
