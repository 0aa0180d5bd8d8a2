/** Where the suite reads and writes: the studio it tests, its gitignored artifacts and its committed screenshots. */
import { join } from "node:path"

export const e2eDir = join(import.meta.dirname, "..")
export const studioDir = join(e2eDir, "..")
/** Everything a run leaves behind (weft dev's log, extra screenshots, traces): gitignored. */
export const artifactsDir = join(e2eDir, "artifacts")
/** The two screenshots the README links to (editor.png, run.png): committed, refreshed by every run. */
export const screenshotsDir = join(e2eDir, "screenshots")
