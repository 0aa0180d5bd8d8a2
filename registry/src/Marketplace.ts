/**
 * The marketplace index in PostgreSQL: what the registry holds (packages, versions, readme, keywords,
 * categories, block descriptors with their JSON Schemas, permissions, publish time, deprecation) plus install
 * counts, searchable with a ranking Verdaccio's own search lacks (it ignores keywords). The registry stays
 * the source of truth: `rebuild` re-reads everything from it.
 */
import { type PluginBlockDescriptor, loadPlugin } from "@weft/plugin-host"
import { Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { installPackage } from "./PackageInstaller.ts"
import { RegistryConfig } from "./RegistryConfig.ts"

export class MarketplaceError extends Schema.TaggedError<MarketplaceError>()("MarketplaceError", {
  reason: Schema.Literals(["NotFound", "Registry", "Plugin", "Store"]),
  message: Schema.String
}) {}

const StringList = Schema.Array(Schema.String)

/** The parts of a packument the index reads (npm's format, as Verdaccio serves it). */
const Packument = Schema.Struct({
  name: Schema.String,
  readme: Schema.optionalKey(Schema.String),
  "dist-tags": Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  time: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  versions: Schema.Record(
    Schema.String,
    Schema.Struct({
      description: Schema.optionalKey(Schema.String),
      readme: Schema.optionalKey(Schema.String),
      keywords: Schema.optionalKey(StringList),
      deprecated: Schema.optionalKey(Schema.String),
      weft: Schema.optionalKey(Schema.Struct({ categories: Schema.optionalKey(StringList) })),
      dist: Schema.Struct({ integrity: Schema.optionalKey(Schema.String) })
    })
  )
})

/** What the index already holds of a version. */
const IndexedVersion = Schema.Struct({
  blocks: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      name: Schema.String,
      description: Schema.String,
      categories: StringList,
      inputSchema: Schema.Record(Schema.String, Schema.Unknown),
      outputSchema: Schema.Record(Schema.String, Schema.Unknown)
    })
  ),
  permissions: Schema.Unknown,
  integrity: Schema.String
})

const SearchPage = Schema.Struct({
  objects: Schema.Array(
    Schema.Struct({
      package: Schema.Struct({
        name: Schema.String,
        versions: Schema.optionalKey(Schema.Record(Schema.String, Schema.String))
      })
    })
  ),
  total: Schema.optionalKey(Schema.Number)
})

export interface BlockSummary {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly categories: ReadonlyArray<string>
  readonly inputSchema: Readonly<Record<string, unknown>>
  readonly outputSchema: Readonly<Record<string, unknown>>
}

const PackageRow = Schema.Struct({
  name: Schema.String,
  description: Schema.String,
  keywords: StringList,
  categories: StringList,
  latest_version: Schema.String,
  install_count: Schema.Number
})
const DetailRow = Schema.Struct({ ...PackageRow.fields, readme: Schema.String })
const VersionRow = Schema.Struct({
  version: Schema.String,
  description: Schema.String,
  blocks: Schema.Array(Schema.Unknown),
  permissions: Schema.Unknown,
  integrity: Schema.String,
  published_at: Schema.NullOr(Schema.Date),
  deprecated: Schema.NullOr(Schema.String)
})

export type PackageSummary = typeof PackageRow.Type
export type VersionDetail = typeof VersionRow.Type
export interface PackageDetail extends PackageSummary {
  readonly readme: string
  /** Newest first. */
  readonly versions: ReadonlyArray<VersionDetail>
}

export interface SearchQuery {
  readonly text?: string
  readonly category?: string
  readonly keyword?: string
  readonly limit: number
  /** From the previous page's `next`. */
  readonly cursor?: string
}

export interface SearchResult {
  readonly packages: ReadonlyArray<PackageSummary>
  /** Cursor of the next page, absent on the last one. */
  readonly next?: string
}

