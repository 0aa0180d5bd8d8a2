/**
 * A plugin package's manifest: the `weft` field of its package.json. It names the modules that export the
 * blocks and the permissions the plugin asks for; the host grants nothing beyond them (today: the hosts its
 * `fetch` may reach; no environment variables and no file system of its own).
 */
import { Effect, Schema } from "effect"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"

/** The manifest format this host reads. */
export const currentApiVersion = 1

/** A module path inside the package: relative, forward slashes, no `..`, ending in `.js` or `.mjs`. */
const BlockModulePath = Schema.String.check(
  Schema.makeFilter((path) =>
    /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w@./-]+\.m?js$/.test(path)
      ? undefined
      : "a relative .js path inside the package"
  )
)

/** A host the plugin may fetch: `api.example.com`, `api.example.com:8443`, `*.example.com`, or `*` (any). */
const NetHost = Schema.String.check(
  Schema.makeFilter((host) =>
    /^(\*|(\*\.)?[\w.-]+(:\d{1,5})?|\[[0-9a-f:]+\](:\d{1,5})?)$/i.test(host) ? undefined : "a host name"
  )
)

export const PluginPermissions = Schema.Struct({
  net: Schema.Array(NetHost),
  env: Schema.Array(Schema.String).check(Schema.isMaxLength(0)),
  fs: Schema.Literal("none")
})
export type PluginPermissions = typeof PluginPermissions.Type

export const PluginManifest = Schema.Struct({
  apiVersion: Schema.Literal(currentApiVersion),
  blocks: Schema.NonEmptyArray(BlockModulePath),
  permissions: PluginPermissions
})
export type PluginManifest = typeof PluginManifest.Type

/** The parts of package.json the host reads. */
export const PluginPackageJson = Schema.Struct({
  name: Schema.NonEmptyString,
  version: Schema.NonEmptyString,
  weft: PluginManifest
})
export type PluginPackageJson = typeof PluginPackageJson.Type

export class PluginManifestError extends Schema.TaggedError<PluginManifestError>()("PluginManifestError", {
  directory: Schema.String,
  message: Schema.String
}) {}

/** Reads and checks `<directory>/package.json`. */
export const readPluginPackage = Effect.fn("PluginManifest.read")(function* (directory: string) {
  const text = yield* Effect.tryPromise({
    try: () => NodeFs.readFile(NodePath.join(directory, "package.json"), "utf8"),
    catch: (cause) => new PluginManifestError({ directory, message: `cannot read package.json: ${String(cause)}` })
  })
  return yield* Schema.decodeUnknownEffect(Schema.fromJsonString(PluginPackageJson))(text).pipe(
    Effect.mapError(
      (issue) => new PluginManifestError({ directory, message: `invalid plugin manifest: ${issue.message}` })
    )
  )
})
