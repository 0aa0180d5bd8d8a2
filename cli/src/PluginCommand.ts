/**
 * `weft plugin init <name>` and `weft plugin publish [dir]`: the block author's side of the registry.
 * `init` scaffolds a package that builds, tests and publishes as it is. `publish` builds it with tsc, packs it
 * with npm, checks the packed manifest (`PluginPackageJson`) and loads the packed blocks once in the sandbox
 * (what a runner will load), then publishes exactly that tarball with a token obtained from the registry's
 * login call (`WEFT_REGISTRY_URL`, `WEFT_REGISTRY_USER`, `WEFT_REGISTRY_PASSWORD`).
 */
import { loadPlugin, readPluginPackage } from "@weft/plugin-host"
import { publishToken, readTarball } from "@weft/registry"
import { Config, Console, Effect, Option, Redacted } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as NodeChild from "node:child_process"
import * as NodeFs from "node:fs/promises"
import { createRequire } from "node:module"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { CliFailure } from "./CliFailure.ts"

const validName = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/

const fail = (message: string) => new CliFailure({ message })

/** Runs `file args` in `cwd`, failing with its output. */
const exec = (
  file: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv }
) =>
  Effect.callback<string, CliFailure>((resume) => {
    NodeChild.execFile(
      file,
      [...args],
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resume(
          error === null
            ? Effect.succeed(stdout)
            : Effect.fail(
                fail(`${NodePath.basename(file)} ${args[0] ?? ""} failed: ${error.message}\n${stdout}${stderr}`)
              )
        )
    )
  })

const io = <A>(what: string, f: () => Promise<A>) =>
  Effect.tryPromise({ try: f, catch: (cause) => fail(`${what}: ${String(cause)}`) })

/** A temp folder removed when the scope closes. */
const scratch = (prefix: string) =>
  Effect.acquireRelease(
    io("cannot create a temp folder", () => NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), prefix))),
    (dir) => Effect.promise(() => NodeFs.rm(dir, { recursive: true, force: true }))
  )

/** The compiler options of Weft's own packages, so a plugin builds the way the first-party ones do. */
const compilerOptions = {
  target: "es2024",
  lib: ["es2024"],
  module: "nodenext",
  moduleResolution: "nodenext",
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  allowImportingTsExtensions: true,
  rewriteRelativeImportExtensions: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true
}

const blockSource = (
  name: string
) => `/** The blocks of ${name}. Each is exported; the \`weft.blocks\` modules of package.json are scanned for them. */
import { Block, Pin } from "@weft/block-sdk"
import { Schema, Stream } from "effect"

export const Greet = Block.make({
  id: "Greet",
  version: "1.0.0",
  name: "Greet",
  description: "Greets someone by name.",
  categories: ["text"],
  input: {
    name: Schema.String.pipe(Pin.annotate({ title: "Name" })),
    punctuation: Schema.String.pipe(Pin.annotate({ title: "Punctuation" }), Pin.withDefault("!"))
  },
  output: {
    greeting: Schema.String.pipe(Pin.annotate({ title: "Greeting" }))
  },
  run: (input) => Stream.make({ pin: "greeting" as const, value: \`Hello, \${input.name}\${input.punctuation}\` })
})
`

const testSource = `import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect } from "effect"
import { Greet } from "./index.ts"

describe("Greet", () => {
  it.effect("greets by name, with the default punctuation unless given", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlockByPin(Greet, { name: "Ada" }), { greeting: ["Hello, Ada!"] })
      assert.deepStrictEqual(yield* BlockTestKit.runBlockByPin(Greet, { name: "Ada", punctuation: "?" }), { greeting: ["Hello, Ada?"] })
    })
  )
})
`

