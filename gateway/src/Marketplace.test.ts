// The marketplace routes of a gateway with no plugin registry: authenticated, and a 503 problem that says why.
import { assert, layer } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { client } from "./GatewayClient.ts"
import { baseUrl, signToken, testGateway } from "./GatewayTestKit.ts"

const Problem = Schema.Struct({ status: Schema.Number, detail: Schema.String })

layer(testGateway(), { excludeTestServices: true })("gateway: marketplace without a registry", (it) => {
  it.effect("every marketplace route answers a 503 problem naming the missing registry", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const bearer = yield* signToken({ sub: "shopper" })
      const anonymous = yield* Effect.promise(() => fetch(`${url}/api/v1/marketplace/packages`))
      assert.strictEqual(anonymous.status, 401)
      const answer = yield* Effect.promise(() =>
        fetch(`${url}/api/v1/marketplace/packages?text=echo&limit=5`, {
          headers: { authorization: `Bearer ${bearer}` }
        })
      )
      assert.strictEqual(answer.status, 503)
      assert.match(answer.headers.get("content-type") ?? "", /application\/problem\+json/)
      const problem = Schema.decodeUnknownSync(Problem)(yield* Effect.promise(() => answer.json()))
      assert.strictEqual(problem.status, 503)
      assert.strictEqual(problem.detail, "no plugin registry configured")
      // A scoped name is one encoded path segment; the typed client sees the same problem.
      const scoped = yield* Effect.promise(() =>
        fetch(`${url}/api/v1/marketplace/installs/${encodeURIComponent("@acme/echo")}/1.0.0`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${bearer}` }
        })
      )
      assert.strictEqual(scoped.status, 503)
      const api = yield* client(url, { bearer })
      const failed = yield* api.marketplace.installs().pipe(Effect.flip)
      assert.strictEqual(failed._tag, "Unavailable")
      const badLimit = yield* Effect.promise(() =>
        fetch(`${url}/api/v1/marketplace/packages?limit=0`, { headers: { authorization: `Bearer ${bearer}` } })
      )
      assert.strictEqual(badLimit.status, 400)
    })
  )
})
