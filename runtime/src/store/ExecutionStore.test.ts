// Runs: atomic creation, reads in order, guarded transitions, cursor pages, the replay journal, deletion.
import { assert, describe, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { ExecutionId, GraphVersion, NodeExecutionId, NodeId, UserId } from "../model/Ids.ts"
import { ExecutionStore } from "./ExecutionStore.ts"
import { GraphStore } from "./GraphStore.ts"
import * as TestDatabase from "./TestDatabase.ts"
import { UserStore } from "./UserStore.ts"

const TestLayer = Layer.mergeAll(ExecutionStore.layer, GraphStore.layer, UserStore.layer).pipe(
  Layer.provideMerge(TestDatabase.layer)
)

const ada = UserId.make("ada")
let counter = 0
const fresh = (prefix: string) => `${prefix}-${++counter}`

/** A user, a graph and a stored run with two starting node executions (n1 QUEUED, n2 INCOMPLETE). */
const setup = Effect.gen(function* () {
  yield* (yield* UserStore).ensure({ id: ada, name: "Ada" })
  const graph = yield* (yield* GraphStore).create(ada, { name: "g", nodes: [], links: [] })
  const store = yield* ExecutionStore
  const id = ExecutionId.make(fresh("run"))
  const n1 = NodeExecutionId.make(fresh("ne"))
  const n2 = NodeExecutionId.make(fresh("ne"))
  const run = yield* store.create({
    execution: { id, graphId: graph.id, graphVersion: graph.version, userId: ada, inputs: { topic: "owls" } },
    nodeExecutions: [
      { id: n2, nodeId: NodeId.make("b"), createdSeq: 1, status: "INCOMPLETE", pins: { x: 1 } },
      { id: n1, nodeId: NodeId.make("a"), createdSeq: 0, input: { topic: "owls" } }
    ]
  })
  return { store, graph, run, id, n1, n2 }
})

/** What the engine's batching writer does: outputs with a per-node seq and a run-wide run_seq. */
const writeOutput = (executionId: string, nodeExecutionId: string, seq: number, runSeq: number, value: unknown) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`insert into node_outputs (node_execution_id, seq, execution_id, pin, value, run_seq)
      values (${nodeExecutionId}, ${seq}, ${executionId}, 'out', ${JSON.stringify(value)}::jsonb, ${runSeq})`
  })

