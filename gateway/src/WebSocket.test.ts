// `/ws` end to end: authentication on connect (subprotocol and query token, close codes) and live run events.
import { assert, layer } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { readExample } from "@weft/actors/testing"
import { encodeGraphFile, GraphFile, type GraphDocument } from "@weft/runtime"
import { client } from "./GatewayClient.ts"
import { openSocket, signToken, socketUrl, testGateway, baseUrl } from "./GatewayTestKit.ts"
import type { ServerMessage } from "./WebSocketMessages.ts"

const fileOf = (doc: GraphDocument) => {
  const { id: _id, ...file } = encodeGraphFile(doc)
  return Schema.decodeUnknownSync(GraphFile)(file)
}

/** in -> wait(seconds) -> out: slow enough to subscribe to a run after it started. */
const slowEcho = (seconds: number) =>
  Schema.decodeUnknownSync(GraphFile)({
    name: "slow echo",
    nodes: [
      { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "value" } },
      { id: "wait", block: { id: "Wait" }, inputDefault: { seconds } },
      { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "echo" } }
    ],
    links: [
      { sourceId: "in", sourceName: "result", sinkId: "wait", sinkName: "data" },
      { sourceId: "wait", sourceName: "data", sinkId: "out", sinkName: "value" }
    ]
  })

const isGraphEnd = (message: ServerMessage) =>
  message.type === "event" && message.event._tag === "graph" && message.event.status === "COMPLETED"

const eventsOf = (messages: ReadonlyArray<ServerMessage>) =>
  messages.flatMap((m) => (m.type === "event" ? [m.event] : []))

layer(testGateway(), { excludeTestServices: true })("gateway: WebSocket", (it) => {
  it.effect("a missing token closes with 4401, an invalid one with 4403", () =>
    Effect.gen(function* () {
      const missing = yield* openSocket(yield* socketUrl())
      assert.strictEqual((yield* missing.closed).code, 4401)
      const bad = yield* openSocket(yield* socketUrl(), ["weft", "not.a.jwt"])
      assert.strictEqual((yield* bad.closed).code, 4403)
      const expired = yield* signToken({ sub: "late", expiresIn: -60 })
      const late = yield* openSocket(yield* socketUrl(`?token=${expired}`))
      assert.strictEqual((yield* late.closed).code, 4403)
    }).pipe(Effect.scoped)
  )

  it.effect("subscribed to a graph (token as subprotocol): graph, node and output events of its run", () =>
    Effect.gen(function* () {
      const token = yield* signToken({ sub: "watcher" })
      const api = yield* client(yield* baseUrl, { bearer: token })
      const graph = yield* api.graphs.create({ payload: fileOf(yield* readExample("greeting.json")) })
      const socket = yield* openSocket(yield* socketUrl(), ["weft", token])
      yield* socket.send({ type: "subscribe", target: { graphId: graph.id } })
      const subscribed = yield* socket.next()
      assert.deepStrictEqual(subscribed, { type: "subscribed", target: { graphId: graph.id } })
      assert.strictEqual(socket.protocol(), "weft")
      const run = yield* api.executions.start({
        payload: { graphId: graph.id, inputs: { name: "Ada" } },
        query: {},
        headers: {}
      })
      const messages = yield* socket.until(isGraphEnd)
      for (const message of messages) {
        assert.strictEqual(message.type === "event" ? message.executionId : run.executionId, run.executionId)
      }
      const events = eventsOf(messages)
      assert.isTrue(events.some((e) => e._tag === "graph" && e.status === "RUNNING"))
      assert.isTrue(events.some((e) => e._tag === "node" && e.node === "tpl" && e.status === "COMPLETED"))
      assert.isTrue(events.some((e) => e._tag === "output" && e.node === "out" && e.value === "Hello Ada!"))
    }).pipe(Effect.scoped)
  )

  it.effect("subscribed to one execution (token in the query): its events; others cannot subscribe", () =>
    Effect.gen(function* () {
      const token = yield* signToken({ sub: "owner" })
      const api = yield* client(yield* baseUrl, { bearer: token })
      const graph = yield* api.graphs.create({ payload: slowEcho(1.5) })
      const run = yield* api.executions.start({
        payload: { graphId: graph.id, inputs: { value: 42 } },
        query: {},
        headers: {}
      })
      const socket = yield* openSocket(yield* socketUrl(`?token=${token}`))
      yield* socket.send({ type: "subscribe", target: { executionId: run.executionId } })
      assert.strictEqual((yield* socket.next()).type, "subscribed")
      const events = eventsOf(yield* socket.until(isGraphEnd))
      assert.isTrue(events.some((e) => e._tag === "node" && e.node === "out" && e.status === "COMPLETED"))
      assert.isTrue(events.some((e) => e._tag === "output" && e.node === "wait" && e.value === 42))

      const stranger = yield* openSocket(yield* socketUrl(), ["weft", yield* signToken({ sub: "stranger" })])
      yield* stranger.send({ type: "subscribe", target: { executionId: run.executionId } })
      assert.deepStrictEqual(yield* stranger.next(), { type: "error", message: "no such execution or graph" })
      yield* stranger.send({ type: "ping" })
      assert.deepStrictEqual(yield* stranger.next(), { type: "pong" })
    }).pipe(Effect.scoped)
  )
})
