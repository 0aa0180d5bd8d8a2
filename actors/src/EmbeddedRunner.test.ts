import { assert, layer } from "@effect/vitest"
import { PgClient } from "@effect/sql-pg"
import { Effect, Queue, Schema, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { ExecutionId, ExecutionStore, GraphId } from "@weft/runtime"
import { Executions } from "./Executions.ts"
import { eventsChannel, RunEventBatch, type RunEventWire, unpackPayload } from "./RunEvents.ts"
import {
  embeddedTestRunner,
  graphDocument,
  graphLink,
  graphNode,
  readExample,
  runToEnd,
  saveDocument
} from "./RunnerTestKit.ts"

layer(embeddedTestRunner, { excludeTestServices: true, timeout: 120_000 })("embedded runner", (it) => {
  it.effect("runs the template pipeline example and stores the output", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(yield* readExample("template-pipeline.json"))
      const run = yield* runToEnd(graph, { name: "Ada" })
      assert.strictEqual(run.status, "COMPLETED")
      assert.deepStrictEqual(run.outputs, { letter: ["Dear Ada, here is news about graphs."] })
      assert.isTrue(run.nodeExecutions.every((n) => n.status === "COMPLETED"))
    })
  )

  it.effect("runs one node execution per list item and keeps every yield with its sequence number", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(yield* readExample("loop-over-list.json"))
      const run = yield* runToEnd(graph, { numbers: [5, 6, 7, 8] })
      assert.strictEqual(run.status, "COMPLETED")
      assert.deepStrictEqual(run.outputs, { doubled: [10, 12, 14, 16] })
      const doubles = run.nodeExecutions.filter((n) => n.nodeId === "double")
      assert.strictEqual(doubles.length, 4)
      const each = run.nodeExecutions.find((n) => n.nodeId === "each")
      assert.deepStrictEqual(
        each?.outputs.map((o) => [o.seq, o.pin]),
        [
          [0, "item"],
          [1, "key"],
          [2, "item"],
          [3, "key"],
          [4, "item"],
          [5, "key"],
          [6, "item"],
          [7, "key"]
        ]
      )
    })
  )

  it.effect("runs another graph as a sub-graph and records the child run", () =>
    Effect.gen(function* () {
      yield* saveDocument(yield* readExample("greeting.json"))
      const graph = yield* saveDocument(yield* readExample("subgraph.json"))
      const run = yield* runToEnd(graph, { who: "Bob" })
      assert.strictEqual(run.status, "COMPLETED")
      assert.deepStrictEqual(run.outputs, { message: ["The sub-graph said: Hello Bob!"] })
      const sql = yield* SqlClient.SqlClient
      const children = yield* sql<{
        status: string
      }>`SELECT status FROM executions WHERE parent_execution_id = ${run.id}`
      assert.deepStrictEqual(
        children.map((c) => c.status),
        ["COMPLETED"]
      )
    })
  )

  it.effect("fails the run when a block error is not handled, and names the node", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(
        graphDocument(
          "divide",
          [
            graphNode("div", "Calculator", { operation: "Divide", a: 1, b: 0 }),
            graphNode("out", "AgentOutput", { name: "r" })
          ],
          [graphLink("div", "result", "out", "value")]
        )
      )
      const run = yield* runToEnd(graph)
      assert.strictEqual(run.status, "FAILED")
      const div = run.nodeExecutions.find((n) => n.nodeId === "div")
      assert.strictEqual(div?.status, "FAILED")
      assert.match(div?.error ?? "", /zero/i)
    })
  )

  it.effect("completes the run when the error pin is linked to a handler", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(
        graphDocument(
          "divide-handled",
          [
            graphNode("div", "Calculator", { operation: "Divide", a: 1, b: 0 }),
            graphNode("handler", "AgentOutput", { name: "problem" })
          ],
          [graphLink("div", "error", "handler", "value")]
        )
      )
      const run = yield* runToEnd(graph)
      assert.strictEqual(run.status, "COMPLETED")
      assert.strictEqual(run.outputs["problem"]?.length, 1)
    })
  )

  it.effect("reports the pins a stuck node never received", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(
        graphDocument(
          "stuck",
          [
            graphNode("a", "StoreValue", { input: 1 }),
            graphNode("add", "Calculator", { operation: "Add" }),
            graphNode("never", "Condition", { value1: 1, operator: "==", value2: 2 }),
            graphNode("out", "AgentOutput", { name: "sum" })
          ],
          [
            graphLink("a", "output", "add", "a"),
            graphLink("never", "yes_output", "add", "b"),
            graphLink("add", "result", "out", "value")
          ]
        )
      )
      const run = yield* runToEnd(graph)
      assert.strictEqual(run.status, "COMPLETED")
      assert.deepStrictEqual(
        run.stuckNodes.map((s) => [s.nodeId, [...s.missingPins]]),
        [["add", ["b"]]]
      )
    })
  )

  it.effect("rejects a start with a missing input and stores nothing", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(yield* readExample("template-pipeline.json"))
      const executions = yield* Executions
      const error = yield* Effect.flip(executions.start({ graphId: graph.id, inputs: {}, userId: graph.ownerId }))
      assert.strictEqual(error._tag, "StartRejected")
      const page = yield* (yield* ExecutionStore).list({ graphId: GraphId.make(graph.id) })
      assert.strictEqual(page.items.length, 0)
    })
  )

  it.effect("cancelling a run interrupts its running block and terminates what is left", () =>
    Effect.gen(function* () {
      const graph = yield* saveDocument(
        graphDocument(
          "long",
          [
            graphNode("go", "StoreValue", { input: "started" }),
            graphNode("mark", "AgentOutput", { name: "mark" }),
            graphNode("wait", "Wait", { seconds: 600 }),
            graphNode("after", "AgentOutput", { name: "after" })
          ],
          [
            graphLink("go", "output", "mark", "value"),
            graphLink("go", "output", "wait", "data"),
            graphLink("wait", "data", "after", "value")
          ]
        )
      )
      const executions = yield* Executions
      const { executionId } = yield* executions.start({ graphId: graph.id, inputs: {}, userId: graph.ownerId })
      // The "mark" output arrives while the Wait node is running.
      yield* executions.watch(executionId).pipe(
        Stream.filter((e) => e._tag === "Output"),
        Stream.take(1),
        Stream.runDrain
      )
      assert.isTrue(yield* executions.cancel(executionId))
      assert.isFalse(yield* executions.cancel(executionId))
      const run = yield* (yield* ExecutionStore).get(ExecutionId.make(executionId))
      assert.strictEqual(run.status, "TERMINATED")
      assert.strictEqual(run.nodeExecutions.find((n) => n.nodeId === "wait")?.status, "TERMINATED")
      assert.deepStrictEqual(run.outputs, { mark: ["started"] })
    })
  )

  it.effect("publishes each run's events on weft_events as its rows commit", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const pg = yield* PgClient.PgClient
        const notifications = yield* pg.listen(eventsChannel)
        const graph = yield* saveDocument(yield* readExample("template-pipeline.json"))
        const executions = yield* Executions
        const { executionId } = yield* executions.start({
          graphId: graph.id,
          inputs: { name: "Eve" },
          userId: graph.ownerId
        })
        const seen: Array<RunEventWire> = []
        while (!seen.some((e) => e._tag === "graph" && e.status === "COMPLETED")) {
          const n = yield* Queue.take(notifications)
          for (const line of unpackPayload(n.payload)) {
            const batch = yield* Schema.decodeUnknownEffect(Schema.fromJsonString(RunEventBatch))(line)
            if (batch.executionId === executionId) seen.push(...batch.events)
          }
        }
        const graphStatuses = seen.flatMap((e) => (e._tag === "graph" ? [e.status] : []))
        assert.deepStrictEqual(graphStatuses, ["QUEUED", "RUNNING", "COMPLETED"])
        const letter = seen.flatMap((e) => (e._tag === "node" && e.node === "letter" ? [e.status] : []))
        assert.deepStrictEqual(letter, ["INCOMPLETE", "QUEUED", "RUNNING", "COMPLETED"])
        const outputs = seen.flatMap((e) => (e._tag === "output" && e.node === "letter" ? [[e.pin, e.value]] : []))
        assert.deepStrictEqual(outputs, [["output", "Dear Eve, here is news about graphs."]])
      })
    )
  )
})
