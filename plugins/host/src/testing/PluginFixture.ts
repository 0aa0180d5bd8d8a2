/**
 * Writes small plugin packages (package.json + one JS module) into a temp folder for tests: the well-behaved
 * `echo` plugin and the hostile ones. Plain JS, because a plugin ships JS; it imports the SDK and effect like a
 * published plugin would.
 */
import { Effect } from "effect"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"

export interface FixtureOptions {
  readonly name?: string
  readonly version?: string
  readonly net?: ReadonlyArray<string>
  /** The body of `dist/index.js`. */
  readonly source: string
  /** More files, by path relative to the package. */
  readonly files?: Readonly<Record<string, string>>
}

/** A plugin folder (world-readable, as the sandbox user must read it), removed when the scope closes. */
export const pluginFixture = (options: FixtureOptions) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const root = await NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-plugin-"))
      await NodeFs.chmod(root, 0o755)
      await writePluginPackage(root, options)
      return root
    }),
    (root) => Effect.promise(() => NodeFs.rm(root, { recursive: true, force: true }))
  )

export const writePluginPackage = async (root: string, options: FixtureOptions): Promise<void> => {
  const manifest = {
    name: options.name ?? "@test/echo",
    version: options.version ?? "1.0.0",
    type: "module",
    peerDependencies: { "@weft/block-sdk": "0.1.0" },
    weft: { apiVersion: 1, blocks: ["dist/index.js"], permissions: { net: options.net ?? [], env: [], fs: "none" } }
  }
  await NodeFs.mkdir(NodePath.join(root, "dist"), { recursive: true, mode: 0o755 })
  await NodeFs.writeFile(NodePath.join(root, "package.json"), JSON.stringify(manifest, null, 2), { mode: 0o644 })
  await NodeFs.writeFile(NodePath.join(root, "dist", "index.js"), options.source, { mode: 0o644 })
  for (const [path, content] of Object.entries(options.files ?? {})) {
    await NodeFs.writeFile(NodePath.join(root, path), content, { mode: 0o644 })
  }
}

/** A block module header: what every fixture imports. */
const header = `import { Block, BlockError } from "@weft/block-sdk"\nimport { Effect, Redacted, Schema, Stream } from "effect"\n`

/** Blocks that behave: `echo` (yields its input, optionally twice), `upper`, and `fetch-text`. */
export const echoSource = (version = "1.0.0"): string => `${header}
export const echo = Block.make({
  id: "echo", version: "${version}", name: "Echo", description: "Yields its input", categories: ["test"],
  input: { text: Schema.String, times: Schema.optionalKey(Schema.Number) },
  output: { text: Schema.String },
  run: (input) => Stream.fromIterable(Array.from({ length: input.times ?? 1 }, () => ({ pin: "text", value: input.text + "@${version}" })))
})
export const upper = Block.make({
  id: "upper", version: "${version}", name: "Upper", description: "Upper-cases", categories: ["test"],
  input: { text: Schema.String }, output: { text: Schema.String },
  run: (input) => Stream.make({ pin: "text", value: input.text.toUpperCase() })
})
export const fetchText = Block.make({
  id: "fetch-text", version: "${version}", name: "Fetch", description: "GETs a URL", categories: ["test"],
  input: { url: Schema.String }, output: { body: Schema.String, status: Schema.Number },
  run: (input) => Stream.fromEffect(Effect.tryPromise({
    try: async () => { const r = await fetch(input.url); return { status: r.status, body: await r.text() } },
    catch: (e) => new BlockError({ message: String(e?.message ?? e), retryable: false })
  })).pipe(Stream.flatMap(({ status, body }) => Stream.make({ pin: "status", value: status }, { pin: "body", value: body })))
})
export const secretLength = Block.make({
  id: "secret-length", version: "${version}", name: "Secret length", description: "", categories: ["test"],
  credentials: { token: { provider: "test" } },
  input: {}, output: { length: Schema.Number },
  run: (_input, ctx) => Stream.make({ pin: "length", value: ctx.credentials.token === undefined ? -1 : Redacted.value(ctx.credentials.token).length })
})
`

/**
 * One hostile block per attack, all in one plugin: each yields on "out" what it managed to do, or fails.
 * \`run\` bodies are async so a throw becomes the block's failure unless the attack escapes on its own.
 */
/** Files the hostile plugin ships besides its code: a (fake) native addon. */
export const hostileFiles: Readonly<Record<string, string>> = { "dist/evil.node": "\u007fELF not really" }

export const hostileSource = (paths: { readonly weftDir: string; readonly outside: string }): string => `${header}
import * as fs from "node:fs"
const attack = (id, body) => Block.make({
  id, version: "1.0.0", name: id, description: "", categories: ["hostile"],
  input: { url: Schema.optionalKey(Schema.String) }, output: { out: Schema.String },
  run: (input) => Stream.fromEffect(Effect.tryPromise({
    try: async () => String(await body(input)),
    catch: (e) => new BlockError({ message: String(e?.code ?? e?.message ?? e), retryable: false })
  })).pipe(Stream.map((value) => ({ pin: "out", value })))
})
export const blocks = [
  attack("read-passwd", () => fs.readFileSync("/etc/passwd", "utf8")),
  attack("read-weft", () => fs.readdirSync(${JSON.stringify(paths.weftDir)}).join(",")),
  attack("write-outside", () => { fs.writeFileSync(${JSON.stringify(paths.outside)}, "pwned"); return "written" }),
  attack("write-tmp", () => { const p = process.env.TMPDIR + "/scratch.txt"; fs.writeFileSync(p, "ok"); return fs.readFileSync(p, "utf8") + ":" + process.env.TMPDIR }),
  attack("socket", async () => { const net = await import("node:net"); return await new Promise((res, rej) => { const s = net.connect(5432, "127.0.0.1", () => res("connected")); s.on("error", rej) }) }),
  attack("fetch", async (input) => (await fetch(input.url)).status),
  attack("spawn", async () => (await import("node:child_process")).execSync("id").toString()),
  attack("addon", async () => { const { createRequire } = await import("node:module"); return createRequire(import.meta.url)("./evil.node") }),
  attack("sqlite", async () => { const s = await import("node:sqlite"); return String(new s.DatabaseSync("/tmp/evil.db")) }),
  attack("env", () => JSON.stringify(process.env)),
  attack("kill-parent", () => { process.kill(process.ppid, "SIGTERM"); return "signalled" }),
  attack("loop", () => { for (;;) {} }),
  attack("allocate", () => { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(Math.random())) }),
  attack("exit", () => { process.reallyExit ? process.reallyExit(3) : process.exit(3); return "exited" }),
  attack("async-throw", () => new Promise(() => { setTimeout(() => { throw new Error("boom later") }, 1) })),
  Block.make({
    id: "bad-output", version: "1.0.0", name: "bad-output", description: "", categories: ["hostile"],
    input: {}, output: { out: Schema.String },
    run: () => Stream.make({ pin: "out", value: 42 })
  })
]
`
