// The studio's build served at `/` by the gateway, next to the API.
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as NodeFs from "node:fs"
import * as NodeOs from "node:os"
import * as NodeHttp from "node:http"
import * as NodePath from "node:path"
import * as NodeZlib from "node:zlib"
import { baseUrl, testGateway } from "./GatewayTestKit.ts"

const studioDir = NodeFs.mkdtempSync(NodePath.join(NodeOs.tmpdir(), "weft-studio-"))
NodeFs.writeFileSync(NodePath.join(studioDir, "index.html"), "<!doctype html><title>Weft studio</title>")
NodeFs.writeFileSync(NodePath.join(studioDir, "main-X1.js"), "console.log('studio')")
const bigScript = `export const data = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, name: `node ${i}` })))}`
NodeFs.writeFileSync(NodePath.join(studioDir, "chunk-ABCD1234.js"), bigScript)

/** GET with an explicit Accept-Encoding (fetch would decode on its own), returning the raw bytes. */
const getRaw = (url: string, acceptEncoding?: string) =>
  Effect.callback<{ readonly headers: NodeHttp.IncomingHttpHeaders; readonly body: Buffer }>((resume) => {
    NodeHttp.get(
      url,
      { headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding }, agent: false },
      (response) => {
        const chunks: Array<Buffer> = []
        response.on("data", (chunk: Buffer) => chunks.push(chunk))
        response.on("end", () => resume(Effect.succeed({ headers: response.headers, body: Buffer.concat(chunks) })))
      }
    ).on("error", (error) => resume(Effect.die(error)))
  })

const get = (url: string) =>
  Effect.promise(async () => {
    const response = await fetch(url)
    return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() }
  })

layer(testGateway({ studioDir }), { excludeTestServices: true })("gateway: the studio", (it) => {
  it.effect("serves the build's files, index.html for the studio's own routes, and keeps API errors as problems", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const index = yield* get(`${url}/`)
      assert.strictEqual(index.status, 200)
      assert.match(index.type, /text\/html/)
      assert.include(index.body, "Weft studio")
      const script = yield* get(`${url}/main-X1.js`)
      assert.strictEqual(script.status, 200)
      assert.match(script.type, /javascript/)
      const deepLink = yield* get(`${url}/graphs/some-graph`)
      assert.strictEqual(deepLink.status, 200)
      assert.include(deepLink.body, "Weft studio")
      const traversal = yield* get(`${url}/..%2f..%2fetc%2fpasswd`)
      assert.notInclude(traversal.body, "root:")
      const api = yield* get(`${url}/api/v1/no-such-thing`)
      assert.strictEqual(api.status, 404)
      assert.match(api.type, /application\/problem\+json/)
      const health = yield* get(`${url}/health`)
      assert.strictEqual(health.status, 200)
    })
  )

  it.effect("compresses text files as the browser accepts, marks hashed files immutable and revalidates the page", () =>
    Effect.gen(function* () {
      const url = `${yield* baseUrl}/chunk-ABCD1234.js`
      const brotli = yield* getRaw(url, "gzip, deflate, br")
      assert.strictEqual(brotli.headers["content-encoding"], "br")
      assert.strictEqual(NodeZlib.brotliDecompressSync(brotli.body).toString("utf8"), bigScript)
      assert.isBelow(brotli.body.length, bigScript.length / 4)
      assert.strictEqual(brotli.headers["cache-control"], "public, max-age=31536000, immutable")
      assert.strictEqual(brotli.headers["vary"], "accept-encoding")
      const gzip = yield* getRaw(url, "gzip;q=1, br;q=0")
      assert.strictEqual(gzip.headers["content-encoding"], "gzip")
      assert.strictEqual(NodeZlib.gunzipSync(gzip.body).toString("utf8"), bigScript)
      const plain = yield* getRaw(url)
      assert.isUndefined(plain.headers["content-encoding"])
      assert.strictEqual(plain.body.toString("utf8"), bigScript)
      const page = yield* getRaw(`${yield* baseUrl}/graphs/x`, "br")
      assert.strictEqual(page.headers["cache-control"], "no-cache")
      assert.include(NodeZlib.brotliDecompressSync(page.body).toString("utf8"), "Weft studio")
    })
  )
})
