// Webhooks, graph export/import, credentials and the system routes (/ready, /openapi.json, /docs), end to end.
import { assert, layer } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { GraphFile } from "@weft/runtime"
import { client } from "./GatewayClient.ts"
import { baseUrl, signToken, testGateway } from "./GatewayTestKit.ts"

const raw = (url: string, init: RequestInit = {}) => Effect.promise(() => fetch(url, init))
const text = (response: Response) => Effect.promise(() => response.text())

/** payload -> out: the webhook body comes back as the `echo` output. */
const echo = Schema.decodeUnknownSync(GraphFile)({
  name: "echo",
  nodes: [
    { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "payload" } },
    { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "echo" } }
  ],
  links: [{ sourceId: "in", sourceName: "result", sinkId: "out", sinkName: "value" }]
})

/** A template whose defaults hold a secret-looking value. */
const withSecret = Schema.decodeUnknownSync(GraphFile)({
  name: "with secret",
  nodes: [
    { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "name" } },
    {
      id: "tpl",
      block: { id: "FillTextTemplate" },
      inputDefault: { format: "Hi {{ name }}", "values_#_api_token": "sk-live-do-not-leak" }
    },
    { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "greeting" } }
  ],
  links: [
    { sourceId: "in", sourceName: "result", sinkId: "tpl", sinkName: "values_#_name" },
    { sourceId: "tpl", sourceName: "output", sinkId: "out", sinkName: "value" }
  ]
})

