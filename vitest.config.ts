/**
 * Root Vitest config for ad-hoc runs from the repo root (`npm exec -- vitest run runtime/src/engine`): it only
 * lists the packages, so each test file runs under its own package's `vitest.config.ts`. `npm test` does not use
 * this file; Nx runs `vitest run` inside each package (scripts/test.ts).
 */
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    projects: [
      "plugins/sdk",
      "runtime",
      "actors",
      "gateway",
      "plugins/host",
      "plugins/core",
      "plugins/http",
      "registry",
      "cli",
      "scripts"
    ],
    passWithNoTests: true
  }
})
