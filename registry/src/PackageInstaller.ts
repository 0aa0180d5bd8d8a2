/**
 * Installs one exact version of a package from an npm registry: fetch the packument, download the tarball,
 * verify `dist.integrity` (sha512 only), unpack through `TarballReader` into a content-addressed cache
 * (`<cacheDir>/<sha512 hex>`). Nothing runs: no install scripts, no dependencies fetched (a plugin bundles
 * its own and gets `@weft/block-sdk` and `effect` from the host). Files are world-readable, because the
 * sandbox may run as another user.
 */
import { Effect, Schema } from "effect"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { defaultTarballLimits, readTarball, type TarballLimits } from "./TarballReader.ts"

export class InstallError extends Schema.TaggedError<InstallError>()("InstallError", {
  reason: Schema.Literals(["NotFound", "Integrity", "Rejected", "Request", "Io"]),
  package: Schema.String,
  version: Schema.String,
  message: Schema.String
}) {}

const Packument = Schema.Struct({
  name: Schema.String,
  versions: Schema.Record(
    Schema.String,
    Schema.Struct({ dist: Schema.Struct({ tarball: Schema.String, integrity: Schema.optionalKey(Schema.String) }) })
  )
})

const PackageJson = Schema.Struct({ name: Schema.String, version: Schema.String })

export interface InstallRequest {
  readonly registryUrl: string
  readonly cacheDir: string
  readonly name: string
  readonly version: string
  /** Read token, for registries that require one. */
  readonly token?: string
  readonly limits?: TarballLimits
}

export interface InstalledPackage {
  readonly name: string
  readonly version: string
  /** The unpacked package (its package.json at the top). */
  readonly directory: string
  readonly integrity: string
}

/** The packument path of a (possibly scoped) name: `@scope%2fname`. */
const packumentPath = (name: string): string =>
  name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)

const completeMarker = ".weft-installed"

export const installPackage = Effect.fn("PackageInstaller.install")(function* (request: InstallRequest) {
  const { name, version } = request
  const fail = (reason: InstallError["reason"], message: string) =>
    new InstallError({ reason, package: name, version, message })
  const headers: Record<string, string> =
    request.token === undefined ? {} : { authorization: `Bearer ${request.token}` }
  const limits = request.limits ?? defaultTarballLimits

  const packumentResponse = yield* Effect.tryPromise({
    try: () =>
      fetch(`${request.registryUrl}/${packumentPath(name)}`, { headers: { ...headers, accept: "application/json" } }),
    catch: (cause) => fail("Request", `registry unreachable: ${String(cause)}`)
  })
  if (packumentResponse.status === 404) return yield* fail("NotFound", `${name} is not in the registry`)
  const packument = yield* Effect.tryPromise({
    try: () => packumentResponse.json(),
    catch: () => fail("Request", `registry answered ${packumentResponse.status} without JSON`)
  }).pipe(
    Effect.flatMap((json) =>
      Schema.decodeUnknownEffect(Packument)(json).pipe(Effect.mapError((e) => fail("Request", e.message)))
    )
  )
  const dist = packument.versions[version]?.dist
  if (dist === undefined) return yield* fail("NotFound", `${name}@${version} is not in the registry`)
  const expected = /^sha512-([A-Za-z0-9+/=]+)$/.exec(dist.integrity ?? "")?.[1]
  if (expected === undefined) return yield* fail("Integrity", "the registry gives no sha512 integrity for this version")

  const digestHex = Buffer.from(expected, "base64").toString("hex")
  const directory = NodePath.join(request.cacheDir, digestHex)
  const installed: InstalledPackage = { name, version, directory, integrity: `sha512-${expected}` }
  const already = yield* Effect.promise(() =>
    NodeFs.access(NodePath.join(directory, completeMarker)).then(
      () => true,
      () => false
    )
  )
  if (already) return installed

  const tarballResponse = yield* Effect.tryPromise({
    try: () => fetch(dist.tarball, { headers }),
    catch: (cause) => fail("Request", `tarball download failed: ${String(cause)}`)
  })
  if (!tarballResponse.ok) return yield* fail("Request", `tarball download answered ${tarballResponse.status}`)
  const declaredLength = Number(tarballResponse.headers.get("content-length") ?? "0")
  if (declaredLength > limits.maxPackedBytes)
    return yield* fail("Rejected", `tarball larger than ${limits.maxPackedBytes} bytes`)
  const tarball = new Uint8Array(
    yield* Effect.tryPromise({
      try: () => tarballResponse.arrayBuffer(),
      catch: (cause) => fail("Request", String(cause))
    })
  )
  const actual = NodeCrypto.createHash("sha512").update(tarball).digest("base64")
  if (actual !== expected)
    return yield* fail(
      "Integrity",
      `tarball integrity sha512-${actual} does not match the registry's sha512-${expected}`
    )

  const entries = yield* readTarball(tarball, limits).pipe(
    Effect.mapError((rejected) => fail("Rejected", rejected.message))
  )
  const packageJson = entries.find((entry) => entry.path === "package.json")
  if (packageJson === undefined) return yield* fail("Rejected", "the tarball has no package.json")
  const identity = yield* Schema.decodeUnknownEffect(Schema.fromJsonString(PackageJson))(
    Buffer.from(packageJson.content).toString("utf8")
  ).pipe(Effect.mapError((e) => fail("Rejected", `invalid package.json: ${e.message}`)))
  if (identity.name !== name || identity.version !== version) {
    return yield* fail("Rejected", `the tarball holds ${identity.name}@${identity.version}`)
  }

  yield* Effect.tryPromise({
    try: async () => {
      await NodeFs.mkdir(request.cacheDir, { recursive: true })
      const staging = await NodeFs.mkdtemp(NodePath.join(request.cacheDir, ".staging-"))
      await NodeFs.chmod(staging, 0o755)
      for (const entry of entries) {
        const target = NodePath.join(staging, entry.path)
        await NodeFs.mkdir(NodePath.dirname(target), { recursive: true, mode: 0o755 })
        await NodeFs.writeFile(target, entry.content, { mode: 0o644, flag: "wx" })
      }
      await NodeFs.writeFile(NodePath.join(staging, completeMarker), installed.integrity, { mode: 0o644 })
      // Another runner may have finished the same install first; the content is the same, keep theirs.
      await NodeFs.rename(staging, directory).catch(() => NodeFs.rm(staging, { recursive: true, force: true }))
    },
    catch: (cause) => fail("Io", `unpacking failed: ${String(cause)}`)
  })
  return installed
})