describe("ExecutionStore", () => {
  layer(TestLayer, { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("create stores the run QUEUED with its node executions, read back in created_seq order", () =>
      Effect.gen(function* () {
        const { store, run, id, n1, n2 } = yield* setup
        assert.strictEqual(run.status, "QUEUED")
        assert.deepStrictEqual(run.inputs, { topic: "owls" })
        const detail = yield* store.get(id)
        assert.deepStrictEqual(
          detail.nodeExecutions.map((n) => [n.id, n.status, n.createdSeq]),
          [
            [n1, "QUEUED", 0],
            [n2, "INCOMPLETE", 1]
          ]
        )
        assert.deepStrictEqual(detail.nodeExecutions[0]?.input, { topic: "owls" })
        assert.isNotNull(detail.nodeExecutions[0]?.queuedAt)
        assert.isNull(detail.nodeExecutions[1]?.input)
        assert.deepStrictEqual(detail.nodeExecutions[1]?.pins, { x: 1 })
      })
    )

    it.effect("create is all or nothing: a failing node execution leaves no run behind", () =>
      Effect.gen(function* () {
        const { store, graph } = yield* setup
        const id = ExecutionId.make(fresh("run"))
        const dup = NodeExecutionId.make(fresh("ne"))
        const error = yield* Effect.flip(
          store.create({
            execution: { id, graphId: graph.id, graphVersion: graph.version, userId: ada, inputs: {} },
            nodeExecutions: [
              { id: dup, nodeId: NodeId.make("a"), createdSeq: 0 },
              { id: dup, nodeId: NodeId.make("b"), createdSeq: 1 }
            ]
          })
        )
        assert.strictEqual(error._tag, "StoreError")
        assert.strictEqual((yield* Effect.flip(store.get(id)))._tag, "ExecutionNotFound")
      })
    )

    it.effect("get returns each node execution's outputs ordered by seq", () =>
      Effect.gen(function* () {
        const { store, id, n1, n2 } = yield* setup
        yield* writeOutput(id, n1, 1, 2, "second")
        yield* writeOutput(id, n1, 0, 1, { first: true })
        yield* writeOutput(id, n2, 0, 3, null)
        const detail = yield* store.get(id)
        assert.deepStrictEqual(
          detail.nodeExecutions[0]?.outputs.map((o) => [o.seq, o.value]),
          [
            [0, { first: true }],
            [1, "second"]
          ]
        )
        assert.deepStrictEqual(
          detail.nodeExecutions[1]?.outputs.map((o) => o.value),
          [null]
        )
      })
    )

    it.effect("transition follows allowedFrom, stamps times, and reports a stale update as Rejected", () =>
      Effect.gen(function* () {
        const { store, id, n1 } = yield* setup
        const started = yield* store.transition("executions", id, "RUNNING")
        assert.deepStrictEqual(started, { _tag: "Transitioned", from: "QUEUED", to: "RUNNING" })
        assert.isNotNull((yield* store.get(id)).startedAt)
        yield* store.transition("executions", id, "COMPLETED")
        const stale = yield* store.transition("executions", id, "RUNNING")
        assert.deepStrictEqual(stale, { _tag: "Rejected", current: "COMPLETED", to: "RUNNING" })
        const done = yield* store.get(id)
        assert.strictEqual(done.status, "COMPLETED")
        assert.isNotNull(done.endedAt)

        assert.deepStrictEqual(yield* store.transition("node_executions", n1, "COMPLETED"), {
          _tag: "Rejected",
          current: "QUEUED",
          to: "COMPLETED"
        })
        assert.strictEqual((yield* store.transition("node_executions", n1, "RUNNING"))._tag, "Transitioned")
        const missing = yield* Effect.flip(store.transition("node_executions", NodeExecutionId.make("nope"), "RUNNING"))
        assert.deepStrictEqual(
          [missing._tag, missing._tag === "ExecutionNotFound" ? missing.table : ""],
          ["ExecutionNotFound", "node_executions"]
        )
      })
    )

    it.effect("concurrent transitions from the same status: exactly one wins", () =>
      Effect.gen(function* () {
        const { store, id } = yield* setup
        yield* store.transition("executions", id, "RUNNING")
        const results = yield* Effect.all(
          [store.transition("executions", id, "COMPLETED"), store.transition("executions", id, "FAILED")],
          { concurrency: 2 }
        )
        assert.strictEqual(results.filter((r) => r._tag === "Transitioned").length, 1)
      })
    )

    it.effect("list filters by user, graph and status and pages by cursor without gaps or repeats", () =>
      Effect.gen(function* () {
        const { store, graph } = yield* setup
        const sql = yield* SqlClient.SqlClient
        // Seven more runs of this graph, several sharing one created_at (microseconds) to exercise the id tie-break.
        for (let i = 0; i < 7; i++) {
          const id = fresh("page")
          yield* sql`insert into executions (id, graph_id, graph_version, user_id, status, inputs, created_at)
            values (${id}, ${graph.id}, ${graph.version}, ${ada}, ${i % 2 === 0 ? "QUEUED" : "FAILED"}, '{}',
                    timestamptz '2030-01-01 00:00:00.123456+00' + ${i % 3} * interval '1 microsecond')`
        }
        const all = yield* store.list({ graphId: graph.id, limit: 500 })
        assert.strictEqual(all.items.length, 8)
        assert.isNull(all.nextCursor)
        const seen: Array<string> = []
        let cursor: string | undefined
        for (let page = 0; page < 10; page++) {
          const result = yield* store.list({ graphId: graph.id, userId: ada, limit: 3, cursor })
          seen.push(...result.items.map((e) => e.id))
          if (result.nextCursor === null) break
          cursor = result.nextCursor
        }
        assert.deepStrictEqual(
          seen,
          all.items.map((e) => e.id)
        )
        const failed = yield* store.list({ graphId: graph.id, statuses: ["FAILED"] })
        assert.deepStrictEqual(
          failed.items.map((e) => e.status),
          ["FAILED", "FAILED", "FAILED"]
        )
        assert.strictEqual((yield* store.list({ graphId: graph.id, userId: UserId.make("eve") })).items.length, 0)
        assert.strictEqual((yield* Effect.flip(store.list({ cursor: "garbage" })))._tag, "InvalidCursor")
      })
    )

    it.effect("journal lists outputs in run_seq order and node executions with end_seq and error", () =>
      Effect.gen(function* () {
        const { store, id, n1, n2 } = yield* setup
        const sql = yield* SqlClient.SqlClient
        yield* writeOutput(id, n2, 0, 2, "b0")
        yield* writeOutput(id, n1, 0, 1, "a0")
        yield* writeOutput(id, n1, 1, 3, "a1")
        yield* sql`update node_executions set status = 'FAILED', error = 'boom', end_seq = 4 where id = ${n1}`
        const journal = yield* store.journal(id)
        assert.deepStrictEqual(
          journal.outputs.map((o) => [o.runSeq, o.nodeExecutionId, o.value]),
          [
            [1, n1, "a0"],
            [2, n2, "b0"],
            [3, n1, "a1"]
          ]
        )
        assert.deepStrictEqual(
          journal.nodeExecutions.map((n) => [n.id, n.status, n.error, n.endSeq]),
          [
            [n1, "FAILED", "boom", 4],
            [n2, "INCOMPLETE", null, null]
          ]
        )
        assert.strictEqual(journal.execution.id, id)
      })
    )

    it.effect("delete removes the run with its node executions, outputs and child runs", () =>
      Effect.gen(function* () {
        const { store, graph, id, n1 } = yield* setup
        yield* writeOutput(id, n1, 0, 1, "x")
        const child = ExecutionId.make(fresh("child"))
        yield* store.create({
          execution: {
            id: child,
            graphId: graph.id,
            graphVersion: GraphVersion.make(1),
            userId: ada,
            inputs: {},
            parentExecutionId: id
          },
          nodeExecutions: []
        })
        yield* store.delete(id)
        const sql = yield* SqlClient.SqlClient
        const [left] = yield* sql<{ runs: number; nodes: number; outputs: number }>`
          select (select count(*)::int from executions where id in (${id}, ${child})) as runs,
                 (select count(*)::int from node_executions where execution_id = ${id}) as nodes,
                 (select count(*)::int from node_outputs where execution_id = ${id}) as outputs`
        assert.deepStrictEqual(left, { runs: 0, nodes: 0, outputs: 0 })
        assert.strictEqual((yield* Effect.flip(store.delete(id)))._tag, "ExecutionNotFound")
      })
    )
  })
})
