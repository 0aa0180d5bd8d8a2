/**
 * Playwright's global setup: builds the studio when its build is missing or stale, publishes the suite's plugin into the
 * registry of a fresh data folder, starts one `weft dev` on it for the whole suite and hands its URL and login
 * token to the tests through the environment (the workers start after this and inherit it). The function it
 * returns is the global teardown: Ctrl-C to weft dev.
 */
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { artifactsDir, e2eDir, studioDir } from "./Paths.ts"
import { pluginName } from "./SuitePlugin.ts"
import { startWeftDev } from "./WeftDev.ts"

/** The newest modification time of the studio's sources (src/, the Angular and TypeScript configs). */
const newestSource = (): number => {
  const files = readdirSync(join(studioDir, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
  const configs = ["angular.json", "package.json", "tsconfig.json", "tsconfig.app.json"].map((f) => join(studioDir, f))
  return Math.max(...[...files, ...configs].filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs))
}

/** Builds the studio when its build is missing or older than its sources: the suite must test what is checked out. */
const buildStudioIfNeeded = () => {
  const index = join(studioDir, "dist", "browser", "index.html")
  const state = !existsSync(index) ? "missing" : statSync(index).mtimeMs < newestSource() ? "stale" : null
  if (state === null) return
  console.log(`e2e: the studio build is ${state}: building it (npx ng build)`)
  const built = spawnSync("npx", ["ng", "build"], { cwd: studioDir, stdio: "inherit" })
  if (built.status !== 0) throw new Error(`the studio did not build (exit ${built.status ?? built.signal})`)
}

/** Publishes the suite's plugin into `<dataDir>/registry` (src/seed-registry.ts, in its own Node process). */
const seedRegistry = (dataDir: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(e2eDir, "src", "seed-registry.ts"), dataDir], {
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    child.stdout.on("data", (d: Buffer) => (output += d.toString()))
    child.stderr.on("data", (d: Buffer) => (output += d.toString()))
    child.once("error", reject)
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`seeding the registry failed (${code ?? signal}):\n${output}`))
    )
  })

/**
 * Waits until the marketplace lists the seeded plugin: weft dev indexes its registry in the background after it
 * reports ready, and the marketplace test must not race that.
 */
const waitForIndex = async (url: string, token: string): Promise<void> => {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/v1/marketplace/packages?text=${encodeURIComponent(pluginName)}`, {
      headers: { authorization: `Bearer ${token}` }
    })
    const page = response.ok ? ((await response.json()) as { packages: ReadonlyArray<{ name: string }> }) : null
    if (page?.packages.some((p) => p.name === pluginName) === true) return
    // A server-side state no event announces: poll it, briefly.
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the marketplace never listed ${pluginName}`)
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // weft dev runs on the Node that runs this (its TypeScript needs Node 26): npm scripts put the pinned one first.
  const major = Number.parseInt(process.versions.node.split(".")[0] ?? "0", 10)
  if (major < 26) throw new Error(`Node ${process.version} runs the suite: run it through npm (npm test -w studio/e2e)`)
  mkdirSync(artifactsDir, { recursive: true })
  // WEFT_STUDIO_DIR serves another build (weft dev honours it): then the checked-out one is not needed.
  if (process.env.WEFT_STUDIO_DIR === undefined) buildStudioIfNeeded()
  const started = performance.now()
  const dev = await startWeftDev({ logFile: join(artifactsDir, "weft-dev.log"), prepare: seedRegistry })
  try {
    await waitForIndex(dev.url, dev.token)
  } catch (error) {
    await dev.stop()
    throw error
  }
  console.log(`e2e: weft dev ready at ${dev.url} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  process.env.WEFT_E2E_URL = dev.url
  process.env.WEFT_E2E_TOKEN = dev.token
  return async () => {
    await dev.stop()
  }
}
