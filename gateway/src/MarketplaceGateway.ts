/**
 * What the marketplace routes need from a plugin registry, declared on the gateway's side: the gateway must not
 * depend on `@weft/registry`, so the composition root (cli) implements this over `Marketplace` and
 * `PluginInstalls`. Plain data in and out; the wire schemas of the answers live here too. A gateway without a
 * registry gets `layerUnavailable`, whose every call is a 503.
 */
import { Context, Effect, Layer, Schema } from "effect"

const StringList = Schema.Array(Schema.String)

export const MarketplacePackage = Schema.Struct({
  name: Schema.String,
  description: Schema.String,
  keywords: StringList,
  categories: StringList,
  latestVersion: Schema.String,
  installCount: Schema.Int
})
export type MarketplacePackage = typeof MarketplacePackage.Type

export const MarketplacePage = Schema.Struct({
  packages: Schema.Array(MarketplacePackage),
  /** Cursor of the next page, absent on the last one. */
  next: Schema.optionalKey(Schema.String)
})
export type MarketplacePage = typeof MarketplacePage.Type

export const MarketplaceBlock = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  description: Schema.String,
  categories: StringList,
  inputSchema: Schema.Record(Schema.String, Schema.Unknown),
  outputSchema: Schema.Record(Schema.String, Schema.Unknown)
})
export type MarketplaceBlock = typeof MarketplaceBlock.Type

export const MarketplaceVersion = Schema.Struct({
  version: Schema.String,
  description: Schema.String,
  blocks: Schema.Array(MarketplaceBlock),
  /** The plugin manifest's permissions (hosts, environment, file access). */
  permissions: Schema.Unknown,
  integrity: Schema.String,
  /** ISO 8601, when the registry knows it. */
  publishedAt: Schema.NullOr(Schema.String),
  deprecated: Schema.NullOr(Schema.String)
})
export type MarketplaceVersion = typeof MarketplaceVersion.Type

export const MarketplaceDetail = Schema.Struct({
  ...MarketplacePackage.fields,
  readme: Schema.String,
  /** Newest first. */
  versions: Schema.Array(MarketplaceVersion)
})
export type MarketplaceDetail = typeof MarketplaceDetail.Type

export const InstalledPlugin = Schema.Struct({
  package: Schema.String,
  version: Schema.String,
  /** ISO 8601. */
  installedAt: Schema.String
})
export type InstalledPlugin = typeof InstalledPlugin.Type

export const GraphUsingPlugin = Schema.Struct({ id: Schema.String, version: Schema.Int, name: Schema.String })
export type GraphUsingPlugin = typeof GraphUsingPlugin.Type

export const UpgradeOutcome = Schema.Struct({
  installed: Schema.String,
  /** Older versions removed because no active graph used them. */
  removed: StringList,
  /** Older versions kept because active graphs still pin them. */
  kept: Schema.Array(Schema.Struct({ version: Schema.String, graphs: Schema.Array(GraphUsingPlugin) }))
})
export type UpgradeOutcome = typeof UpgradeOutcome.Type

/** What `npm publish` needs: the registry and a token for it (shown once, never stored by Weft). */
export const PublishToken = Schema.Struct({ registryUrl: Schema.String, token: Schema.String })
export type PublishToken = typeof PublishToken.Type

export const NewInstall = Schema.Struct({ package: Schema.NonEmptyString, version: Schema.NonEmptyString })
export const UpgradeTo = Schema.Struct({ version: Schema.NonEmptyString })

export interface MarketplaceQuery {
  readonly text?: string
  readonly category?: string
  readonly keyword?: string
  readonly limit: number
  readonly cursor?: string
}

/** The package (or that version of it) is not in the registry, or not installed for the caller. */
export class PackageNotFound extends Schema.TaggedError<PackageNotFound>()("PackageNotFound", {
  package: Schema.String,
  version: Schema.optionalKey(Schema.String),
  message: Schema.String
}) {}

/** The registry served the version but it failed verification (integrity, a hostile tarball). */
export class PluginRejected extends Schema.TaggedError<PluginRejected>()("PluginRejected", {
  package: Schema.String,
  version: Schema.String,
  message: Schema.String
}) {}

/** Uninstall refused: these active graph versions of the caller use the package version. */
export class PluginInUse extends Schema.TaggedError<PluginInUse>()("PluginInUse", {
  package: Schema.String,
  version: Schema.String,
  graphs: Schema.Array(GraphUsingPlugin)
}) {
  override get message(): string {
    const names = this.graphs.map((g) => `"${g.name}" (${g.id} v${g.version})`).join(", ")
    return `${this.package}@${this.version} is used by active graphs: ${names}`
  }
}

/** No registry is configured, or it (or the index database) did not answer. `message` is safe to show. */
export class MarketplaceUnavailable extends Schema.TaggedError<MarketplaceUnavailable>()("MarketplaceUnavailable", {
  message: Schema.String
}) {}

export class MarketplaceGateway extends Context.Service<
  MarketplaceGateway,
  {
    readonly search: (query: MarketplaceQuery) => Effect.Effect<MarketplacePage, MarketplaceUnavailable>
    readonly detail: (name: string) => Effect.Effect<MarketplaceDetail, PackageNotFound | MarketplaceUnavailable>
    /** Installs `name@version` into `userId`'s workspace (idempotent). */
    readonly install: (
      userId: string,
      name: string,
      version: string
    ) => Effect.Effect<InstalledPlugin, PackageNotFound | PluginRejected | MarketplaceUnavailable>
    /** Installs `version` and removes the user's other versions of the package no active graph uses. */
    readonly upgrade: (
      userId: string,
      name: string,
      version: string
    ) => Effect.Effect<UpgradeOutcome, PackageNotFound | PluginRejected | MarketplaceUnavailable>
    readonly uninstall: (
      userId: string,
      name: string,
      version: string
    ) => Effect.Effect<void, PackageNotFound | PluginInUse | MarketplaceUnavailable>
    readonly list: (userId: string) => Effect.Effect<ReadonlyArray<InstalledPlugin>, MarketplaceUnavailable>
    /** A publish token of the registry for `userId` (the caller checked they may publish). */
    readonly publishToken: (userId: string) => Effect.Effect<PublishToken, MarketplaceUnavailable>
  }
>()("weft/gateway/MarketplaceGateway") {
  /** For a gateway with no plugin registry: every call answers 503. */
  static readonly layerUnavailable: Layer.Layer<MarketplaceGateway> = Layer.sync(MarketplaceGateway, () => {
    const unavailable = Effect.fail(new MarketplaceUnavailable({ message: "no plugin registry configured" }))
    return MarketplaceGateway.of({
      search: () => unavailable,
      detail: () => unavailable,
      install: () => unavailable,
      upgrade: () => unavailable,
      uninstall: () => unavailable,
      list: () => unavailable,
      publishToken: () => unavailable
    })
  })
}
