import { assert, describe, it } from "@effect/vitest"
import { compileTest, drive, execId, graph, link, node, nodeId, startOk } from "./EngineTestKit.ts"
import * as Machine from "./RunMachine.ts"
import type { Command } from "./RunState.ts"

const queuedInputs = (commands: ReadonlyArray<Command>) =>
  commands.flatMap((command) => (command._tag === "NodeQueued" ? [[command.nodeId, command.input] as const] : []))

const joinGraph = (aStatic = false) =>
  graph(
    [node("a", "Emit", { count: 3 }), node("b", "Emit", { count: 3 }), node("j", "Join")],
    [link("a.item -> j.a", aStatic), link("b.item -> j.b")]
  )

describe("compile", () => {
  it("forces isStatic on links whose source block has staticOutput", () => {
    const g = graph(
      [node("in", "AgentInput", { name: "x" }), node("s", "StoreValue"), node("p", "Pass")],
      [link("in.result -> s.input"), link("s.output -> p.value"), link("p.output -> s.input")]
    )
    const compiled = compileTest(g)
    assert.deepStrictEqual(
      compiled.links.map((compiledLink) => compiledLink.link.isStatic),
      [true, true, false]
    )
  })

  it("a node's required pins are its distinct inbound sink names", () => {
    const g = graph(
      [node("a", "Pass"), node("b", "Pass"), node("j", "Join")],
      [link("a.output -> j.a"), link("b.output -> j.a"), link("b.output -> j.b")]
    )
    assert.deepStrictEqual(compileTest(g).nodeById.get(nodeId("j"))?.requiredPins, ["a", "b"])
  })
})

describe("readiness", () => {
  it("the input is the node's inputDefault overridden by the values from links", () => {
    const g = graph(
      [node("p", "Pass", { value: 2 }), node("add", "Add", { a: 100, b: 1 })],
      [link("p.output -> add.a")]
    )
    const { state } = startOk(compileTest(g))
    const commands = Machine.onYield(state, execId(1), "output", 2)
    assert.deepStrictEqual(queuedInputs(commands), [[nodeId("add"), { a: 2, b: 1 }]])
  })

  it("a node runs only once every pin with an inbound link has a value", () => {
    const { state } = startOk(compileTest(joinGraph()))
    const first = Machine.onYield(state, execId(1), "item", "a0")
    assert.deepStrictEqual(
      first.map((command) => command._tag),
      ["NodeCreated", "PinSet"]
    )
    assert.deepStrictEqual(first[0], {
      _tag: "NodeCreated",
      exec: {
        id: execId(3),
        nodeId: nodeId("j"),
        status: "INCOMPLETE",
        pins: {},
        input: undefined,
        outputCount: 0,
        error: undefined
      }
    })
    const second = Machine.onYield(state, execId(2), "item", "b0")
    assert.deepStrictEqual(second, [
      { _tag: "PinSet", nodeExecutionId: execId(3), pin: "b", value: "b0" },
      { _tag: "NodeQueued", nodeExecutionId: execId(3), nodeId: nodeId("j"), input: { a: "a0", b: "b0" } }
    ])
  })
})

describe("routing", () => {
  it("NodeCreated carries the execution as it was created, even when it is queued by the same yield", () => {
    const g = graph([node("p", "Pass", { value: 1 }), node("q", "Pass")], [link("p.output -> q.value")])
    const { state } = startOk(compileTest(g))
    const commands = Machine.onYield(state, execId(1), "output", 1)
    assert.deepStrictEqual(
      commands.map((command) => command._tag),
      ["NodeCreated", "PinSet", "NodeQueued"]
    )
    const created = commands[0]
    assert.deepStrictEqual(created?._tag === "NodeCreated" ? [created.exec.status, created.exec.pins] : [], [
      "INCOMPLETE",
      {}
    ])
    assert.strictEqual(state.nodeExecs[1]?.status, "QUEUED")
  })

  it("each yield is routed at once, while the producer is still running", () => {
    const g = graph([node("e", "Emit", { count: 2 }), node("p", "Pass")], [link("e.item -> p.value")])
    const { state } = startOk(compileTest(g))
    Machine.onNodeStarted(state, execId(1))
    assert.deepStrictEqual(queuedInputs(Machine.onYield(state, execId(1), "item", 0)), [[nodeId("p"), { value: 0 }]])
    assert.strictEqual(state.nodeExecs[0]?.status, "RUNNING")
  })

  it("N yields into a one-input node give N executions", () => {
    const g = graph([node("e", "Emit", { count: 4 }), node("p", "Pass")], [link("e.item -> p.value")])
    const run = drive(compileTest(g))
    assert.deepStrictEqual(
      queuedInputs(run.commands)
        .slice(1)
        .map(([, input]) => input.value),
      [0, 1, 2, 3]
    )
  })

  it("a value goes into the oldest INCOMPLETE execution lacking its pin: values pair first come, first served", () => {
    const { state } = startOk(compileTest(joinGraph()))
    Machine.onYield(state, execId(1), "item", "a0")
    Machine.onYield(state, execId(1), "item", "a1")
    const b0 = Machine.onYield(state, execId(2), "item", "b0")
    Machine.onYield(state, execId(2), "item", "b1")
    const b2 = Machine.onYield(state, execId(2), "item", "b2")
    const a2 = Machine.onYield(state, execId(1), "item", "a2")
    assert.deepStrictEqual(queuedInputs(b0), [[nodeId("j"), { a: "a0", b: "b0" }]])
    assert.deepStrictEqual(
      b2.map((command) => command._tag),
      ["NodeCreated", "PinSet"]
    )
    assert.deepStrictEqual(queuedInputs(a2), [[nodeId("j"), { a: "a2", b: "b2" }]])
    assert.deepStrictEqual(
      state.nodeExecs.filter((exec) => exec.nodeId === "j").map((exec) => exec.input),
      [
        { a: "a0", b: "b0" },
        { a: "a1", b: "b1" },
        { a: "a2", b: "b2" }
      ]
    )
  })

  it("a yield on a pin without links is counted but creates nothing", () => {
    const g = graph([node("p", "Pass", { value: 1 }), node("q", "Pass")], [link("p.output -> q.value")])
    const { state } = startOk(compileTest(g))
    assert.deepStrictEqual(Machine.onYield(state, execId(1), "other", 1), [])
    assert.strictEqual(state.nodeExecs[0]?.outputCount, 1)
  })
})

