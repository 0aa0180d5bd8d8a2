// The shortcuts a run takes, and the checks that keep them exact: the active version remembered by the starting
// process (checked by the store as the run is inserted), the FreshRun its entity is told (checked as the driver
// marks the run RUNNING), and instant blocks run inside the driver's step (committed with what they consumed).
import { assert, layer } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import { Access, ExecutionId, ExecutionStore, GraphId, GraphStore, GraphVersion } from "@weft/runtime"
import { ExecutionWriter } from "./ExecutionWriter.ts"
import { Executions } from "./Executions.ts"
import { GraphRun, type RunEvent } from "./RunProtocol.ts"
import { embeddedTestRunner, readExample, saveDocument } from "./RunnerTestKit.ts"

const greetingWith = (format: string) =>
  Effect.map(readExample("greeting.json"), (doc) => ({
    name: doc.name,
    description: doc.description,
    links: doc.links,
    nodes: doc.nodes.map((node) => (node.id === "tpl" ? { ...node, inputDefault: { format } } : node))
  }))

/** Starts the active version of `graphId` and waits for its end. */
const runActive = (graphId: string, userId: string) =>
  Effect.gen(function* () {
    const executions = yield* Executions
    const { executionId } = yield* executions.start({ graphId, inputs: { name: "Ada" }, userId })
    yield* Stream.runDrain(executions.watch(executionId))
    return yield* (yield* ExecutionStore).get(ExecutionId.make(executionId))
  })

/** A fresh copy of the greeting example (its own id), saved as the local admin's. */
const saveGreeting = Effect.flatMap(readExample("greeting.json"), (doc) =>
  saveDocument({ ...doc, id: GraphId.make(NodeCrypto.randomUUID()) })
)

