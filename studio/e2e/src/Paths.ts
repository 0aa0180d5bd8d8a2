/** Where the suite reads and writes: the studio it tests, its gitignored artifacts and its committed screenshots. */
import { join } from "node:path"

export const e2eDir = join(import.meta.dirname, "..")
export const studioDir = join(e2eDir, "..")
/** Everything a run leaves behind (weft dev's log, extra screenshots, traces): gitignored. */
export const artifactsDir = join(e2eDir, "artifacts")
/**
 * Where the editor and run screenshots go: every run saves them with the artifacts; with
 * WEFT_E2E_UPDATE_SCREENSHOTS=1 they replace the committed ones the README links to (a plain `npm test` must not
 * change tracked files).
 */
export const screenshotsDir =
  process.env["WEFT_E2E_UPDATE_SCREENSHOTS"] === "1" ? join(e2eDir, "screenshots") : artifactsDir
