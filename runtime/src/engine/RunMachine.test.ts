import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { compileTest, drive, execId, executionId, graph, link, node, nodeId, startOk } from "./EngineTestKit.ts"
import * as Machine from "./RunMachine.ts"
import type { Command } from "./RunState.ts"

const queuedInputs = (commands: ReadonlyArray<Command>) =>
  commands.flatMap((command) => (command._tag === "NodeQueued" ? [[command.nodeId, command.input] as const] : []))

const rejected = (result: ReturnType<typeof Machine.start>): Machine.StartRejected => {
  if (Result.isSuccess(result)) throw new Error("expected the start to be rejected")
  return result.failure
}

describe("start", () => {
  it("starting nodes are the nodes without inbound links plus every AgentInput, in graph order; Notes never run", () => {
    const g = graph(
      [
        node("note", "Note", { text: "hi" }),
        node("p", "Pass", { value: 1 }),
        node("in", "AgentInput", { name: "x", value: 5 }),
        node("in2", "AgentInput", { name: "y", value: 6 }),
        node("sink", "Pass")
      ],
      [link("p.output -> in2.value"), link("in.result -> sink.value")]
    )
    const { state, commands } = startOk(compileTest(g))
    assert.deepStrictEqual(
      commands.map((command) => command._tag),
      ["NodeCreated", "NodeQueued", "NodeCreated", "NodeQueued", "NodeCreated", "NodeQueued"]
    )
    assert.deepStrictEqual(queuedInputs(commands), [
      [nodeId("p"), { value: 1 }],
      [nodeId("in"), { name: "x", value: 5 }],
      [nodeId("in2"), { name: "y", value: 6 }]
    ])
    assert.deepStrictEqual(
      state.nodeExecs.map((exec) => [exec.id, exec.status]),
      [
        [execId(1), "QUEUED"],
        [execId(2), "QUEUED"],
        [execId(3), "QUEUED"]
      ]
    )
  })

  it("an AgentInput takes its value from inputs[name], else from its default", () => {
    const g = graph(
      [
        node("a", "AgentInput", { name: "a", value: "default-a" }),
        node("b", "AgentInput", { name: "b", value: "default-b" })
      ],
      []
    )
    const { commands } = startOk(compileTest(g), { a: "given" })
    assert.deepStrictEqual(queuedInputs(commands), [
      [nodeId("a"), { name: "a", value: "given" }],
      [nodeId("b"), { name: "b", value: "default-b" }]
    ])
  })

  it("unknown input names reject the start", () => {
    const g = graph([node("a", "AgentInput", { name: "a", value: 1 })], [])
    const error = rejected(Machine.start(compileTest(g), executionId, { a: 1, typo: 2 }))
    assert.deepStrictEqual(error.unknownInputs, ["typo"])
    assert.match(error.message, /typo/)
  })

  it("a required input (no value, no default) that is missing rejects the start, per node", () => {
    const g = graph([node("a", "AgentInput", { name: "a" }), node("b", "AgentInput", { name: "b", value: null })], [])
    const error = rejected(Machine.start(compileTest(g), executionId, {}))
    assert.deepStrictEqual(error.nodeErrors, {
      a: ['missing required input "a"'],
      b: ['missing required input "b"']
    })
  })

  it("a starting node whose input fails its schema rejects the whole start and names the pin and types", () => {
    const g = graph([node("ok", "Pass", { value: 1 }), node("bad", "Add", { a: "one" })], [])
    const error = rejected(Machine.start(compileTest(g), executionId, {}))
    assert.deepStrictEqual(Object.keys(error.nodeErrors), ["bad"])
    const messages = (error.nodeErrors.bad ?? []).join(" ")
    assert.match(messages, /input pin "a": Expected number, got string/)
    assert.match(messages, /input pin "b": a value is required/)
  })
})

