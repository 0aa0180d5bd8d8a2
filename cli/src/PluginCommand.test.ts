/** `weft plugin init` then `weft plugin publish` against a real Verdaccio; the plugin installed back runs in the sandbox. */
import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { loadPlugin } from "@weft/plugin-host"
import { installPackage } from "@weft/registry"
import { tempDir, testRegistry } from "@weft/registry/testing"
import { Cause, Effect, Exit, Redacted } from "effect"
import * as NodeChild from "node:child_process"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import { initPlugin, publishPlugin } from "./PluginCommand.ts"

const repoModules = NodePath.resolve(import.meta.dirname, "../../node_modules")

/** What `npm install` would give the scaffold: its dev dependencies, linked from this repo. */
const linkDependencies = (dir: string) =>
  Effect.promise(async () => {
    for (const name of ["effect", "@weft/block-sdk", "@types/node", "@effect/vitest", "vitest"]) {
      const target = NodePath.join(dir, "node_modules", name)
      await NodeFs.mkdir(NodePath.dirname(target), { recursive: true })
      await NodeFs.symlink(NodePath.join(repoModules, name), target)
    }
  })

const run = (file: string, args: ReadonlyArray<string>, cwd: string) =>
  Effect.callback<string, Error>((resume) => {
    NodeChild.execFile(file, [...args], { cwd }, (error, stdout, stderr) =>
      resume(error === null ? Effect.succeed(stdout) : Effect.fail(new Error(`${error.message}\n${stdout}${stderr}`)))
    )
  })

const failureMessage = (exit: Exit.Exit<unknown, { readonly message: string }>): string => {
  if (Exit.isSuccess(exit)) return "success"
  return exit.cause.reasons.find(Cause.isFailReason)?.error.message ?? Cause.pretty(exit.cause)
}

describe("weft plugin init / publish", () => {
  it.live(
    "scaffolds a plugin whose own test passes, publishes it, and the installed version runs in the sandbox",
    () =>
      Effect.gen(function* () {
        const registry = yield* testRegistry
        const work = yield* tempDir("weft-author-")
        const dir = NodePath.join(work, "hello")
        yield* initPlugin(dir, "@acme/hello")
        yield* linkDependencies(dir)

        // The scaffold type-checks (block and test) and its test passes.
        const bin = NodePath.join(repoModules, ".bin")
        yield* run(process.execPath, [NodePath.join(repoModules, "typescript/bin/tsc"), "-p", "tsconfig.json"], dir)
        const tested = yield* run(NodePath.join(bin, "vitest"), ["run", "--root", dir], dir)
        assert.match(tested, /1 passed/)

        // A non-empty folder is not overwritten.
        assert.match(failureMessage(yield* Effect.exit(initPlugin(dir, "@acme/hello"))), /not empty/)
        assert.match(
          failureMessage(yield* Effect.exit(initPlugin(NodePath.join(work, "x"), "Bad Name"))),
          /not a valid npm package name/
        )

        // Wrong password: refused before anything is published.
        const denied = yield* Effect.exit(
          publishPlugin({
            directory: dir,
            registryUrl: registry.url,
            credentials: { user: "author", password: Redacted.make("wrong") }
          })
        )
        assert.match(failureMessage(denied), /login refused/)

        const published = yield* publishPlugin({
          directory: dir,
          registryUrl: registry.url,
          credentials: { user: "author", password: Redacted.make("s3cret-pass") }
        })
        assert.deepStrictEqual(published, { name: "@acme/hello", version: "0.1.0", blocks: ["Greet"] })

        const installed = yield* installPackage({
          registryUrl: registry.url,
          cacheDir: NodePath.join(registry.dataDir, "plugins"),
          name: "@acme/hello",
          version: "0.1.0"
        })
        // Only the build and the manifest were published: no sources, no node_modules, no token.
        const files = yield* Effect.promise(() => NodeFs.readdir(installed.directory, { recursive: true }))
        assert.deepStrictEqual(files.filter((f) => !f.startsWith(".weft")).sort(), [
          "README.md",
          "dist",
          "dist/index.js",
          "package.json"
        ])
        const plugin = yield* loadPlugin(installed.directory)
        const greet = plugin.blocks.find((b) => b.id === "Greet")
        assert.isDefined(greet)
        if (greet !== undefined) {
          assert.deepStrictEqual(yield* BlockTestKit.runBlockByPin(greet, { name: "Ada" }), {
            greeting: ["Hello, Ada!"]
          })
        }

        // The manifest is checked before publishing: a broken `weft` field is refused with the reason.
        const pkgPath = NodePath.join(dir, "package.json")
        const pkg = JSON.parse(yield* Effect.promise(() => NodeFs.readFile(pkgPath, "utf8")))
        yield* Effect.promise(() =>
          NodeFs.writeFile(
            pkgPath,
            JSON.stringify({
              ...pkg,
              version: "0.2.0",
              weft: { ...pkg.weft, permissions: { net: [], env: ["HOME"], fs: "none" } }
            })
          )
        )
        const invalid = yield* Effect.exit(
          publishPlugin({
            directory: dir,
            registryUrl: registry.url,
            credentials: { user: "author", password: Redacted.make("s3cret-pass") }
          })
        )
        assert.match(failureMessage(invalid), /invalid plugin manifest/)
      }).pipe(Effect.scoped),
    180_000
  )
})