describe("dynamic pins", () => {
  it("a source-side path forwards the selected part, and nothing when the part is missing", () => {
    const g = graph(
      [node("p", "Pass"), node("q", "Pass"), node("src", "Pass", { value: 0 })],
      [link("src.output_#_name -> p.value"), link("src.output_$_1 -> q.value")]
    )
    const { state } = startOk(compileTest(g))
    const commands = Machine.onYield(state, execId(1), "output", { name: "n" })
    assert.deepStrictEqual(queuedInputs(commands), [[nodeId("p"), { value: "n" }]])
    const list = Machine.onYield(state, execId(1), "output", ["x", "y"])
    assert.deepStrictEqual(queuedInputs(list), [[nodeId("q"), { value: "y" }]])
  })

  it("a yield on a pin named exactly like a dynamic source name carries the whole value", () => {
    const g = graph([node("src", "Pass", { value: 0 }), node("p", "Pass")], [link("src.out_#_k -> p.value")])
    const { state } = startOk(compileTest(g))
    assert.deepStrictEqual(queuedInputs(Machine.onYield(state, execId(1), "out_#_k", 5)), [[nodeId("p"), { value: 5 }]])
  })

  it("sink-side list pins are assembled into a list padded with null", () => {
    const g = graph(
      [node("x", "Pass", { value: "x" }), node("z", "Pass", { value: "z" }), node("list", "CreateList")],
      [link("x.output -> list.values_$_0"), link("z.output -> list.values_$_2")]
    )
    const run = drive(compileTest(g))
    assert.deepStrictEqual(queuedInputs(run.commands).at(-1), [nodeId("list"), { values: ["x", null, "z"] }])
  })

  it("sink-side dict pins are assembled into the node's default object", () => {
    const g = graph(
      [node("x", "Pass", { value: 1 }), node("d", "CreateDictionary", { values: { fixed: 0 } })],
      [link("x.output -> d.values_#_k")]
    )
    const run = drive(compileTest(g))
    assert.deepStrictEqual(queuedInputs(run.commands).at(-1), [nodeId("d"), { values: { fixed: 0, k: 1 } }])
  })
})

describe("static links", () => {
  it("a static value is re-used by every later execution of the sink", () => {
    const g = graph(
      [node("in", "AgentInput", { name: "x", value: "X" }), node("b", "Emit", { count: 3 }), node("j", "Join")],
      [link("in.result -> j.a"), link("b.item -> j.b")]
    )
    const run = drive(compileTest(g))
    assert.deepStrictEqual(
      queuedInputs(run.commands)
        .filter(([id]) => id === "j")
        .map(([, input]) => input),
      [
        { a: "X", b: 0 },
        { a: "X", b: 1 },
        { a: "X", b: 2 }
      ]
    )
    assert.deepStrictEqual(Machine.result(run.state).stuckNodes, [])
  })

  it("a new static value fills every INCOMPLETE execution lacking the pin, without creating one", () => {
    const { state } = startOk(compileTest(joinGraph(true)))
    Machine.onYield(state, execId(2), "item", "b0")
    Machine.onYield(state, execId(2), "item", "b1")
    const commands = Machine.onYield(state, execId(1), "item", "A")
    assert.deepStrictEqual(queuedInputs(commands), [
      [nodeId("j"), { a: "A", b: "b0" }],
      [nodeId("j"), { a: "A", b: "b1" }]
    ])
    assert.isFalse(commands.some((command) => command._tag === "NodeCreated"))
  })

  it("a static value with no execution waiting for it creates one, like a plain link", () => {
    const g = graph(
      [node("in", "AgentInput", { name: "x", value: 1 }), node("p", "Pass")],
      [link("in.result -> p.value")]
    )
    const run = drive(compileTest(g))
    assert.deepStrictEqual(queuedInputs(run.commands).at(-1), [nodeId("p"), { value: 1 }])
  })

  it("an execution holding an older static value keeps it; later executions take the latest value", () => {
    const { state } = startOk(compileTest(joinGraph(true)))
    Machine.onYield(state, execId(1), "item", "A1")
    const second = Machine.onYield(state, execId(1), "item", "A2")
    assert.deepStrictEqual(
      second.map((command) => command._tag),
      ["NodeCreated", "PinSet"],
      "no double fill"
    )
    Machine.onYield(state, execId(2), "item", "b0")
    Machine.onYield(state, execId(2), "item", "b1")
    const third = Machine.onYield(state, execId(2), "item", "b2")
    assert.deepStrictEqual(
      state.nodeExecs.filter((exec) => exec.nodeId === "j").map((exec) => exec.input),
      [
        { a: "A1", b: "b0" },
        { a: "A2", b: "b1" },
        { a: "A2", b: "b2" }
      ]
    )
    assert.deepStrictEqual(
      third.filter((command) => command._tag === "PinSet").map((command) => command._tag === "PinSet" && command.pin),
      ["b", "a"],
      "a new execution is filled from the latest static value"
    )
  })
})