/** The files of a new plugin package, by path. */
export const scaffoldFiles = (name: string): Readonly<Record<string, string>> => ({
  "package.json": `${JSON.stringify(
    {
      name,
      version: "0.1.0",
      type: "module",
      description: "Weft blocks",
      keywords: ["weft-plugin"],
      license: "MIT",
      exports: { ".": "./dist/index.js" },
      files: ["dist"],
      scripts: { build: "tsc -p tsconfig.build.json", test: "vitest run", typecheck: "tsc -p tsconfig.json" },
      peerDependencies: { "@weft/block-sdk": "^0.1.0", effect: "^4.1.0" },
      devDependencies: {
        "@effect/vitest": "^4.0.0",
        "@types/node": "^24.0.0",
        "@weft/block-sdk": "^0.1.0",
        effect: "^4.1.0",
        typescript: "^6.0.0",
        vitest: "^5.0.0"
      },
      weft: {
        apiVersion: 1,
        blocks: ["dist/index.js"],
        categories: ["text"],
        permissions: { net: [], env: [], fs: "none" }
      }
    },
    null,
    2
  )}\n`,
  "tsconfig.json": `${JSON.stringify({ compilerOptions, include: ["src/**/*.ts"] }, null, 2)}\n`,
  "tsconfig.build.json": `${JSON.stringify(
    {
      extends: "./tsconfig.json",
      compilerOptions: { noEmit: false, outDir: "dist", rootDir: "src" },
      exclude: ["src/**/*.test.ts"]
    },
    null,
    2
  )}\n`,
  "src/index.ts": blockSource(name),
  "src/index.test.ts": testSource,
  "README.md": `# ${name}\n\nWeft blocks. \`npm test\` runs the tests; \`weft plugin publish\` builds, checks and publishes to \`WEFT_REGISTRY_URL\`.\n\n## Blocks\n\n- **Greet**: greets someone by name.\n`,
  ".gitignore": "node_modules\ndist\n"
})

/** Writes a new plugin package into `directory` (which must not exist yet or be empty). */
export const initPlugin = Effect.fn("PluginCommand.init")(function* (directory: string, name: string) {
  if (!validName.test(name)) return yield* fail(`"${name}" is not a valid npm package name`)
  const existing = yield* Effect.promise(() => NodeFs.readdir(directory).catch(() => []))
  if (existing.length > 0) return yield* fail(`${directory} exists and is not empty`)
  for (const [path, content] of Object.entries(scaffoldFiles(name))) {
    const target = NodePath.join(directory, path)
    yield* io(`cannot write ${target}`, async () => {
      await NodeFs.mkdir(NodePath.dirname(target), { recursive: true })
      await NodeFs.writeFile(target, content)
    })
  }
  return directory
})

const tscBin = (): string => createRequire(import.meta.url).resolve("typescript/bin/tsc")

/** A token (from `POST /api/v1/marketplace/publish-tokens`), or a registry account to log in with. */
export type PublishCredentials =
  | { readonly token: Redacted.Redacted<string> }
  | { readonly user: string; readonly password: Redacted.Redacted<string> }

export interface PublishOptions {
  readonly directory: string
  readonly registryUrl: string
  readonly credentials: PublishCredentials
}

export interface Published {
  readonly name: string
  readonly version: string
  readonly blocks: ReadonlyArray<string>
}

/** Builds, packs, checks (manifest and blocks, in the sandbox) and publishes the plugin in `directory`. */
export const publishPlugin = Effect.fn("PluginCommand.publish")(function* (options: PublishOptions) {
  const directory = NodePath.resolve(options.directory)
  const registryUrl = options.registryUrl.replace(/\/+$/, "")
  const buildConfig = NodePath.join(directory, "tsconfig.build.json")
  const hasBuildConfig = yield* Effect.promise(() =>
    NodeFs.access(buildConfig).then(
      () => true,
      () => false
    )
  )
  yield* exec(
    process.execPath,
    [tscBin(), "-p", hasBuildConfig ? buildConfig : NodePath.join(directory, "tsconfig.json")],
    { cwd: directory }
  )

  // Pack first: what is checked below is byte for byte what gets published.
  const work = yield* scratch("weft-publish-")
  const packed = yield* exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], {
    cwd: directory
  })
  const tarballName = /"filename":\s*"([^"]+)"/.exec(packed)?.[1]
  if (tarballName === undefined) return yield* fail(`npm pack printed no file name:\n${packed}`)
  const tarballPath = NodePath.join(work, tarballName)
  const tarball = new Uint8Array(yield* io("cannot read the packed tarball", () => NodeFs.readFile(tarballPath)))
  const entries = yield* readTarball(tarball).pipe(
    Effect.mapError((e) => fail(`the packed plugin is unsafe: ${e.message}`))
  )
  // World-readable: the sandbox may run as another user.
  const unpacked = NodePath.join(work, "package")
  yield* io("cannot unpack the plugin", async () => {
    await NodeFs.chmod(work, 0o755)
    for (const entry of entries) {
      const target = NodePath.join(unpacked, entry.path)
      await NodeFs.mkdir(NodePath.dirname(target), { recursive: true, mode: 0o755 })
      await NodeFs.writeFile(target, entry.content, { mode: 0o644 })
    }
  })
  const pkg = yield* readPluginPackage(unpacked).pipe(Effect.mapError((e) => fail(e.message)))
  const blocks = yield* Effect.scoped(
    Effect.map(loadPlugin(unpacked, { maxProcesses: 1 }), (plugin) => plugin.blocks.map((block) => block.id))
  ).pipe(Effect.mapError((e) => fail(`the plugin's blocks do not load: ${e.message}`)))
  if (blocks.length === 0) return yield* fail(`the modules ${pkg.weft.blocks.join(", ")} export no blocks`)

  const credentials = options.credentials
  const token =
    "token" in credentials
      ? Redacted.value(credentials.token)
      : yield* publishToken(registryUrl, credentials.user, Redacted.value(credentials.password)).pipe(
          Effect.mapError((e) => fail(e.message))
        )
  // A throwaway userconfig: the token never lands in the author's ~/.npmrc or in the package.
  const userconfig = NodePath.join(work, ".npmrc")
  yield* io("cannot write the npm config", () =>
    NodeFs.writeFile(userconfig, `${registryUrl.replace(/^https?:/, "")}/:_authToken=${token}\n`, { mode: 0o600 })
  )
  yield* exec(
    "npm",
    [
      "publish",
      tarballPath,
      "--registry",
      registryUrl,
      "--userconfig",
      userconfig,
      "--ignore-scripts",
      "--access",
      "public"
    ],
    { cwd: work, env: { PATH: process.env["PATH"] ?? "", HOME: work } }
  )
  const published: Published = { name: pkg.name, version: pkg.version, blocks }
  return published
}, Effect.scoped)

