/**
 * Builds a first-party plugin package (TypeScript in `src/`) the way it is published: `tsc` to `dist/`, and a
 * package.json whose exports point at the JS, in a temp folder ready for `npm publish`.
 */
import { Effect } from "effect"
import * as NodeChild from "node:child_process"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"

const tsc = NodePath.resolve(import.meta.dirname, "../../../../node_modules/typescript/bin/tsc")

/** `net` replaces the manifest's declared hosts (tests point a plugin at a local server). */
export const buildPluginPackage = (sourceDir: string, options: { readonly net?: ReadonlyArray<string> } = {}) =>
  Effect.acquireRelease(
    Effect.tryPromise(async () => {
      const out = await NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-build-"))
      await NodeFs.chmod(out, 0o755)
      await new Promise<void>((resolve, reject) =>
        NodeChild.execFile(
          process.execPath,
          [tsc, "-p", NodePath.join(sourceDir, "tsconfig.build.json"), "--outDir", NodePath.join(out, "dist")],
          (error, stdout) => (error === null ? resolve() : reject(new Error(`${error.message}\n${stdout}`)))
        )
      )
      const pkg = JSON.parse(await NodeFs.readFile(NodePath.join(sourceDir, "package.json"), "utf8"))
      const { nx: _nx, scripts: _scripts, devDependencies: _dev, ...published } = pkg
      if (options.net !== undefined) published.weft.permissions.net = options.net
      await NodeFs.writeFile(
        NodePath.join(out, "package.json"),
        JSON.stringify({ ...published, exports: { ".": "./dist/index.js" } }, null, 2)
      )
      return out
    }),
    (out) => Effect.promise(() => NodeFs.rm(out, { recursive: true, force: true }))
  )