layer(embeddedTestRunner, { excludeTestServices: true, timeout: 120_000 })("starting runs", (it) => {
  it.effect("a start without a version runs the version active now, however it became active", () =>
    Effect.gen(function* () {
      const graph = yield* saveGreeting
      const first = yield* runActive(graph.id, graph.ownerId)
      assert.deepStrictEqual(first.outputs, { greeting: ["Hello Ada!"] })
      // Changed straight in the store, as another gateway would: this process's memory of the active version is
      // now wrong, and the insert's check must catch it.
      const store = yield* GraphStore
      const id = GraphId.make(graph.id)
      yield* store.createVersion(id, Access.admin, yield* greetingWith("Hi {{ name }}."))
      const second = yield* runActive(graph.id, graph.ownerId)
      assert.strictEqual(second.graphVersion, 2)
      assert.deepStrictEqual(second.outputs, { greeting: ["Hi Ada."] })
      yield* store.setActive(id, GraphVersion.make(1), Access.admin)
      const third = yield* runActive(graph.id, graph.ownerId)
      assert.strictEqual(third.graphVersion, 1)
      assert.deepStrictEqual(third.outputs, { greeting: ["Hello Ada!"] })
    })
  )

  it.effect("an insert expecting a version that is no longer active writes nothing of that run", () =>
    Effect.gen(function* () {
      const graph = yield* saveGreeting
      yield* (yield* GraphStore).createVersion(GraphId.make(graph.id), Access.admin, yield* greetingWith("Yo"))
      const writer = yield* ExecutionWriter
      const stale = NodeCrypto.randomUUID()
      const kept = NodeCrypto.randomUUID()
      const insert = (id: string, graphVersion: number) => ({
        _tag: "InsertExecution" as const,
        id,
        graphId: graph.id,
        graphVersion,
        userId: graph.ownerId,
        inputs: {},
        parentExecutionId: null,
        stats: {},
        expectActive: true
      })
      const nodeRow = (executionId: string) => ({
        _tag: "InsertNodeExecution" as const,
        row: {
          id: NodeCrypto.randomUUID(),
          executionId,
          nodeId: "in",
          status: "QUEUED" as const,
          pins: {},
          input: {},
          createdSeq: 0
        }
      })
      // Both in one commit: only the run of the stale version is left out.
      const [staleResult, keptResult] = yield* Effect.all(
        [writer.write(stale, [insert(stale, 1), nodeRow(stale)]), writer.write(kept, [insert(kept, 2), nodeRow(kept)])],
        { concurrency: "unbounded" }
      )
      assert.deepStrictEqual(staleResult.skippedRuns, [stale])
      assert.deepStrictEqual(keptResult.skippedRuns, [stale])
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql<{ id: string; nodes: number }>`
        SELECT e.id, (SELECT count(*)::int FROM node_executions n WHERE n.execution_id = e.id) AS nodes
        FROM executions e WHERE e.id IN (${stale}, ${kept})`
      assert.deepStrictEqual(rows, [{ id: kept, nodes: 1 }])
    })
  )

  it.effect("a Start claiming a run that already ended is fresh gets the stored end; nothing runs again", () =>
    Effect.gen(function* () {
      const graph = yield* saveGreeting
      const writer = yield* ExecutionWriter
      const id = NodeCrypto.randomUUID()
      // Written as a finished run by "someone else" (no entity of this process has seen it).
      yield* writer.write(id, [
        {
          _tag: "InsertExecution",
          id,
          graphId: graph.id,
          graphVersion: 1,
          userId: graph.ownerId,
          inputs: { name: "Ada" },
          parentExecutionId: null,
          stats: {}
        }
      ])
      yield* writer.write(id, [{ _tag: "UpdateExecution", id, status: "RUNNING" }])
      yield* writer.write(id, [
        { _tag: "UpdateExecution", id, status: "COMPLETED", outputs: { greeting: ["stored"] }, stuckNodes: [] }
      ])
      const makeClient = yield* GraphRun.client
      const events = yield* Stream.runCollect(
        makeClient(id).Start({
          executionId: id,
          fresh: {
            graphId: graph.id,
            graphVersion: 1,
            userId: graph.ownerId,
            inputs: { name: "Ada" },
            parentExecutionId: null
          }
        })
      )
      const last = events[events.length - 1] as RunEvent | undefined
      assert.deepStrictEqual(last, {
        _tag: "Finished",
        status: "COMPLETED",
        outputs: { greeting: ["stored"] },
        stuckNodes: []
      })
      const sql = yield* SqlClient.SqlClient
      const nodes = yield* sql<{ n: number }>`SELECT count(*)::int AS n FROM node_executions WHERE execution_id = ${id}`
      assert.strictEqual(nodes[0]?.n, 0)
    })
  )

  it.effect("instant blocks downstream of a node run in its step: their rows commit with its end, in order", () =>
    Effect.gen(function* () {
      const graph = yield* saveGreeting
      const run = yield* runActive(graph.id, graph.ownerId)
      assert.deepStrictEqual(run.outputs, { greeting: ["Hello Ada!"] })
      const sql = yield* SqlClient.SqlClient
      // now() is the commit's transaction time: rows written by one commit share it.
      const rows = yield* sql<{ node_id: string; status: string; attempt: number; started: string; ended: string }>`
        SELECT node_id, status, attempt, started_at::text AS started, ended_at::text AS ended
        FROM node_executions WHERE execution_id = ${run.id} ORDER BY created_seq`
      assert.deepStrictEqual(
        rows.map((r) => [r.node_id, r.status, r.attempt]),
        [
          ["in", "COMPLETED", 1],
          ["tpl", "COMPLETED", 1],
          ["out", "COMPLETED", 1]
        ]
      )
      const [first, tpl, out] = rows
      assert.strictEqual(tpl?.started, tpl?.ended)
      assert.strictEqual(out?.started, tpl?.started)
      assert.strictEqual(out?.ended, first?.ended)
      // The journal a resumed driver replays keeps the order the values were routed in.
      const outputs = yield* sql<{ node_id: string; pin: string }>`
        SELECT n.node_id, o.pin FROM node_outputs o JOIN node_executions n ON n.id = o.node_execution_id
        WHERE o.execution_id = ${run.id} ORDER BY o.run_seq`
      assert.deepStrictEqual(
        outputs.map((o) => `${o.node_id}.${o.pin}`),
        ["in.result", "tpl.output", "out.output"]
      )
    })
  )
})