const init = Command.make(
  "init",
  {
    name: Argument.String("name").pipe(Argument.withDescription("The npm package name, e.g. @acme/weft-blocks")),
    directory: Flag.String("directory").pipe(
      Flag.withAlias("d"),
      Flag.withDescription("Where to create it (default ./<name without scope>)"),
      Flag.optional
    )
  },
  ({ name, directory }) =>
    Effect.gen(function* () {
      const target = NodePath.resolve(Option.getOrElse(directory, () => name.replace(/^@[^/]+\//, "")))
      yield* initPlugin(target, name)
      yield* Console.log(
        `Created ${name} in ${target}\nNext: cd ${target} && npm install && npm test && weft plugin publish`
      )
    })
).pipe(Command.withDescription("Scaffold a Block plugin package with one block and its test"))

const publish = Command.make(
  "publish",
  {
    directory: Argument.String("dir").pipe(
      Argument.withDescription("The plugin package (default .)"),
      Argument.withDefault(".")
    )
  },
  ({ directory }) =>
    Effect.gen(function* () {
      const env = yield* Effect.all({
        registryUrl: Config.String("WEFT_REGISTRY_URL"),
        token: Config.option(Config.Redacted("WEFT_REGISTRY_TOKEN")),
        user: Config.option(Config.String("WEFT_REGISTRY_USER")),
        password: Config.option(Config.Redacted("WEFT_REGISTRY_PASSWORD"))
      }).pipe(Effect.mapError((e) => fail(`weft plugin publish: ${e.message}`)))
      const credentials: PublishCredentials | undefined = Option.isSome(env.token)
        ? { token: env.token.value }
        : Option.isSome(env.user) && Option.isSome(env.password)
          ? { user: env.user.value, password: env.password.value }
          : undefined
      if (credentials === undefined) {
        return yield* fail(
          "weft plugin publish needs WEFT_REGISTRY_URL and WEFT_REGISTRY_TOKEN (POST /api/v1/marketplace/publish-tokens), or WEFT_REGISTRY_USER and WEFT_REGISTRY_PASSWORD"
        )
      }
      const published = yield* publishPlugin({ directory, registryUrl: env.registryUrl, credentials })
      yield* Console.log(
        `Published ${published.name}@${published.version} (blocks: ${published.blocks.join(", ")}) to ${env.registryUrl}`
      )
    })
).pipe(Command.withDescription("Build, check and publish the plugin in dir to WEFT_REGISTRY_URL"))

/** `weft plugin ...` */
export const pluginCommand = Command.make("plugin").pipe(
  Command.withDescription("Write and publish Block plugins"),
  Command.withSubcommands([init, publish])
)
