/**
 * Serves the studio's build (studio/dist/browser, or WEFT_STUDIO_DIR) at `/`: files by path, and `index.html`
 * for every other GET that is not the API, so the studio's own routes (`/graphs/<id>`) survive a reload. Paths
 * cannot leave the folder. Without a build it answers a problem that says how to make one.
 *
 * Text files go out compressed (brotli, else gzip, as the browser accepts), each compressed once per file version
 * and kept in memory: uncompressed, the studio's first load was ~320 kB on the wire, compressed ~85 kB. Files whose
 * names carry the build's content hash are cacheable for a year; `index.html` is revalidated every time.
 */
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
import * as NodeZlib from "node:zlib"
import { GatewayConfig } from "./GatewayConfig.ts"

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8"
}

const compressible = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt"])
/** Angular's output names: `main-H4TK3DK7.js`, `chunk-CT-bQQ-T.js`, `styles-JKF6ECHK.css`. */
const hashedName = /-[A-Za-z0-9_-]{8}\.(js|mjs|css)$/

export type Encoding = "br" | "gzip"

/** The best encoding `acceptEncoding` allows (q=0 refuses one), or undefined for none. */
export const chooseEncoding = (acceptEncoding: string | undefined): Encoding | undefined => {
  const accepted = new Map<string, number>()
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";")
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (name !== "") accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0
  return allows("br") ? "br" : allows("gzip") ? "gzip" : undefined
}

const compress = (bytes: Buffer, encoding: Encoding): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const done = (error: Error | null, out: Buffer) => (error === null ? resolve(out) : reject(error))
    if (encoding === "br") {
      NodeZlib.brotliCompress(
        bytes,
        {
          params: {
            [NodeZlib.constants.BROTLI_PARAM_QUALITY]: 10,
            [NodeZlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
          }
        },
        done
      )
    } else NodeZlib.gzip(bytes, { level: 9 }, done)
  })

const isFile = (path: string) =>
  Effect.promise(() =>
    NodeFs.stat(path).then(
      (s) => s.isFile(),
      () => false
    )
  )

/** The file under `root` that `urlPath` names, or undefined when it would leave `root`. */
export const resolveStudioPath = (root: string, urlPath: string): string | undefined => {
  const decoded = (() => {
    try {
      return decodeURIComponent(urlPath)
    } catch {
      return undefined
    }
  })()
  if (decoded === undefined || decoded.includes("\0")) return undefined
  const resolved = NodePath.resolve(root, `.${NodePath.posix.normalize(`/${decoded}`)}`)
  return resolved === root || resolved.startsWith(`${root}${NodePath.sep}`) ? resolved : undefined
}

export const StudioRoute = Layer.unwrap(
  Effect.map(GatewayConfig, (config) => {
    const root = NodePath.resolve(config.studioDir)
    const compressed = new Map<string, Promise<Buffer>>()
    const serve = (path: string, acceptEncoding: string | undefined) =>
      Effect.gen(function* () {
        const extension = NodePath.extname(path)
        const contentType = contentTypes[extension] ?? "application/octet-stream"
        const caching = path.endsWith("index.html")
          ? "no-cache"
          : hashedName.test(path)
            ? "public, max-age=31536000, immutable"
            : "no-cache"
        const encoding = compressible.has(extension) ? chooseEncoding(acceptEncoding) : undefined
        if (encoding === undefined) {
          return yield* HttpServerResponse.file(path, {
            contentType,
            headers: { "cache-control": caching, vary: "accept-encoding" }
          })
        }
        const stat = yield* Effect.promise(() => NodeFs.stat(path))
        // Keyed by the file's version, so a rebuilt studio is never served from an old entry.
        const key = `${path}\u0000${stat.mtimeMs}\u0000${stat.size}\u0000${encoding}`
        let pending = compressed.get(key)
        if (pending === undefined) {
          if (compressed.size >= 500) compressed.clear()
          pending = NodeFs.readFile(path).then((bytes) => compress(bytes, encoding))
          compressed.set(key, pending)
          pending.catch(() => compressed.delete(key))
        }
        const body = yield* Effect.promise(() => pending)
        return HttpServerResponse.uint8Array(body, {
          contentType,
          headers: { "content-encoding": encoding, "cache-control": caching, vary: "accept-encoding" }
        })
      }).pipe(Effect.orDie)
    return HttpRouter.add(
      "GET",
      "/*",
      Effect.gen(function* () {
        const request = yield* HttpServerRequest.HttpServerRequest
        const urlPath = new URL(request.url, "http://studio").pathname
        // Unknown API paths stay API errors (ResponsePolicy makes the 404 a problem), never the studio's page.
        if (/^\/(api|hooks|ws)(\/|$)/.test(urlPath)) return HttpServerResponse.empty({ status: 404 })
        const index = NodePath.join(root, "index.html")
        const file = resolveStudioPath(root, urlPath)
        const acceptEncoding = request.headers["accept-encoding"]
        if (file !== undefined && (yield* isFile(file))) return yield* serve(file, acceptEncoding)
        if (yield* isFile(index)) return yield* serve(index, acceptEncoding)
        return HttpServerResponse.text(
          `No studio build in ${root}: run \`npm run build -w @weft/studio\` (or set WEFT_STUDIO_DIR).`,
          { status: 404 }
        )
      })
    )
  })
)
