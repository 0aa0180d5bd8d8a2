/**
 * How a sandbox process is started: the Node flags of the permission model (what it may read and write), the
 * explicit minimal environment, and the unprivileged user it runs as when the host is root. Node 26 denies
 * network, child processes, workers, addons, WASI and the inspector under `--permission` unless granted; the
 * gaps the permission model leaves (architecture.md) are closed here (`node:sqlite`, the inherited environment,
 * signalling other processes, memory) or by the host (CPU time, symlinks in the package).
 */
import * as NodeFs from "node:fs"
import * as NodePath from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

/** The user a sandbox runs as when the host runs as root: `nobody`, which cannot signal the host. */
export const unprivilegedUser = { uid: 65534, gid: 65534 } as const

/** The folder of the package whose entry `specifier` resolves to from this module (realpath). */
const packageFolder = (specifier: string): string => {
  let dir = NodePath.dirname(fileURLToPath(import.meta.resolve(specifier)))
  while (!NodeFs.existsSync(NodePath.join(dir, "package.json"))) {
    const parent = NodePath.dirname(dir)
    if (parent === dir) throw new Error(`no package.json above ${specifier}`)
    dir = parent
  }
  return NodeFs.realpathSync(dir)
}

/** The sandbox's entry module (run by Node's type stripping; it lives outside node_modules). */
export const sandboxEntry = fileURLToPath(new URL("./internal/SandboxMain.ts", import.meta.url))

/**
 * What every sandbox may read besides its plugin: the sandbox's own code and the packages a plugin imports
 * from the host (`@weft/block-sdk` and `effect`, which has no dependencies of its own).
 */
export const sharedReadGrants = (): ReadonlyArray<string> => [
  NodePath.dirname(sandboxEntry),
  packageFolder("@weft/block-sdk"),
  packageFolder("effect")
]

/** The argv of `SandboxMain`: where `effect` and `@weft/block-sdk` resolve from (each package's package.json). */
export const importAnchors = (): ReadonlyArray<string> =>
  [packageFolder("effect"), packageFolder("@weft/block-sdk")].map(
    (dir) => pathToFileURL(NodePath.join(dir, "package.json")).href
  )

export interface LaunchOptions {
  readonly pluginDirectory: string
  /** Readable and writable by the sandbox, and nothing else is writable; emptied after each execution. */
  readonly tempRoot: string
  readonly maxOldSpaceMb: number
}

export const nodeFlags = (options: LaunchOptions): ReadonlyArray<string> => [
  "--permission",
  ...[NodeFs.realpathSync(options.pluginDirectory), options.tempRoot, ...sharedReadGrants()].map(
    (dir) => `--allow-fs-read=${dir}`
  ),
  `--allow-fs-write=${options.tempRoot}`,
  "--no-experimental-sqlite",
  "--no-addons",
  `--max-old-space-size=${options.maxOldSpaceMb}`,
  "--disable-warning=ExperimentalWarning"
]

/** The whole environment a plugin sees: never the host's (which holds DATABASE_URL, tokens, ...). */
export const sandboxEnv = (execDir: string): Readonly<Record<string, string>> => ({
  TMPDIR: execDir,
  TZ: "UTC",
  LANG: "C.UTF-8",
  NODE_ENV: "production"
})
