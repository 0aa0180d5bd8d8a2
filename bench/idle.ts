/**
 * RSS of an idle `weft dev` process (PostgreSQL's own processes aside): start it on a fresh data folder, wait
 * for its ready line, let it settle, read VmRSS.
 */
import { Effect } from "effect"
import * as ChildProcess from "node:child_process"
import * as NodeFs from "node:fs/promises"
import * as Net from "node:net"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"

const bin = new URL("../cli/src/bin.ts", import.meta.url).pathname

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = Net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
    })
  })

export const idleBench = Effect.promise(async () => {
  const dir = await NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-idle-"))
  await NodeFs.chmod(dir, 0o755)
  const { DATABASE_URL: _ignored, ...env } = process.env
  const child = ChildProcess.spawn(process.execPath, [bin, "dev"], {
    // A port of its own, so a `weft dev` already running on 8080 does not get in the way.
    env: { ...env, WEFT_DATA_DIR: dir, WEFT_PORT: String(await freePort()) },
    stdio: ["ignore", "pipe", "inherit"]
  })
  const started = Date.now()
  await new Promise<void>((resolve, reject) => {
    let out = ""
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString()
      if (out.includes("weft dev: ready")) resolve()
    })
    child.once("exit", (code) => reject(new Error(`weft dev exited ${code}: ${out}`)))
  })
  const readyMs = Date.now() - started
  await new Promise((r) => setTimeout(r, 3000))
  const status = await NodeFs.readFile(`/proc/${child.pid}/status`, "utf8")
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
  const stopped = Date.now()
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve())
    child.kill("SIGINT")
  })
  console.log(`\n[weft dev]`)
  console.log(`  first start (initdb included): ready in ${readyMs} ms`)
  console.log(`  idle RSS: ${rss.toFixed(0)} MB (target < 250 MB); Ctrl-C stop took ${Date.now() - stopped} ms`)
  await NodeFs.rm(dir, { recursive: true, force: true })
})
