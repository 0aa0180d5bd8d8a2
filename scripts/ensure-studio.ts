/**
 * Run before `npm start`: builds the studio once (about 10 s) when its build is missing, so `weft dev` can serve
 * it at http://127.0.0.1:8080/. Later starts reuse the build; `npm run build -w @weft/studio` refreshes it.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"

const index = join(import.meta.dirname, "..", "studio", "dist", "browser", "index.html")
if (!existsSync(index)) {
  console.log("weft: building the studio once (npm run build -w @weft/studio)")
  const result = spawnSync("npm", ["run", "build", "-w", "@weft/studio"], { stdio: "inherit" })
  if (result.status !== 0) console.error("weft: the studio did not build; the API works without it")
}
