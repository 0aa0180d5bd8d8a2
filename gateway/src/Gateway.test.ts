// End to end through the generated client: a gateway over an embedded runner on a throwaway database.
import { assert, layer } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { readExample } from "@weft/actors/testing"
import { encodeGraphFile, GraphFile, type GraphDocument } from "@weft/runtime"
import { client } from "./GatewayClient.ts"
import { baseUrl, signToken, testGateway } from "./GatewayTestKit.ts"

/** The example as a request body, without its id (the server assigns one). */
const fileOf = (doc: GraphDocument) => {
  const { id: _id, ...file } = encodeGraphFile(doc)
  return Schema.decodeUnknownSync(GraphFile)(file)
}

layer(testGateway(), { excludeTestServices: true })("gateway", (it) => {
  it.effect("health, me and a graph round trip", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const token = yield* signToken({ sub: "alice" })
      const api = yield* client(url, { bearer: token })
      const health = yield* api.health()
      assert.strictEqual(health.status, "ok")
      const me = yield* api.me.get()
      assert.strictEqual(me.id, "alice")
      const doc = yield* readExample("greeting.json")
      const created = yield* api.graphs.create({ payload: fileOf(doc) })
      assert.strictEqual(created.ownerId, "alice")
      const listed = yield* api.graphs.list()
      assert.deepStrictEqual(
        listed.map((g) => g.id),
        [created.id]
      )
    })
  )
})

const raw = (url: string, init: RequestInit) => Effect.promise(() => fetch(url, init))

