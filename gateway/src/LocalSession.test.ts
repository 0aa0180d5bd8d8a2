// Embedded mode's local sign-in: the local admin's token, only when turned on, only to a loopback peer that
// names a loopback host.
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as NodeHttp from "node:http"
import { client } from "./GatewayClient.ts"
import { baseUrl, testGateway } from "./GatewayTestKit.ts"

/** GET `path` with the given Host header (fetch may not set it). */
const getWithHost = (url: string, path: string, host?: string) =>
  Effect.callback<{ readonly status: number; readonly body: string }>((resume) => {
    const target = new URL(path, url)
    const request = NodeHttp.request(
      target,
      { headers: host === undefined ? {} : { host }, agent: false },
      (response) => {
        let body = ""
        response.setEncoding("utf8")
        response.on("data", (chunk: string) => {
          body += chunk
        })
        response.on("end", () => resume(Effect.succeed({ status: response.statusCode ?? 0, body })))
      }
    )
    request.on("error", (error) => resume(Effect.die(error)))
    request.end()
  })

describe("GET /local-session", () => {
  layer(testGateway({ offerLocalSession: true }), { excludeTestServices: true })("offered", (it) => {
    it.effect("gives a loopback browser the local admin's token, and nobody who names another host", () =>
      Effect.gen(function* () {
        const url = yield* baseUrl
        const port = new URL(url).port
        const offered = yield* getWithHost(url, "/local-session")
        assert.strictEqual(offered.status, 200)
        const { token, name } = JSON.parse(offered.body) as { token: string; name: string }
        const me = yield* (yield* client(url, { bearer: token })).me.get()
        assert.isTrue(me.isAdmin)
        assert.strictEqual(me.name, name)
        assert.strictEqual((yield* getWithHost(url, "/local-session", `localhost:${port}`)).status, 200)
        // A page of another site whose name was rebound to 127.0.0.1 still sends its own name.
        const rebound = yield* getWithHost(url, "/local-session", `evil.example:${port}`)
        assert.strictEqual(rebound.status, 404)
        assert.notInclude(rebound.body, "eyJ")
      })
    )
  })

  layer(testGateway(), { excludeTestServices: true })("not offered (the default)", (it) => {
    it.effect("is a 404 like any missing route", () =>
      Effect.gen(function* () {
        const url = yield* baseUrl
        const answer = yield* getWithHost(url, "/local-session")
        assert.strictEqual(answer.status, 404)
        assert.notInclude(answer.body, "eyJ")
      })
    )
  })
})
