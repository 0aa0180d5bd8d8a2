/**
 * The studio's end-to-end suite: one `weft dev` (started by src/global-setup.ts) shared by every test, driven
 * through Debian's Chromium (browser downloads are impossible here), one worker. `WEFT_E2E_BENCH=1` (what
 * `npm run bench -w studio/e2e` sets) runs only the benchmark instead of the tests.
 */
import { defineConfig } from "@playwright/test"
import { chromiumLaunchOptions } from "./src/Chromium.ts"

const bench = process.env.WEFT_E2E_BENCH === "1"

export default defineConfig({
  testDir: "./tests",
  outputDir: "./artifacts/test-results",
  globalSetup: "./src/global-setup.ts",
  // Tests share one weft dev and the 2 cores of this machine: one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The benchmark is not a test: it runs only when asked for.
  ...(bench ? { grep: /@bench/ } : { grepInvert: /@bench/ }),
  reporter: [["list"], ["./src/SummaryReporter.ts"]],
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions
  }
})