/** The packument path of a (possibly scoped) name: `@scope%2fname`. */
const packumentPath = (name: string): string =>
  name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)

/** `text` for a LIKE pattern, its wildcards taken literally. */
const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

const summaryOf = (descriptor: PluginBlockDescriptor): BlockSummary => ({
  id: descriptor.id,
  name: descriptor.name,
  description: descriptor.description,
  categories: descriptor.categories,
  inputSchema: descriptor.inputSchema,
  outputSchema: descriptor.outputSchema
})

export class Marketplace extends Context.Service<
  Marketplace,
  {
    /** Reads `name@version` from the registry (packument, then the package itself, loaded once to describe its blocks). */
    readonly indexVersion: (registryUrl: string, name: string, version: string) => Effect.Effect<void, MarketplaceError>
    /** Indexes every version of every package the registry lists; returns how many versions were indexed. */
    readonly rebuild: (registryUrl: string) => Effect.Effect<number, MarketplaceError>
    readonly search: (query: SearchQuery) => Effect.Effect<SearchResult, MarketplaceError>
    readonly detail: (name: string) => Effect.Effect<PackageDetail, MarketplaceError>
    /** Counts one more install of `name` (called by `PluginInstalls`). */
    readonly countInstall: (name: string) => Effect.Effect<void, MarketplaceError>
  }
