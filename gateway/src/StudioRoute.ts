/**
 * Serves the studio's build (studio/dist/browser, or WEFT_STUDIO_DIR) at `/`: files by path, and `index.html`
 * for every other GET that is not the API, so the studio's own routes (`/graphs/<id>`) survive a reload. Paths
 * cannot leave the folder. Without a build it answers a problem that says how to make one.
 */
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import * as NodeFs from "node:fs/promises"
import * as NodePath from "node:path"
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
    const serve = (path: string) =>
      HttpServerResponse.file(path, {
        contentType: contentTypes[NodePath.extname(path)] ?? "application/octet-stream",
        headers: path.endsWith("index.html") ? { "cache-control": "no-cache" } : {}
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
        if (file !== undefined && (yield* isFile(file))) return yield* serve(file)
        if (yield* isFile(index)) return yield* serve(index)
        return HttpServerResponse.text(
          `No studio build in ${root}: run \`npm run build -w @weft/studio\` (or set WEFT_STUDIO_DIR).`,
          { status: 404 }
        )
      })
    )
  })
)
