import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import * as NodeFs from "node:fs"
import * as NodePath from "node:path"
import { installPackage } from "./PackageInstaller.ts"
import { npmPublish, publishRaw, rawTarball, tempDir, testRegistry } from "./testing/TestRegistry.ts"

const writePackage = (dir: string, version: string) => {
  NodeFs.mkdirSync(NodePath.join(dir, "dist"), { recursive: true })
  NodeFs.writeFileSync(
    NodePath.join(dir, "package.json"),
    JSON.stringify({
      name: "@acme/greeter",
      version,
      type: "module",
      files: ["dist"],
      scripts: { postinstall: "touch /tmp/weft-install-script-ran" },
      weft: { apiVersion: 1, blocks: ["dist/index.js"], permissions: { net: [], env: [], fs: "none" } }
    })
  )
  NodeFs.writeFileSync(NodePath.join(dir, "dist/index.js"), `export const version = ${JSON.stringify(version)}\n`)
}

const failureReason = (exit: Exit.Exit<unknown, { readonly reason: string; readonly message: string }>) => {
  if (Exit.isSuccess(exit)) return "success"
  const reason = exit.cause.reasons.find(Cause.isFailReason)
  return reason === undefined ? Cause.pretty(exit.cause) : `${reason.error.reason}: ${reason.error.message}`
}

describe("PackageInstaller against an embedded Verdaccio", () => {
  it.live(
    "installs npm-published versions side by side, and refuses tampered or unsafe tarballs",
    () =>
      Effect.gen(function* () {
        const registry = yield* testRegistry
        const cacheDir = NodePath.join(registry.dataDir, "plugins")
        for (const version of ["1.0.0", "1.1.0"]) {
          const dir = yield* tempDir("weft-pkg-")
          writePackage(dir, version)
          yield* npmPublish(dir, registry.url, registry.token)
        }

        const install = (name: string, version: string) =>
          installPackage({ registryUrl: registry.url, cacheDir, name, version })
        const v1 = yield* install("@acme/greeter", "1.0.0")
        const v2 = yield* install("@acme/greeter", "1.1.0")
        assert.notStrictEqual(v1.directory, v2.directory)
        assert.strictEqual(
          NodeFs.readFileSync(NodePath.join(v1.directory, "dist/index.js"), "utf8"),
          'export const version = "1.0.0"\n'
        )
        assert.strictEqual(
          NodeFs.readFileSync(NodePath.join(v2.directory, "dist/index.js"), "utf8"),
          'export const version = "1.1.0"\n'
        )
        assert.isTrue(v1.directory.endsWith(Buffer.from(v1.integrity.slice(7), "base64").toString("hex")))
        assert.isFalse(NodeFs.existsSync("/tmp/weft-install-script-ran"))
        // A second install finds the cache.
        assert.deepStrictEqual(yield* install("@acme/greeter", "1.0.0"), v1)

        const missing = yield* Effect.exit(install("@acme/greeter", "9.9.9"))
        assert.match(failureReason(missing), /^NotFound/)

        // Tamper with the stored tarball: its integrity no longer matches what the registry recorded.
        const dir = yield* tempDir("weft-pkg-")
        writePackage(dir, "2.0.0")
        yield* npmPublish(dir, registry.url, registry.token)
        const stored = NodePath.join(registry.directory, "storage", "@acme", "greeter", "greeter-2.0.0.tgz")
        const other = NodeFs.readFileSync(
          NodePath.join(registry.directory, "storage", "@acme", "greeter", "greeter-1.0.0.tgz")
        )
        NodeFs.writeFileSync(stored, other)
        const tampered = yield* Effect.exit(install("@acme/greeter", "2.0.0"))
        assert.match(failureReason(tampered), /^Integrity: tarball integrity sha512-.* does not match/)

        const pkg = (name: string) => ({
          path: "package/package.json",
          content: JSON.stringify({ name, version: "1.0.0" })
        })
        yield* publishRaw(
          registry.url,
          registry.token,
          "evil-symlink",
          "1.0.0",
          rawTarball([pkg("evil-symlink"), { path: "package/dist/passwd", type: "2", linkTarget: "/etc/passwd" }])
        )
        assert.match(
          failureReason(yield* Effect.exit(install("evil-symlink", "1.0.0"))),
          /^Rejected: entry "package\/dist\/passwd" is not a regular file/
        )

        yield* publishRaw(
          registry.url,
          registry.token,
          "evil-dotdot",
          "1.0.0",
          rawTarball([pkg("evil-dotdot"), { path: "package/../../escape.js", content: "pwned" }])
        )
        assert.match(
          failureReason(yield* Effect.exit(install("evil-dotdot", "1.0.0"))),
          /^Rejected: path escapes the package/
        )

        yield* publishRaw(
          registry.url,
          registry.token,
          "evil-absolute",
          "1.0.0",
          rawTarball([pkg("evil-absolute"), { path: "/tmp/escape.js", content: "pwned" }])
        )
        assert.match(failureReason(yield* Effect.exit(install("evil-absolute", "1.0.0"))), /^Rejected: absolute/)

        yield* publishRaw(
          registry.url,
          registry.token,
          "evil-big",
          "1.0.0",
          rawTarball([pkg("evil-big"), { path: "package/big", content: "x".repeat(5000) }])
        )
        const big = yield* Effect.exit(
          installPackage({
            registryUrl: registry.url,
            cacheDir,
            name: "evil-big",
            version: "1.0.0",
            limits: { maxPackedBytes: 1e6, maxUnpackedBytes: 4096, maxEntries: 10 }
          })
        )
        assert.match(failureReason(big), /^Rejected: .*more than 4096 bytes/)
        assert.deepStrictEqual(
          NodeFs.readdirSync(cacheDir).sort(),
          [v1.directory, v2.directory].map((d) => NodePath.basename(d)).sort()
        )
      }).pipe(Effect.scoped),
    120_000
  )
})