describe("node lifecycle events", () => {
  it("onNodeStarted moves QUEUED to RUNNING, onNodeCompleted to COMPLETED and settles the run", () => {
    const { state } = startOk(compileTest(graph([node("p", "Pass", { value: 1 })], [])))
    assert.isFalse(Machine.isSettled(state))
    Machine.onNodeStarted(state, execId(1))
    assert.strictEqual(state.nodeExecs[0]?.status, "RUNNING")
    assert.deepStrictEqual(Machine.onNodeCompleted(state, execId(1)), [])
    assert.strictEqual(state.nodeExecs[0]?.status, "COMPLETED")
    assert.isTrue(Machine.isSettled(state))
    assert.deepStrictEqual(Machine.result(state), {
      status: "COMPLETED",
      outputs: {},
      stuckNodes: [],
      unhandledFailures: []
    })
  })

  it("events for an execution that can no longer take them are ignored; an unknown id throws", () => {
    const g = graph([node("p", "Pass", { value: 1 }), node("q", "Pass")], [link("p.output -> q.value")])
    const { state } = startOk(compileTest(g))
    Machine.onNodeCompleted(state, execId(1))
    assert.deepStrictEqual(Machine.onYield(state, execId(1), "output", 1), [])
    assert.deepStrictEqual(Machine.onNodeCompleted(state, execId(1)), [])
    assert.deepStrictEqual(Machine.onNodeFailed(state, execId(1), "late"), [])
    assert.strictEqual(state.nodeExecs.length, 1)
    assert.throws(() => Machine.onYield(state, execId(99), "output", 1), /unknown node execution/)
  })
})

describe("errors", () => {
  it("a failure yields its error on the error pin; an error link makes it handled and the run COMPLETED", () => {
    const g = graph(
      [node("f", "Fail", { value: 1 }), node("handler", "Pass"), node("after", "Pass")],
      [link("f.error -> handler.value"), link("f.partial -> after.value")]
    )
    const run = drive(compileTest(g))
    const failed = run.state.nodeExecs.find((exec) => exec.nodeId === "f")
    assert.strictEqual(failed?.status, "FAILED")
    assert.strictEqual(failed?.error, "boom")
    assert.strictEqual(failed?.outputCount, 2, "the partial yield and the error yield")
    assert.deepStrictEqual(queuedInputs(run.commands).slice(1), [
      [nodeId("after"), { value: 1 }],
      [nodeId("handler"), { value: "boom" }]
    ])
    assert.strictEqual(Machine.result(run.state).status, "COMPLETED")
  })

  it("an unhandled failure makes the run FAILED, and what was yielded before it has gone downstream", () => {
    const g = graph([node("f", "Fail", { value: 7 }), node("after", "Pass")], [link("f.partial -> after.value")])
    const run = drive(compileTest(g))
    const result = Machine.result(run.state)
    assert.strictEqual(result.status, "FAILED")
    assert.deepStrictEqual(
      result.unhandledFailures.map((failure) => [failure.nodeId, failure.error]),
      [[nodeId("f"), "boom"]]
    )
    assert.deepStrictEqual(queuedInputs(run.commands).slice(1), [[nodeId("after"), { value: 7 }]])
  })

  it("a value that does not fit a sink pin fails the sink with an error naming pin, expected and actual type", () => {
    const g = graph(
      [node("p", "Pass", { value: "text" }), node("add", "Add", { b: 1 }), node("handler", "Pass")],
      [link("p.output -> add.a"), link("add.error -> handler.value")]
    )
    const { state } = startOk(compileTest(g))
    const commands = Machine.onYield(state, execId(1), "output", "text")
    const failed = commands.find((command) => command._tag === "NodeFailed")
    assert.deepStrictEqual(failed, {
      _tag: "NodeFailed",
      nodeExecutionId: execId(2),
      error: 'input pin "a": Expected number, got string'
    })
    assert.deepStrictEqual(queuedInputs(commands), [
      [nodeId("handler"), { value: 'input pin "a": Expected number, got string' }]
    ])
    Machine.onNodeCompleted(state, execId(1))
    assert.strictEqual(Machine.result(state).status, "COMPLETED")
  })

  it("an invalid dynamic sink pin name fails the sink when it becomes complete", () => {
    const g = graph(
      [node("p", "Pass", { value: 1 }), node("list", "CreateList")],
      [link("p.output -> list.values_$_x")]
    )
    const { state } = startOk(compileTest(g))
    const commands = Machine.onYield(state, execId(1), "output", 1)
    const failed = commands.find((command) => command._tag === "NodeFailed")
    assert.match(failed?._tag === "NodeFailed" ? failed.error : "", /not a non-negative integer/)
  })

  it("a cycle of failing validations is cut off instead of looping forever, and the run is FAILED", () => {
    const g = graph(
      [node("p", "Pass", { value: "x" }), node("a", "Add", { b: 1 }), node("b", "Add", { b: 1 })],
      [link("p.output -> a.a"), link("a.error -> b.a"), link("b.error -> a.a")]
    )
    const { state } = startOk(compileTest(g))
    const commands = Machine.onYield(state, execId(1), "output", "x")
    Machine.onNodeCompleted(state, execId(1))
    assert.isAbove(commands.length, 1000)
    assert.strictEqual(Machine.result(state).status, "FAILED")
    assert.match(Machine.result(state).unhandledFailures[0]?.error ?? "", /not routed/)
  })
})