layer(testGateway(), { excludeTestServices: true })("gateway: endpoints", (it) => {
  it.effect("webhook: the body runs the graph and the outputs are the answer; a revoked token is 404", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const api = yield* client(url, { bearer: yield* signToken({ sub: "hooker" }) })
      const graph = yield* api.graphs.create({ payload: echo })
      const hook = yield* api.webhooks.create({ params: { graphId: graph.id } })
      assert.isTrue(hook.url.endsWith(`/hooks/${hook.token}`))
      const post = (query: string) =>
        raw(`${url}/hooks/${hook.token}${query}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ order: 7, items: ["a"] })
        })
      const answered = yield* post("?wait=20")
      assert.strictEqual(answered.status, 200)
      assert.deepStrictEqual(JSON.parse(yield* text(answered)), { echo: [{ order: 7, items: ["a"] }] })
      const accepted = yield* post("")
      assert.strictEqual(accepted.status, 202)
      assert.strictEqual(JSON.parse(yield* text(accepted)).status, "QUEUED")
      const listed = yield* api.webhooks.list({ params: { graphId: graph.id } })
      assert.deepStrictEqual(
        listed.map((w) => w.id),
        [hook.id]
      )
      assert.isFalse(JSON.stringify(listed).includes(hook.token))
      // Another user cannot revoke it.
      const stranger = yield* client(url, { bearer: yield* signToken({ sub: "stranger" }) })
      assert.strictEqual(
        (yield* stranger.webhooks.revoke({ params: { webhookId: hook.id } }).pipe(Effect.flip))._tag,
        "NotFound"
      )
      yield* api.webhooks.revoke({ params: { webhookId: hook.id } })
      const revoked = yield* post("?wait=5")
      assert.strictEqual(revoked.status, 404)
      assert.isFalse((yield* text(revoked)).includes(hook.token))
      const unknown = yield* raw(`${url}/hooks/whk_nope`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}"
      })
      assert.strictEqual(unknown.status, 404)
    })
  )

  it.effect("export strips secret-looking defaults; import with a taken id is 409, without an id a new graph", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const token = yield* signToken({ sub: "exporter" })
      const api = yield* client(url, { bearer: token })
      const graph = yield* api.graphs.create({ payload: withSecret })
      const exported = yield* raw(`${url}/api/v1/graphs/${graph.id}/export`, {
        headers: { authorization: `Bearer ${token}` }
      })
      assert.strictEqual(exported.status, 200)
      const body = yield* text(exported)
      assert.isFalse(body.includes("sk-live-do-not-leak"))
      const file: { id?: string; nodes: Array<{ id: string; inputDefault?: Record<string, unknown> }> } =
        JSON.parse(body)
      assert.strictEqual(file.id, graph.id)
      assert.deepStrictEqual(file.nodes.find((n) => n.id === "tpl")?.inputDefault, { format: "Hi {{ name }}" })
      const file2 = Schema.decodeUnknownSync(GraphFile)(file)
      const taken = yield* api.graphs.import({ payload: file2 }).pipe(Effect.flip)
      assert.strictEqual(taken._tag, "Conflict")
      const { id: _id, ...withoutId } = file
      const imported = yield* api.graphs.import({ payload: Schema.decodeUnknownSync(GraphFile)(withoutId) })
      assert.notStrictEqual(imported.id, graph.id)
      assert.strictEqual(imported.ownerId, "exporter")
      assert.deepStrictEqual(
        imported.nodes.map((n) => n.id),
        ["in", "tpl", "out"]
      )
      // The imported graph runs (its template no longer has the secret value, which the format did not use).
      const run = yield* api.executions.start({
        payload: { graphId: imported.id, inputs: { name: "Bo" } },
        query: { wait: 20 },
        headers: {}
      })
      assert.deepStrictEqual("outputs" in run ? run.outputs : undefined, { greeting: ["Hi Bo"] })
    })
  )

  it.effect(
    "versions: an update is version max+1 with its message; set-active switches what runs; delete removes all",
    () =>
      Effect.gen(function* () {
        const url = yield* baseUrl
        const api = yield* client(url, { bearer: yield* signToken({ sub: "versioner" }) })
        const first = yield* api.graphs.create({ payload: echo })
        assert.strictEqual(first.version, 1)
        assert.isUndefined(first.versionMessage)
        const renamed = { ...echo, name: "echo, renamed" }
        const second = yield* api.graphs.update({
          params: { graphId: first.id },
          query: { message: "Renamed it" },
          payload: renamed
        })
        assert.deepStrictEqual([second.version, second.isActive, second.versionMessage], [2, true, "Renamed it"])
        const versions = yield* api.graphs.versions({ params: { graphId: first.id } })
        assert.deepStrictEqual(
          versions.map((v): Array<unknown> => [v.version, v.isActive, v.versionMessage ?? null]),
          [
            [2, true, "Renamed it"],
            [1, false, null]
          ]
        )
        const reactivated = yield* api.graphs.setActive({ params: { graphId: first.id }, payload: { version: 1 } })
        assert.deepStrictEqual([reactivated.version, reactivated.isActive], [1, true])
        assert.strictEqual((yield* api.graphs.get({ params: { graphId: first.id }, query: {} })).name, "echo")
        const v2 = yield* api.graphs.get({ params: { graphId: first.id }, query: { version: 2 } })
        assert.strictEqual(v2.name, "echo, renamed")
        // A start without a version runs whichever version is active now, each time.
        const versionRun = (expected: number) =>
          Effect.gen(function* () {
            const run = yield* api.executions.start({
              payload: { graphId: first.id, inputs: { payload: 1 } },
              query: { wait: 20 },
              headers: {}
            })
            const detail = yield* api.executions.get({ params: { executionId: run.executionId } })
            assert.strictEqual(detail.graphVersion, expected)
          })
        yield* versionRun(1)
        yield* api.graphs.setActive({ params: { graphId: first.id }, payload: { version: 2 } })
        yield* versionRun(2)
        yield* api.graphs.setActive({ params: { graphId: first.id }, payload: { version: 1 } })
        yield* versionRun(1)
        // An over-long message is a 400 problem, and nothing is saved.
        const tooLong = yield* raw(`${url}/api/v1/graphs/${first.id}?message=${"x".repeat(501)}`, {
          method: "PUT",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${yield* signToken({ sub: "versioner" })}`
          },
          body: JSON.stringify(renamed)
        })
        assert.strictEqual(tooLong.status, 400)
        assert.match(tooLong.headers.get("content-type") ?? "", /application\/problem\+json/)
        assert.strictEqual((yield* api.graphs.versions({ params: { graphId: first.id } })).length, 2)
        // Another user sees none of it.
        const stranger = yield* client(url, { bearer: yield* signToken({ sub: "not-the-versioner" }) })
        const hidden = yield* stranger.graphs.versions({ params: { graphId: first.id } }).pipe(Effect.flip)
        assert.strictEqual(hidden._tag, "NotFound")
        yield* api.graphs.delete({ params: { graphId: first.id } })
        const gone = yield* api.graphs.get({ params: { graphId: first.id }, query: {} }).pipe(Effect.flip)
        assert.strictEqual(gone._tag, "NotFound")
      })
  )

  it.effect("credentials: created, listed as metadata only, deleted; the secret is in no response", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const token = yield* signToken({ sub: "keeper" })
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
      const secret = "sk-credential-secret-value-123"
      const created = yield* raw(`${url}/api/v1/credentials`, {
        method: "POST",
        headers,
        body: JSON.stringify({ provider: "openai", name: "work", secret })
      })
      assert.strictEqual(created.status, 201)
      const createdText = yield* text(created)
      assert.isFalse(createdText.includes(secret))
      const metadata: { id: string; provider: string; name: string } = JSON.parse(createdText)
      assert.deepInclude(metadata, { provider: "openai", name: "work" })
      const listed = yield* raw(`${url}/api/v1/credentials`, { headers })
      const listedText = yield* text(listed)
      assert.isFalse(listedText.includes(secret))
      assert.deepStrictEqual(
        JSON.parse(listedText).map((c: { id: string }) => c.id),
        [metadata.id]
      )
      assert.deepStrictEqual(Object.keys(JSON.parse(listedText)[0]).sort(), [
        "createdAt",
        "id",
        "name",
        "provider",
        "userId"
      ])
      const stranger = yield* client(url, { bearer: yield* signToken({ sub: "thief" }) })
      assert.deepStrictEqual(yield* stranger.credentials.list(), [])
      const stolen = yield* stranger.credentials.delete({ params: { credentialId: metadata.id } }).pipe(Effect.flip)
      assert.strictEqual(stolen._tag, "NotFound")
      const api = yield* client(url, { bearer: token })
      yield* api.credentials.delete({ params: { credentialId: metadata.id } })
      assert.deepStrictEqual(yield* api.credentials.list(), [])
    })
  )

  it.effect("/ready, /openapi.json (OpenAPI 3.1 with every path) and /docs (HTML)", () =>
    Effect.gen(function* () {
      const url = yield* baseUrl
      const ready = yield* raw(`${url}/ready`)
      assert.strictEqual(ready.status, 200)
      assert.deepInclude(JSON.parse(yield* text(ready)), {
        status: "ready",
        database: "up",
        rateLimiter: { backend: "memory", reachable: true, onFailure: "open" }
      })
      const spec = yield* raw(`${url}/openapi.json`)
      assert.strictEqual(spec.status, 200)
      const document: {
        openapi: string
        info: { title: string; version: string }
        paths: Record<string, Record<string, { responses?: object }>>
      } = JSON.parse(yield* text(spec))
      assert.match(document.openapi, /^3\.1\.\d+$/)
      assert.strictEqual(document.info.title, "Weft API")
      for (const path of [
        "/health",
        "/ready",
        "/hooks/{token}",
        "/api/v1/me",
        "/api/v1/blocks",
        "/api/v1/graphs",
        "/api/v1/graphs/{graphId}/export",
        "/api/v1/graphs/import",
        "/api/v1/executions",
        "/api/v1/executions/{executionId}",
        "/api/v1/credentials",
        "/api/v1/api-keys",
        "/api/v1/graphs/{graphId}/webhooks"
      ]) {
        assert.isDefined(document.paths[path], path)
        for (const operation of Object.values(document.paths[path] ?? {})) assert.isDefined(operation.responses, path)
      }
      const docs = yield* raw(`${url}/docs`)
      assert.strictEqual(docs.status, 200)
      assert.match(docs.headers.get("content-type") ?? "", /^text\/html/)
      assert.match(yield* text(docs), /<html/i)
    })
  )
})
