/**
 * Which plugin versions each user has installed into their workspace. Installing fetches and verifies the
 * version (`installPackage`) before recording it, so a recorded install is always loadable; several versions
 * of one package may be installed side by side. Uninstalling is refused while an active graph version of the
 * user has a node naming that package version (graph versions keep the version they pinned).
 */
import { Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { Marketplace } from "./Marketplace.ts"
import { installPackage } from "./PackageInstaller.ts"
import { RegistryConfig } from "./RegistryConfig.ts"

export class PluginInstallError extends Schema.TaggedError<PluginInstallError>()("PluginInstallError", {
  reason: Schema.Literals(["NotFound", "Integrity", "Rejected", "Registry", "NotInstalled", "Store"]),
  package: Schema.String,
  version: Schema.String,
  message: Schema.String
}) {}

export const GraphRef = Schema.Struct({ id: Schema.String, version: Schema.Number, name: Schema.String })
export type GraphRef = typeof GraphRef.Type

/** Uninstall refused: these active graph versions use the package version. */
export class PluginInUse extends Schema.TaggedError<PluginInUse>()("PluginInUse", {
  package: Schema.String,
  version: Schema.String,
  graphs: Schema.Array(GraphRef)
}) {
  override get message(): string {
    const names = this.graphs.map((g) => `"${g.name}" (${g.id} v${g.version})`).join(", ")
    return `${this.package}@${this.version} is used by active graphs: ${names}`
  }
}

const InstallRow = Schema.Struct({ package: Schema.String, version: Schema.String, installed_at: Schema.Date })
export interface PluginInstall {
  readonly package: string
  readonly version: string
  readonly installedAt: Date
}

export interface UpgradeResult {
  readonly installed: string
  /** Older versions removed because no active graph used them. */
  readonly removed: ReadonlyArray<string>
  /** Older versions kept because active graphs still pin them. */
  readonly kept: ReadonlyArray<{ readonly version: string; readonly graphs: ReadonlyArray<GraphRef> }>
}

export class PluginInstalls extends Context.Service<
  PluginInstalls,
  {
    readonly install: (
      userId: string,
      name: string,
      version: string
    ) => Effect.Effect<PluginInstall, PluginInstallError>
    /** Installs `toVersion` and removes the user's other versions of the package that no active graph uses. */
    readonly upgrade: (
      userId: string,
      name: string,
      toVersion: string
    ) => Effect.Effect<UpgradeResult, PluginInstallError>
    readonly uninstall: (
      userId: string,
      name: string,
      version: string
    ) => Effect.Effect<void, PluginInstallError | PluginInUse>
    readonly list: (userId: string) => Effect.Effect<ReadonlyArray<PluginInstall>, PluginInstallError>
    /** Every `{package, version}` any user installed: what a runner loads. */
    readonly allInstalled: Effect.Effect<
      ReadonlyArray<{ readonly package: string; readonly version: string }>,
      PluginInstallError
    >
  }
>()("weft/registry/PluginInstalls") {
  static readonly layer: Layer.Layer<PluginInstalls, never, SqlClient.SqlClient | RegistryConfig | Marketplace> =
    Layer.effect(
      PluginInstalls,
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const config = yield* RegistryConfig
        const marketplace = yield* Marketplace
        const storeError = (name: string, version: string) => (cause: { readonly message: string }) =>
          new PluginInstallError({ reason: "Store", package: name, version, message: cause.message })

        /** Active graph versions of `userId` with a node naming `name@version` (a plugin ref without version counts too). */
        const usedBy = (userId: string, name: string, version: string) =>
          sql`select id, version, name from graphs g
          where g.owner_id = ${userId} and g.is_active
            and exists (select 1 from jsonb_array_elements(g.nodes) n
                        where n->'block'->>'package' = ${name}
                          and coalesce(n->'block'->>'version', ${version}) = ${version})
          order by id`.pipe(
            Effect.flatMap(Schema.decodeUnknownEffect(Schema.Array(GraphRef))),
            Effect.mapError(storeError(name, version))
          )

        const install = Effect.fn("PluginInstalls.install")(function* (userId: string, name: string, version: string) {
          yield* installPackage({ registryUrl: config.url, cacheDir: config.cacheDir, name, version }).pipe(
            Effect.mapError(
              (error) =>
                new PluginInstallError({
                  reason: error.reason === "Request" || error.reason === "Io" ? "Registry" : error.reason,
                  package: name,
                  version,
                  message: error.message
                })
            )
          )
          const rows =
            yield* sql`insert into plugin_installs (user_id, package, version) values (${userId}, ${name}, ${version})
          on conflict do nothing returning package, version, installed_at`.pipe(
              Effect.mapError(storeError(name, version))
            )
          // Counted once per user and version; a package not (yet) indexed is simply not counted.
          if (rows.length > 0) yield* marketplace.countInstall(name).pipe(Effect.mapError(storeError(name, version)))
          const existing =
            rows.length > 0
              ? rows
              : yield* sql`select package, version, installed_at from plugin_installs
          where user_id = ${userId} and package = ${name} and version = ${version}`.pipe(
                  Effect.mapError(storeError(name, version))
                )
          const [row] = yield* Schema.decodeUnknownEffect(Schema.Array(InstallRow))(existing).pipe(
            Effect.mapError(storeError(name, version))
          )
          if (row === undefined) return yield* storeError(name, version)({ message: "install row vanished" })
          const result: PluginInstall = { package: row.package, version: row.version, installedAt: row.installed_at }
          return result
        })

        const uninstall = Effect.fn("PluginInstalls.uninstall")(function* (
          userId: string,
          name: string,
          version: string
        ) {
          yield* sql
            .withTransaction(
              Effect.gen(function* () {
                // Serialise with graph activation would need the runtime's lock; the check and delete share one transaction.
                const graphs = yield* usedBy(userId, name, version)
                if (graphs.length > 0) return yield* new PluginInUse({ package: name, version, graphs })
                const deleted =
                  yield* sql`delete from plugin_installs where user_id = ${userId} and package = ${name} and version = ${version}
              returning version`.pipe(Effect.mapError(storeError(name, version)))
                if (deleted.length === 0) {
                  return yield* new PluginInstallError({
                    reason: "NotInstalled",
                    package: name,
                    version,
                    message: `${name}@${version} is not installed`
                  })
                }
              })
            )
            .pipe(Effect.catchTag("SqlError", (error) => Effect.fail(storeError(name, version)(error))))
        })

        const list = Effect.fn("PluginInstalls.list")(function* (userId: string) {
          const rows = yield* sql`select package, version, installed_at from plugin_installs where user_id = ${userId}
          order by package, installed_at`.pipe(Effect.mapError(storeError("", "")))
          const decoded = yield* Schema.decodeUnknownEffect(Schema.Array(InstallRow))(rows).pipe(
            Effect.mapError(storeError("", ""))
          )
          return decoded.map(
            (row): PluginInstall => ({ package: row.package, version: row.version, installedAt: row.installed_at })
          )
        })

        const upgrade = Effect.fn("PluginInstalls.upgrade")(function* (
          userId: string,
          name: string,
          toVersion: string
        ) {
          yield* install(userId, name, toVersion)
          const others = (yield* list(userId)).filter((row) => row.package === name && row.version !== toVersion)
          const removed: Array<string> = []
          const kept: Array<{ readonly version: string; readonly graphs: ReadonlyArray<GraphRef> }> = []
          for (const other of others) {
            const outcome = yield* uninstall(userId, name, other.version).pipe(
              Effect.as(undefined),
              Effect.catchTag("PluginInUse", (inUse) => Effect.succeed(inUse.graphs))
            )
            if (outcome === undefined) removed.push(other.version)
            else kept.push({ version: other.version, graphs: outcome })
          }
          const result: UpgradeResult = { installed: toVersion, removed, kept }
          return result
        })

        const allInstalled = sql`select distinct package, version from plugin_installs order by package, version`.pipe(
          Effect.flatMap(
            Schema.decodeUnknownEffect(Schema.Array(Schema.Struct({ package: Schema.String, version: Schema.String })))
          ),
          Effect.mapError(storeError("", ""))
        )

        return PluginInstalls.of({ install, upgrade, uninstall, list, allInstalled })
      })
    )
}
