// A run made only of instant blocks, launched: its starter runs it and writes it whole in the commit that creates it
// (InstantRun), or, when it loops past one step's budget, as far as it got for its entity to finish.
import { assert, layer } from "@effect/vitest"
import { Effect, Queue } from "effect"
import { SqlClient } from "effect/sql"
import { PgClient } from "@effect/sql-pg"
import * as NodeCrypto from "node:crypto"
import { GraphId } from "@weft/runtime"
import { Executions } from "./Executions.ts"
import { graphDocument, graphLink, graphNode } from "./GraphBuilder.ts"
import { ProcessIdentity } from "./ProcessIdentity.ts"
import { eventsChannel, type RunEventWire, unpackPayload } from "./RunEvents.ts"
import { embeddedTestRunner, readExample, saveDocument } from "./RunnerTestKit.ts"

/** How many transactions wrote the run's rows (each row keeps the id of the transaction that last wrote it). */
const writersOf = (executionId: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ n: number }>`
      SELECT count(DISTINCT x)::int AS n FROM (
        SELECT xmin::text AS x FROM executions WHERE id = ${executionId}
        UNION ALL SELECT xmin::text FROM node_executions WHERE execution_id = ${executionId}
        UNION ALL SELECT xmin::text FROM node_outputs WHERE execution_id = ${executionId}) AS w`
    return rows[0]?.n ?? 0
  })

layer(embeddedTestRunner, { excludeTestServices: true, timeout: 120_000 })("instant runs", (it) => {
  it.effect("are written whole by their starter in one commit, publishing the events a driver would", () =>
    Effect.gen(function* () {
      const doc = yield* readExample("greeting.json")
      const graph = yield* saveDocument({ ...doc, id: GraphId.make(NodeCrypto.randomUUID()) })
      const notifications = yield* (yield* PgClient.PgClient).listen(eventsChannel)
      const executions = yield* Executions
      const { executionId, end } = yield* executions.launch({
        graphId: graph.id,
        inputs: { name: "Ada" },
        userId: graph.ownerId
      })
      assert.deepStrictEqual(yield* end, { status: "COMPLETED", outputs: { greeting: ["Hello Ada!"] }, stuckNodes: [] })
      assert.strictEqual(yield* writersOf(executionId), 1)

      const sql = yield* SqlClient.SqlClient
      const [run] = yield* sql<{ status: string; driver: string; started: boolean; ended: boolean }>`
        SELECT status, stats->>'driver' AS driver, started_at IS NOT NULL AS started, ended_at IS NOT NULL AS ended
        FROM executions WHERE id = ${executionId}`
      assert.deepStrictEqual(run, { status: "COMPLETED", driver: yield* ProcessIdentity, started: true, ended: true })
      const nodes = yield* sql<{ node_id: string; status: string; attempt: number }>`
        SELECT node_id, status, attempt FROM node_executions WHERE execution_id = ${executionId} ORDER BY created_seq`
      assert.deepStrictEqual(
        nodes.map((n) => [n.node_id, n.status, n.attempt]),
        [
          ["in", "COMPLETED", 1],
          ["tpl", "COMPLETED", 1],
          ["out", "COMPLETED", 1]
        ]
      )
      // The journal keeps the routing order, so the run loads and replays like any other.
      const outputs = yield* sql<{ node_id: string; pin: string }>`
        SELECT n.node_id, o.pin FROM node_outputs o JOIN node_executions n ON n.id = o.node_execution_id
        WHERE o.execution_id = ${executionId} ORDER BY o.run_seq`
      assert.deepStrictEqual(
        outputs.map((o) => `${o.node_id}.${o.pin}`),
        ["in.result", "tpl.output", "out.output"]
      )

      // Live events: the run's status changes in order, and its nodes', as a driver publishes them.
      const events: Array<RunEventWire> = []
      while (!events.some((e) => e._tag === "graph" && e.status === "COMPLETED")) {
        const note = yield* Queue.take(notifications)
        for (const line of unpackPayload(note.payload)) {
          const batch = JSON.parse(line) as { executionId: string; events: Array<RunEventWire> }
          if (batch.executionId === executionId) events.push(...batch.events)
        }
      }
      assert.deepStrictEqual(
        events.flatMap((e) => (e._tag === "graph" ? [e.status] : [])),
        ["QUEUED", "RUNNING", "COMPLETED"]
      )
      assert.deepStrictEqual(
        events.flatMap((e) => (e._tag === "node" && e.node === "out" ? [e.status] : [])),
        ["INCOMPLETE", "QUEUED", "RUNNING", "COMPLETED"]
      )
      assert.isTrue(events.some((e) => e._tag === "output" && e.node === "out" && e.value === "Hello Ada!"))
    })
  )

  it.effect("that loop past one step's budget are stored as far as they got and finished by their entity", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(
        graphDocument(
          "many items",
          [
            graphNode("in", "AgentInput", { name: "items" }),
            graphNode("each", "StepThroughItems"),
            graphNode("out", "AgentOutput", { name: "item" })
          ],
          [graphLink("in", "result", "each", "items"), graphLink("each", "item", "out", "value")]
        )
      )
      const items = Array.from({ length: 300 }, (_, i) => i)
      const { executionId, end } = yield* (yield* Executions).launch({
        graphId: graph.id,
        inputs: { items },
        userId: graph.ownerId
      })
      const ended = yield* end
      assert.strictEqual(ended?.status, "COMPLETED")
      assert.deepStrictEqual(ended?.outputs, { item: items })
      // The starter's commit, then the entity's.
      assert.isAbove(yield* writersOf(executionId), 1)
      const sql = yield* SqlClient.SqlClient
      const [counts] = yield* sql<{ nodes: number; outs: number }>`
        SELECT (SELECT count(*)::int FROM node_executions WHERE execution_id = ${executionId} AND status = 'COMPLETED')
                 AS nodes,
               (SELECT count(*)::int FROM node_outputs o JOIN node_executions n ON n.id = o.node_execution_id
                WHERE o.execution_id = ${executionId} AND n.node_id = 'out') AS outs`
      assert.deepStrictEqual(counts, { nodes: 302, outs: 300 })
    })
  )
})