describe("graph outputs", () => {
  it("a yield of an AgentOutput's output is a GraphOutput under its input name; outputs keep arrival order", () => {
    const g = graph(
      [
        node("e", "Emit", { count: 3 }),
        node("out", "AgentOutput", { name: "items" }),
        node("out2", "AgentOutput", { name: "items", value: "fixed" })
      ],
      [link("e.item -> out.value")]
    )
    const run = drive(compileTest(g))
    const outputs = run.commands.flatMap((command) =>
      command._tag === "GraphOutput" ? [[command.name, command.value]] : []
    )
    assert.deepStrictEqual(outputs, [
      ["items", "fixed"],
      ["items", 0],
      ["items", 1],
      ["items", 2]
    ])
    assert.deepStrictEqual(Machine.result(run.state).outputs, { items: ["fixed", 0, 1, 2] })
  })
})

describe("cancel", () => {
  it("terminates every QUEUED, RUNNING and INCOMPLETE execution, is idempotent and ends the run TERMINATED", () => {
    const g = graph(
      [node("a", "Pass", { value: 1 }), node("b", "Pass", { value: 2 }), node("j", "Join")],
      [link("a.output -> j.a"), link("b.output -> j.b")]
    )
    const { state } = startOk(compileTest(g))
    Machine.onNodeStarted(state, execId(1))
    Machine.onYield(state, execId(1), "output", 1)
    const commands = Machine.cancel(state)
    assert.deepStrictEqual(commands, [
      { _tag: "NodeTerminated", nodeExecutionId: execId(1) },
      { _tag: "NodeTerminated", nodeExecutionId: execId(2) },
      { _tag: "NodeTerminated", nodeExecutionId: execId(3) }
    ])
    assert.deepStrictEqual(Machine.cancel(state), [])
    assert.deepStrictEqual(Machine.onYield(state, execId(2), "output", 2), [])
    assert.isTrue(Machine.isSettled(state))
    const result = Machine.result(state)
    assert.strictEqual(result.status, "TERMINATED")
    assert.deepStrictEqual(result.stuckNodes, [])
  })
  it("cancelling a run that is already over changes nothing", () => {
    const g = graph(
      [node("a", "Emit", { count: 1 }), node("j", "Join", { b: 0 })],
      [link("a.item -> j.a"), link("j.output -> j.b")]
    )
    const { state } = startOk(compileTest(g))
    Machine.onNodeCompleted(state, execId(1))
    assert.isTrue(Machine.isSettled(state))
    assert.deepStrictEqual(Machine.cancel(state), [])
    assert.strictEqual(Machine.result(state).status, "COMPLETED")
  })
})

describe("stuck nodes", () => {
  it("a settled run lists its INCOMPLETE executions with the pins they were missing", () => {
    const g = graph(
      [node("a", "Emit", { count: 2 }), node("b", "Emit", { count: 1 }), node("j", "Join")],
      [link("a.item -> j.a"), link("b.item -> j.b")]
    )
    const run = drive(compileTest(g))
    assert.isTrue(Machine.isSettled(run.state))
    const result = Machine.result(run.state)
    assert.strictEqual(result.status, "COMPLETED")
    assert.deepStrictEqual(result.stuckNodes, [{ nodeExecutionId: execId(4), nodeId: nodeId("j"), missingPins: ["b"] }])
  })
})

describe("loops", () => {
  it("a counter loop through a condition runs until the condition routes out", () => {
    const g = graph(
      [
        node("in", "AgentInput", { name: "start" }),
        node("add", "Add", { b: 1 }),
        node("less", "Less", { value2: 3 }),
        node("out", "AgentOutput", { name: "count" })
      ],
      [
        link("in.result -> add.a"),
        link("add.result -> less.value1"),
        link("less.yes_output -> add.a"),
        link("less.no_output -> out.value")
      ]
    )
    const run = drive(compileTest(g), { start: 0 })
    const result = Machine.result(run.state)
    assert.deepStrictEqual(result, {
      status: "COMPLETED",
      outputs: { count: [3] },
      stuckNodes: [],
      unhandledFailures: []
    })
    const adds = queuedInputs(run.commands).filter(([id]) => id === "add")
    assert.deepStrictEqual(
      adds.map(([, input]) => input.a),
      [0, 1, 2]
    )
  })
})