>()("weft/registry/Marketplace") {
  static readonly layer: Layer.Layer<Marketplace, never, SqlClient.SqlClient | RegistryConfig> = Layer.effect(
    Marketplace,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const config = yield* RegistryConfig
      const storeError = (cause: { readonly message: string }) =>
        new MarketplaceError({ reason: "Store", message: cause.message })
      const registryError = (message: string) => new MarketplaceError({ reason: "Registry", message })

      const fetchJson = (url: string) =>
        Effect.tryPromise({
          try: async () => {
            const response = await fetch(url, { headers: { accept: "application/json" } })
            const body: unknown = response.ok ? await response.json() : undefined
            return { status: response.status, body }
          },
          catch: (cause) => registryError(`${url}: ${String(cause)}`)
        })

      const packument = (registryUrl: string, name: string) =>
        Effect.gen(function* () {
          const { status, body } = yield* fetchJson(`${registryUrl}/${packumentPath(name)}`)
          if (status === 404)
            return yield* new MarketplaceError({ reason: "NotFound", message: `${name} is not in the registry` })
          if (body === undefined) return yield* registryError(`the registry answered ${status} for ${name}`)
          return yield* Schema.decodeUnknownEffect(Packument)(body).pipe(
            Effect.mapError((issue) => registryError(issue.message))
          )
        })

      /** Installs the version into the plugin cache and loads it once, for its block descriptors. */
      const describe = (registryUrl: string, name: string, version: string) =>
        Effect.scoped(
          Effect.gen(function* () {
            const installed = yield* installPackage({ registryUrl, cacheDir: config.cacheDir, name, version })
            const loaded = yield* loadPlugin(installed.directory, { maxProcesses: 1 })
            return {
              descriptors: loaded.descriptors,
              permissions: loaded.manifest.permissions,
              integrity: installed.integrity
            }
          })
        ).pipe(
          Effect.mapError(
            (error) => new MarketplaceError({ reason: "Plugin", message: `${name}@${version}: ${error.message}` })
          )
        )

      const indexVersion = Effect.fn("Marketplace.indexVersion")(function* (
        registryUrl: string,
        name: string,
        version: string
      ) {
        const doc = yield* packument(registryUrl, name)
        const meta = doc.versions[version]
        if (meta === undefined)
          return yield* new MarketplaceError({
            reason: "NotFound",
            message: `${name}@${version} is not in the registry`
          })
        // A version never changes once published: when the index holds it with the same integrity, its blocks and
        // permissions are reused, and only what can change (tags, deprecation, readme) is read again. Loading a
        // plugin to describe it costs a sandbox start.
        const known = yield* sql`select blocks, permissions, integrity from marketplace_versions
          where package = ${name} and version = ${version}`.pipe(
          Effect.flatMap(Schema.decodeUnknownEffect(Schema.Array(IndexedVersion))),
          Effect.mapError(storeError)
        )
        const same = known[0] !== undefined && meta.dist.integrity === known[0].integrity ? known[0] : undefined
        const { blocks, permissions, integrity } =
          same ??
          (yield* Effect.map(describe(registryUrl, name, version), (d) => ({
            ...d,
            blocks: d.descriptors.map(summaryOf)
          })))
        const categories = [...new Set([...(meta.weft?.categories ?? []), ...blocks.flatMap((b) => b.categories)])]
        const latest = doc["dist-tags"]?.["latest"] ?? version
        // Verdaccio keeps one readme per package (the latest publish's); npm keeps it per version when it can.
        const readme = meta.readme ?? doc.readme ?? ""
        const publishedAt = doc.time?.[version] ?? null
        yield* sql
          .withTransaction(
            Effect.gen(function* () {
              yield* sql`insert into marketplace_packages (name, description, readme, keywords, categories, latest_version)
              values (${name}, ${meta.description ?? ""}, ${readme}, ${JSON.stringify(meta.keywords ?? [])}::jsonb,
                      ${JSON.stringify(categories)}::jsonb, ${version})
              on conflict (name) do nothing`
              yield* sql`insert into marketplace_versions
                (package, version, description, readme, keywords, categories, blocks, permissions, integrity, published_at, deprecated)
              values (${name}, ${version}, ${meta.description ?? ""}, ${readme}, ${JSON.stringify(meta.keywords ?? [])}::jsonb,
                      ${JSON.stringify(categories)}::jsonb, ${JSON.stringify(blocks)}::jsonb, ${JSON.stringify(permissions)}::jsonb,
                      ${integrity}, ${publishedAt}::timestamptz, ${meta.deprecated ?? null})
              on conflict (package, version) do update set description = excluded.description, readme = excluded.readme,
                keywords = excluded.keywords, categories = excluded.categories, blocks = excluded.blocks,
                permissions = excluded.permissions, integrity = excluded.integrity, published_at = excluded.published_at,
                deprecated = excluded.deprecated, indexed_at = now()`
              // The package row shows the version the registry tags latest, once that one is indexed.
              yield* sql`update marketplace_packages p set description = v.description, readme = v.readme,
                keywords = v.keywords, categories = v.categories, latest_version = v.version, updated_at = now()
              from marketplace_versions v
              where p.name = ${name} and v.package = ${name}
                and v.version = coalesce((select version from marketplace_versions where package = ${name} and version = ${latest}), ${version})`
            })
          )
          .pipe(Effect.mapError(storeError))
      })

      /** Every package name the registry lists, through npm's search API (paged; empty text lists all on Verdaccio). */
      const listPackages = (registryUrl: string) =>
        Effect.gen(function* () {
          const names: Array<string> = []
          const size = 250
          for (let from = 0; ; from += size) {
            const { status, body } = yield* fetchJson(`${registryUrl}/-/v1/search?text=&size=${size}&from=${from}`)
            if (body === undefined) return yield* registryError(`search answered ${status}`)
            const page = yield* Schema.decodeUnknownEffect(SearchPage)(body).pipe(
              Effect.mapError((issue) => registryError(issue.message))
            )
            for (const object of page.objects) if (!names.includes(object.package.name)) names.push(object.package.name)
            if (page.objects.length < size) return names
          }
        })

      const rebuild = Effect.fn("Marketplace.rebuild")(function* (registryUrl: string) {
        let indexed = 0
        const names = yield* listPackages(registryUrl)
        for (const name of names) {
          const doc = yield* packument(registryUrl, name)
          const versions = Object.keys(doc.versions)
          for (const version of versions) {
            yield* indexVersion(registryUrl, name, version)
            indexed++
          }
          // Unpublished versions leave the index (installs keep their cached copy).
          yield* sql`delete from marketplace_versions where package = ${name}
            and version not in (select jsonb_array_elements_text(${JSON.stringify(versions)}::jsonb))`.pipe(
            Effect.mapError(storeError)
          )
        }
        yield* sql`delete from marketplace_packages
          where name not in (select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))`.pipe(
          Effect.mapError(storeError)
        )
        return indexed
      })

      const search = Effect.fn("Marketplace.search")(function* (query: SearchQuery) {
        const text = query.text?.trim() === "" ? undefined : query.text?.trim()
        const pattern = text === undefined ? null : `%${likeEscaped(text)}%`
        const offset = Math.max(0, Number.parseInt(query.cursor ?? "0", 10) || 0)
        const limit = Math.min(Math.max(1, query.limit), 100)
        const rows =
          yield* sql`select name, description, keywords, categories, latest_version, install_count::float8 as install_count,
              (case when ${text ?? null}::text is null then 0
                    when lower(name) = lower(${text ?? null}) then 100
                    when name ilike ${pattern} then 50 else 0 end)
            + (case when exists (select 1 from jsonb_array_elements_text(keywords) k where lower(k) = lower(${text ?? null})) then 20
                    when exists (select 1 from jsonb_array_elements_text(keywords) k where k ilike ${pattern}) then 10 else 0 end)
            + (case when description ilike ${pattern} then 5 else 0 end) as rank
          from marketplace_packages
          where (${pattern}::text is null or name ilike ${pattern} or description ilike ${pattern}
                 or exists (select 1 from jsonb_array_elements_text(keywords) k where k ilike ${pattern}))
            and (${query.category ?? null}::text is null or categories ? ${query.category ?? null})
            and (${query.keyword ?? null}::text is null or exists (select 1 from jsonb_array_elements_text(keywords) k where lower(k) = lower(${query.keyword ?? null})))
          order by rank desc, install_count desc, name
          limit ${limit + 1} offset ${offset}`.pipe(Effect.mapError(storeError))
        const decoded = yield* Schema.decodeUnknownEffect(Schema.Array(PackageRow))(rows).pipe(
          Effect.mapError(storeError)
        )
        const packages = decoded.slice(0, limit)
        const result: SearchResult = decoded.length > limit ? { packages, next: String(offset + limit) } : { packages }
        return result
      })

      const detail = Effect.fn("Marketplace.detail")(function* (name: string) {
        const rows =
          yield* sql`select name, description, readme, keywords, categories, latest_version, install_count::float8 as install_count
          from marketplace_packages where name = ${name}`.pipe(Effect.mapError(storeError))
        const [row] = yield* Schema.decodeUnknownEffect(Schema.Array(DetailRow))(rows).pipe(Effect.mapError(storeError))
        if (row === undefined)
          return yield* new MarketplaceError({ reason: "NotFound", message: `${name} is not in the marketplace` })
        const versionRows =
          yield* sql`select version, description, blocks, permissions, integrity, published_at, deprecated
          from marketplace_versions where package = ${name} order by published_at desc nulls last, version desc`.pipe(
            Effect.mapError(storeError)
          )
        const versions = yield* Schema.decodeUnknownEffect(Schema.Array(VersionRow))(versionRows).pipe(
          Effect.mapError(storeError)
        )
        const result: PackageDetail = { ...row, versions }
        return result
      })

      const countInstall = Effect.fn("Marketplace.countInstall")(function* (name: string) {
        yield* sql`update marketplace_packages set install_count = install_count + 1 where name = ${name}`.pipe(
          Effect.mapError(storeError)
        )
      })

      return Marketplace.of({ indexVersion, rebuild, search, detail, countInstall })
    })
  )
}