layer(testGateway(), { excludeTestServices: true })("gateway: runs, errors, auth", (it) => {
  it.effect("starts a run and waits for its outputs; idempotency key returns the same run", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const api = yield* client(url, { bearer: yield* signToken({ sub: "runner-user" }) })
      const file = fileOf(yield* readExample("greeting.json"))
      const graph = yield* api.graphs.create({ payload: file })
      const done = yield* api.executions.start({
        payload: { graphId: graph.id, inputs: { name: "Ada" } },
        query: { wait: 20 },
        headers: { "idempotency-key": "k1" }
      })
      assert.strictEqual(done.status, "COMPLETED")
      assert.deepStrictEqual("outputs" in done ? done.outputs : undefined, { greeting: ["Hello Ada!"] })
      // The same key again, waiting: the first run's end, not a second run.
      const again = yield* api.executions.start({
        payload: { graphId: graph.id, inputs: { name: "Ada" } },
        query: { wait: 20 },
        headers: { "idempotency-key": "k1" }
      })
      assert.strictEqual(again.executionId, done.executionId)
      assert.strictEqual(again.status, "COMPLETED")
      assert.deepStrictEqual("outputs" in again ? again.outputs : undefined, { greeting: ["Hello Ada!"] })
      // The same key with other inputs is refused (422), and starts nothing; key order in inputs does not matter.
      const reused = yield* api.executions
        .start({
          payload: { graphId: graph.id, inputs: { name: "Grace" } },
          query: {},
          headers: { "idempotency-key": "k1" }
        })
        .pipe(Effect.flip)
      assert.strictEqual(reused._tag, "IdempotencyKeyReused")
      assert.include(reused._tag === "IdempotencyKeyReused" ? reused.detail : "", '"k1" was already used')
      const reordered = yield* api.executions.start({
        payload: { inputs: { name: "Ada" }, graphId: graph.id },
        query: {},
        headers: { "idempotency-key": "k1" }
      })
      assert.strictEqual(reordered.executionId, done.executionId)
      const detail = yield* api.executions.get({ params: { executionId: done.executionId } })
      assert.strictEqual(detail.nodeExecutions.length, 3)
      const page = yield* api.executions.list({ query: { graphId: graph.id } })
      assert.strictEqual(page.items.length, 1)
      // Time filters: created at or after `from`, before `to`.
      const later = new Date(Date.now() + 3_600_000)
      const earlier = new Date(Date.now() - 3_600_000)
      const inWindow = yield* api.executions.list({ query: { graphId: graph.id, from: earlier, to: later } })
      assert.strictEqual(inWindow.items.length, 1)
      const afterIt = yield* api.executions.list({ query: { graphId: graph.id, from: later } })
      assert.strictEqual(afterIt.items.length, 0)
      const beforeIt = yield* api.executions.list({ query: { graphId: graph.id, to: earlier } })
      assert.strictEqual(beforeIt.items.length, 0)
      const token = yield* signToken({ sub: "runner-user" })
      const bad = yield* Effect.promise(() =>
        fetch(`${url}/api/v1/executions?from=not-a-time`, { headers: { authorization: `Bearer ${token}` } })
      )
      assert.strictEqual(bad.status, 400)
      assert.match(bad.headers.get("content-type") ?? "", /application\/problem\+json/)
    })
  )

  it.effect("validation problems name the node and pin; rejected starts store nothing", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const api = yield* client(url, { bearer: yield* signToken({ sub: "validator" }) })
      const bad = yield* api.graphs
        .create({
          payload: Schema.decodeUnknownSync(GraphFile)({
            name: "bad",
            nodes: [{ id: "x", block: { id: "NoSuchBlock" } }]
          })
        })
        .pipe(Effect.flip)
      assert.strictEqual(bad._tag, "InvalidGraph")
      assert.strictEqual(bad._tag === "InvalidGraph" ? bad.issues[0]?.nodeId : undefined, "x")
      const file = fileOf(yield* readExample("greeting.json"))
      const graph = yield* api.graphs.create({ payload: file })
      const rejected = yield* api.executions
        .start({
          payload: { graphId: graph.id, inputs: { nope: 1 } },
          query: {},
          headers: { "idempotency-key": "r1" }
        })
        .pipe(Effect.flip)
      assert.strictEqual(rejected._tag, "RunRejected")
      const page = yield* api.executions.list({ query: { graphId: graph.id } })
      assert.strictEqual(page.items.length, 0)
    })
  )

  it.effect("auth failures are 401 problems; others' graphs are 404; revoked keys stop at once", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const owner = yield* client(url, { bearer: yield* signToken({ sub: "owner" }) })
      const file = fileOf(yield* readExample("greeting.json"))
      const graph = yield* owner.graphs.create({ payload: file })
      for (const token of [
        yield* signToken({ sub: "x", expiresIn: -60 }),
        yield* signToken({ sub: "x", audience: "other" }),
        yield* signToken({ sub: "x", secret: "wrong-secret-wrong-secret-wrong!!" })
      ]) {
        const api = yield* client(url, { bearer: token })
        const error = yield* api.graphs.list().pipe(Effect.flip)
        assert.strictEqual(error._tag, "Unauthorized")
      }
      const none = yield* raw(`${url}/api/v1/graphs`, {})
      assert.strictEqual(none.status, 401)
      assert.strictEqual(none.headers.get("content-type"), "application/problem+json")
      assert.isNotNull(none.headers.get("x-ratelimit-limit"))
      const stranger = yield* client(url, { bearer: yield* signToken({ sub: "stranger" }) })
      const hidden = yield* stranger.graphs.get({ params: { graphId: graph.id }, query: {} }).pipe(Effect.flip)
      assert.strictEqual(hidden._tag, "NotFound")
      const admin = yield* client(url, { bearer: yield* signToken({ sub: "root", admin: true }) })
      const seen = yield* admin.graphs.get({ params: { graphId: graph.id }, query: {} })
      assert.strictEqual(seen.id, graph.id)
      const key = yield* owner.apiKeys.create({ payload: { name: "ci", scopes: ["read"] } })
      const byKey = yield* client(url, { apiKey: key.key })
      assert.strictEqual((yield* byKey.graphs.list()).length, 1)
      const forbidden = yield* byKey.graphs.delete({ params: { graphId: graph.id } }).pipe(Effect.flip)
      assert.strictEqual(forbidden._tag, "Forbidden")
      yield* owner.apiKeys.revoke({ params: { keyId: key.id } })
      const revoked = yield* byKey.graphs.list().pipe(Effect.flip)
      assert.strictEqual(revoked._tag, "Unauthorized")
    })
  )

  it.effect("malformed, unknown-field, wrong-type and oversize bodies are 4xx problems", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const headers = { authorization: `Bearer ${yield* signToken({ sub: "hostile" })}` }
      const post = (body: string, contentType = "application/json") =>
        raw(`${url}/api/v1/graphs`, { method: "POST", headers: { ...headers, "content-type": contentType }, body })
      const cases = [
        yield* post("{not json"),
        yield* post(JSON.stringify({ name: "x", nodes: [], extra: 1 })),
        yield* post("name=x", "text/plain"),
        yield* post(JSON.stringify({ name: "x".repeat(2 * 1024 * 1024), nodes: [] }))
      ]
      const statuses = cases.map((r) => r.status)
      assert.deepStrictEqual(statuses, [400, 400, 415, 413])
      for (const response of cases) {
        assert.strictEqual(response.headers.get("content-type"), "application/problem+json")
      }
      const hostile = yield* post(JSON.stringify({ name: "'; drop table graphs; --\u0000<script>", nodes: [] }))
      assert.strictEqual(hostile.status, 422)
      const list = yield* raw(`${url}/api/v1/graphs`, { headers })
      const graphs: unknown = yield* Effect.promise(() => list.json())
      assert.isTrue(Array.isArray(graphs) && graphs.length === 0)
    })
  )
})
