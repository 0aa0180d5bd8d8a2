// The studio's build served at `/` by the gateway, next to the API.
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as NodeFs from "node:fs"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { baseUrl, testGateway } from "./GatewayTestKit.ts"

const studioDir = NodeFs.mkdtempSync(NodePath.join(NodeOs.tmpdir(), "weft-studio-"))
NodeFs.writeFileSync(NodePath.join(studioDir, "index.html"), "<!doctype html><title>Weft studio</title>")
NodeFs.writeFileSync(NodePath.join(studioDir, "main-X1.js"), "console.log('studio')")

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
})
