import { describe, it, assert } from "@effect/vitest"
import { Block } from "@weft/block-sdk"
import type { AnyBlock } from "@weft/block-sdk"
import { Effect, Schema, Stream } from "effect"
import type { BlockRef, Link, Node } from "../model/Graph.ts"
import { LinkId, NodeId } from "../model/Ids.ts"
import { formatIssue, type GraphIssue, type GraphIssueCode, GraphValidationError } from "./GraphIssue.ts"
import { validateGraph, validateGraphOrFail, type ValidatableGraph } from "./GraphValidation.ts"
import type { SubgraphLookup, SubgraphShape } from "./SubgraphContainment.ts"

// Stand-ins for the built-ins with the same pin names, so these tests do not depend on runtime/src/blocks.
const common = { version: "1.0.0", description: "test", categories: ["test"], run: () => Stream.empty }

const AgentInput = Block.make({
  ...common,
  id: "AgentInput",
  name: "Agent input",
  staticOutput: true,
  input: { name: Schema.String, value: Schema.Unknown, title: Schema.optionalKey(Schema.String) },
  output: { result: Schema.Unknown }
})
const AgentOutput = Block.make({
  ...common,
  id: "AgentOutput",
  name: "Agent output",
  input: { name: Schema.String, value: Schema.Unknown, format: Schema.optionalKey(Schema.String) },
  output: { output: Schema.Unknown }
})
const FillTextTemplate = Block.make({
  ...common,
  id: "FillTextTemplate",
  name: "Fill text template",
  input: { format: Schema.String, values: Schema.Record(Schema.String, Schema.Unknown) },
  output: { output: Schema.String }
})
const Calculator = Block.make({
  ...common,
  id: "Calculator",
  name: "Calculator",
  input: {
    operation: Schema.Literals(["Add", "Subtract", "Multiply", "Divide", "Power"]),
    a: Schema.Number,
    b: Schema.Number,
    round_result: Schema.optionalKey(Schema.Boolean)
  },
  output: { result: Schema.Number }
})
const CreateList = Block.make({
  ...common,
  id: "CreateList",
  name: "Create list",
  input: { values: Schema.Array(Schema.Number) },
  output: { list: Schema.Array(Schema.String) }
})
const Person = Block.make({
  ...common,
  id: "Person",
  name: "Person",
  input: {},
  output: { person: Schema.Struct({ name: Schema.String, age: Schema.Number }) }
})
const AgentExecutor = Block.make({
  ...common,
  id: "AgentExecutor",
  name: "Agent executor",
  dynamicOutput: true,
  input: { graph_id: Schema.String, graph_version: Schema.optionalKey(Schema.Number) },
  output: {}
})
const Shout = Block.make({
  ...common,
  id: "Shout",
  version: "1.2.3",
  name: "Shout",
  input: { text: Schema.String },
  output: { text: Schema.String }
})

const builtIns: ReadonlyArray<AnyBlock<unknown>> = [
  AgentInput,
  AgentOutput,
  FillTextTemplate,
  Calculator,
  CreateList,
  Person,
  AgentExecutor
]

const lookup = (ref: BlockRef): AnyBlock<unknown> | undefined => {
  if (ref.package === "@acme/shout")
    return ref.version === undefined || ref.version === "1.2.3" ? (ref.id === "Shout" ? Shout : undefined) : undefined
  if (ref.package !== undefined) return undefined
  return builtIns.find((b) => b.id === ref.id && (ref.version === undefined || ref.version === b.version))
}

const node = (id: string, block: string | BlockRef, inputDefault: Record<string, unknown> = {}): Node => ({
  id: NodeId.make(id),
  block: typeof block === "string" ? { id: block } : block,
  inputDefault,
  metadata: {}
})

const link = (id: string, from: string, to: string, isStatic = false): Link => {
  const [sourceId = "", sourceName = ""] = from.split(".")
  const [sinkId = "", sinkName = ""] = to.split(".")
  return {
    id: LinkId.make(id),
    sourceId: NodeId.make(sourceId),
    sourceName,
    sinkId: NodeId.make(sinkId),
    sinkName,
    isStatic
  }
}

const graph = (nodes: ReadonlyArray<Node>, links: ReadonlyArray<Link> = [], id?: string): ValidatableGraph =>
  id === undefined ? { nodes, links } : { id, nodes, links }

/** The greeting graph of graph-format.md. */
const greeting = graph(
  [
    node("in", "AgentInput", { name: "name" }),
    node("tpl", "FillTextTemplate", { format: "Hello {{ name }}" }),
    node("out", "AgentOutput", { name: "greeting" })
  ],
  [link("l1", "in.result", "tpl.values_#_name"), link("l2", "tpl.output", "out.value")]
)

const codes = (issues: ReadonlyArray<GraphIssue>): Array<GraphIssueCode> => issues.map((i) => i.code)

const only = (issues: ReadonlyArray<GraphIssue>, code: GraphIssueCode): GraphIssue => {
  assert.deepStrictEqual(codes(issues), [code], issues.map(formatIssue).join("\n"))
  const [issue] = issues
  if (issue === undefined) throw new Error("no issue")
  return issue
}

describe("validateGraph", () => {
  it("accepts the greeting graph, with AgentInput's value left to the run", () => {
    assert.deepStrictEqual(validateGraph(greeting, lookup), [])
  })

  it("accepts a graph whose links form a loop", () => {
    const loop = graph(
      [node("start", "Calculator", { operation: "Add", b: 1 }), node("step", "Calculator", { operation: "Add", b: 1 })],
      [link("a", "start.result", "step.a"), link("b", "step.result", "start.a")]
    )
    assert.deepStrictEqual(validateGraph(loop, lookup), [])
  })

  it("reports unknown blocks, versions and packages", () => {
    const issues = validateGraph(
      graph([
        node("x", "Nope"),
        node("y", { id: "Calculator", version: "9.9.9" }),
        node("z", { package: "@acme/shout", version: "2.0.0", id: "Shout" }),
        node("w", { package: "@acme/other", version: "1.0.0", id: "Shout" }),
        node("ok", { package: "@acme/shout", version: "1.2.3", id: "Shout" }, { text: "hi" })
      ]),
      lookup
    )
    assert.deepStrictEqual(codes(issues), ["unknown_block", "unknown_block", "unknown_block", "unknown_block"])
    assert.deepStrictEqual(
      issues.map((i) => i.nodeId),
      ["x", "y", "z", "w"]
    )
    assert.strictEqual(issues[0]?.message, `node "x": unknown block "Nope"`)
    assert.strictEqual(
      issues[1]?.message,
      `node "y": unknown block "Calculator" version "9.9.9" (available version: "1.0.0")`
    )
    assert.include(issues[3]?.message ?? "", `from package "@acme/other" version "1.0.0"`)
  })

  it("reports a link to an unknown input pin, naming node, pin, block and the known pins", () => {
    const issues = validateGraph(
      { ...greeting, links: [link("l1", "in.result", "tpl.valuez"), link("l2", "tpl.output", "out.value")] },
      lookup
    )
    // The misspelt link feeds nothing, so "values" is also missing.
    assert.deepStrictEqual(codes(issues), ["missing_input", "unknown_pin"])
    const issue = issues[1]
    if (issue === undefined) return
    assert.strictEqual(issue.nodeId, "tpl")
    assert.strictEqual(issue.linkId, "l1")
    assert.strictEqual(issue.pin, "valuez")
    assert.strictEqual(
      issue.message,
      `node "tpl": link to unknown input pin "valuez" of FillTextTemplate (did you mean "values"? known: format, values)`
    )
  })

  it("reports a link from an unknown output pin", () => {
    const issue = only(
      validateGraph(
        { ...greeting, links: [link("l1", "in.reslt", "tpl.values_#_name"), link("l2", "tpl.output", "out.value")] },
        lookup
      ),
      "unknown_pin"
    )
    assert.strictEqual(issue.nodeId, "in")
    assert.strictEqual(issue.pin, "reslt")
    assert.include(issue.message, `node "in": link from unknown output pin "reslt" of AgentInput`)
    assert.include(issue.message, "known: result, error")
  })

  it("accepts the error pin of every block and any output of dynamicOutput blocks", () => {
    const g = graph(
      [
        node("calc", "Calculator", { operation: "Divide", a: 1, b: 0 }),
        node("sub", "AgentExecutor", { graph_id: "child" }),
        node("out", "AgentOutput", { name: "err" }),
        node("out2", "AgentOutput", { name: "answer" })
      ],
      [link("e", "calc.error", "out.value"), link("d", "sub.whatever_the_child_says", "out2.value")]
    )
    assert.deepStrictEqual(validateGraph(g, lookup), [])
  })

  it("accepts dynamic pins into list and object pins, on either side", () => {
    const g = graph(
      [
        node("p", "Person"),
        node("list", "CreateList"),
        node("tpl", "FillTextTemplate", { format: "{{ n }}" }),
        node("calc", "Calculator", { operation: "Add", b: 1 }),
        node("out", "AgentOutput", { name: "o" })
      ],
      [
        link("age", "p.person_#_age", "list.values_$_0"),
        link("name", "p.person_@_name", "tpl.values_#_n"),
        link("first", "list.list_$_0", "out.value"),
        link("age2", "p.person_#_age", "calc.a")
      ]
    )
    assert.deepStrictEqual(validateGraph(g, lookup), [])
  })

  it("rejects dynamic pins into pins that are not lists or objects, and bad keys", () => {
    const g = graph(
      [node("p", "Person"), node("tpl", "FillTextTemplate", { values: {} }), node("list", "CreateList")],
      [
        link("a", "p.person_#_age", "tpl.format_#_x"),
        link("b", "p.person_#_height", "list.values_$_0"),
        link("c", "p.person_#_age", "list.values_$_first")
      ]
    )
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(
      codes(issues),
      ["unknown_pin", "unknown_pin", "unknown_pin"],
      issues.map(formatIssue).join("\n")
    )
    assert.strictEqual(
      issues[0]?.message,
      `node "tpl": link to input pin "format_#_x" of FillTextTemplate addresses a part of "format", but it is string, not an object`
    )
    assert.strictEqual(
      issues[1]?.message,
      `node "p": link from output pin "person_#_height" of Person addresses a part of "person", but the object declares no key "height"`
    )
    assert.include(issues[2]?.message ?? "", `list index "first" is not a non-negative integer`)
  })

  it("rejects empty keys and empty base names in dynamic pins", () => {
    const g = graph(
      [
        node("calc", "Calculator", { operation: "Add", a: 1, b: 1 }),
        node("tpl", "FillTextTemplate", { format: "" }),
        node("sub", "AgentExecutor", { graph_id: "c" })
      ],
      [link("a", "calc.result", "tpl.values_#_"), link("b", "sub._#_x", "tpl.values_#_x")]
    )
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(codes(issues), ["unknown_pin", "unknown_pin"], issues.map(formatIssue).join("\n"))
    assert.include(issues[0]?.message ?? "", `the key after "_#_" is empty`)
    assert.include(issues[1]?.message ?? "", `link from unknown output pin "_#_x" of AgentExecutor`)
  })

  it("reports incompatible pin types, and compares dynamic pins by element type", () => {
    const g = graph(
      [
        node("calc", "Calculator", { operation: "Add", a: 1, b: 2 }),
        node("tpl", "FillTextTemplate", { values: {} }),
        node("p", "Person"),
        node("list", "CreateList")
      ],
      [
        link("n2s", "calc.result", "tpl.format"),
        link("s2n", "p.person_#_name", "list.values_$_0"),
        link("l2o", "list.list", "tpl.values")
      ]
    )
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(
      codes(issues),
      ["incompatible_pin", "incompatible_pin", "incompatible_pin"],
      issues.map(formatIssue).join("\n")
    )
    assert.strictEqual(
      issues[0]?.message,
      `node "tpl": link "n2s" from output "result" of node "calc" (Calculator) carries number, but input "format" of FillTextTemplate expects string`
    )
    assert.include(issues[1]?.message ?? "", `carries string, but input "values_$_0" of CreateList expects number`)
    assert.include(issues[2]?.message ?? "", `carries list, but input "values" of FillTextTemplate expects object`)
  })

  it("treats Unknown pins as compatible with everything", () => {
    const g = graph(
      [node("in", "AgentInput", { name: "n" }), node("calc", "Calculator", { operation: "Add", b: 1 })],
      [link("x", "in.result", "calc.a")]
    )
    assert.deepStrictEqual(validateGraph(g, lookup), [])
  })

  it("reports required inputs with neither default nor link", () => {
    const g = graph([node("calc", "Calculator", { operation: "Add", a: 1 }), node("out", "AgentOutput", { name: "o" })])
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(codes(issues), ["missing_input", "missing_input"])
    assert.strictEqual(
      issues[0]?.message,
      `node "calc": required input "b" of Calculator has no default value and no inbound link`
    )
    assert.deepStrictEqual([issues[1]?.nodeId, issues[1]?.pin], ["out", "value"])
  })

  it("counts a dynamic-pin link as feeding its base pin", () => {
    const g = graph(
      [node("a", "Calculator", { operation: "Add", a: 1, b: 2 }), node("list", "CreateList")],
      [link("x", "a.result", "list.values_$_0")]
    )
    assert.deepStrictEqual(validateGraph(g, lookup), [])
  })

  it("reports duplicate node and link ids", () => {
    const g = graph(
      [
        node("a", "Calculator", { operation: "Add", a: 1, b: 2 }),
        node("a", "Calculator", { operation: "Add", a: 1, b: 2 })
      ],
      [link("l", "a.result", "a.a"), link("l", "a.result", "a.b")]
    )
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(codes(issues), ["duplicate_node_id", "duplicate_link_id"])
    assert.strictEqual(issues[0]?.message, `node id "a" is used by 2 nodes (nodes[0], nodes[1])`)
    assert.strictEqual(issues[1]?.message, `link id "l" is used by 2 links (links[0], links[1])`)
  })

  it("reports links to missing nodes at either end", () => {
    const g = graph(
      [node("calc", "Calculator", { operation: "Add", a: 1, b: 2 })],
      [link("l1", "ghost.result", "calc.a"), link("l2", "calc.result", "phantom.value")]
    )
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(codes(issues), ["link_to_missing_node", "link_to_missing_node"])
    assert.strictEqual(issues[0]?.message, `link "l1" (ghost.result -> calc.a): source node "ghost" does not exist`)
    assert.strictEqual(issues[1]?.linkId, "l2")
    assert.include(issues[1]?.message ?? "", `sink node "phantom" does not exist`)
  })

  it("reports input defaults that do not fit their pin, unless a link feeds the pin", () => {
    const g = graph(
      [
        node("calc", "Calculator", { operation: "Modulo", a: "one", b: 2, round_result: "yes" }),
        node("src", "Calculator", { operation: "Add", a: 1, b: 2 }),
        node("fed", "Calculator", { operation: "Add", a: "overridden by the link", b: 2 })
      ],
      [link("x", "src.result", "fed.a")]
    )
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(
      codes(issues),
      ["invalid_input_default", "invalid_input_default", "invalid_input_default"],
      issues.map(formatIssue).join("\n")
    )
    assert.deepStrictEqual(
      issues.map((i) => [i.nodeId, i.pin]),
      [
        ["calc", "operation"],
        ["calc", "a"],
        ["calc", "round_result"]
      ]
    )
    assert.strictEqual(
      issues[1]?.message,
      `node "calc": inputDefault "a" of Calculator is invalid: Expected number, got "one"`
    )
  })

  it("checks dynamic-pin defaults against the element type, and flags defaults for unknown pins", () => {
    const g = graph([
      node("list", "CreateList", { values_$_0: "not a number" }),
      node("tpl", "FillTextTemplate", { formt: "x", format: "y", values: {} })
    ])
    const issues = validateGraph(g, lookup)
    assert.deepStrictEqual(codes(issues), ["invalid_input_default", "unknown_pin"], issues.map(formatIssue).join("\n"))
    assert.include(
      issues[0]?.message ?? "",
      `inputDefault "values_$_0" of CreateList is invalid: expected number, got string`
    )
    assert.include(
      issues[1]?.message ?? "",
      `inputDefault sets unknown input pin "formt" of FillTextTemplate (did you mean "format"?`
    )
  })
})

describe("validateGraph sub-graph containment", () => {
  const executor = (id: string, graphId: string, version?: number): Node =>
    node(
      id,
      "AgentExecutor",
      version === undefined ? { graph_id: graphId } : { graph_id: graphId, graph_version: version }
    )

  const store =
    (graphs: Record<string, ReadonlyArray<Node>>): SubgraphLookup =>
    (graphId) => {
      const nodes = graphs[graphId]
      return nodes === undefined ? undefined : ({ id: graphId, nodes } satisfies SubgraphShape)
    }

  it("rejects a graph that runs itself directly", () => {
    const issue = only(
      validateGraph(graph([executor("self", "G")], [], "G"), lookup, { subgraphLookup: store({}) }),
      "self_containing_graph"
    )
    assert.strictEqual(issue.nodeId, "self")
    assert.strictEqual(issue.message, `node "self": sub-graph "G" contains this graph again ("G" -> "G")`)
  })

  it("rejects a graph that contains itself through a chain of sub-graphs", () => {
    const subgraphLookup = store({
      A: [executor("toB", "B", 3)],
      B: [executor("toC", "C")],
      C: [executor("back", "G", 1)]
    })
    const issue = only(
      validateGraph(graph([executor("run", "A")], [], "G"), lookup, { subgraphLookup }),
      "self_containing_graph"
    )
    assert.include(issue.message, `("G" -> "A" -> "B" -> "C" -> "G")`)
  })

  it("rejects a cycle among sub-graphs even when it does not pass through this graph", () => {
    const subgraphLookup = store({ A: [executor("toB", "B")], B: [executor("toA", "A")] })
    const issue = only(
      validateGraph(graph([executor("run", "A")]), lookup, { subgraphLookup }),
      "self_containing_graph"
    )
    assert.include(issue.message, `leads into a cycle of sub-graphs ("A" -> "B" -> "A")`)
  })

  it("accepts a diamond of sub-graphs and reports a sub-graph that does not exist", () => {
    const subgraphLookup = store({
      A: [executor("toC", "C")],
      B: [executor("toC", "C")],
      C: [node("n", "Calculator", { operation: "Add", a: 1, b: 1 })]
    })
    assert.deepStrictEqual(
      validateGraph(graph([executor("a", "A"), executor("b", "B")], [], "G"), lookup, { subgraphLookup }),
      []
    )
    const issue = only(
      validateGraph(graph([executor("m", "Missing", 2)], [], "G"), lookup, { subgraphLookup }),
      "unknown_subgraph"
    )
    assert.strictEqual(issue.message, `node "m": sub-graph "Missing" version 2 does not exist`)
  })

  it("skips sub-graph checks without a lookup", () => {
    assert.deepStrictEqual(validateGraph(graph([executor("self", "G")], [], "G"), lookup), [])
  })
})

describe("validateGraphOrFail", () => {
  it.effect("succeeds for a valid graph and fails with every issue otherwise", () =>
    Effect.gen(function* () {
      yield* validateGraphOrFail(greeting, lookup)
      const error = yield* Effect.flip(validateGraphOrFail(graph([node("x", "Nope")]), lookup))
      assert.instanceOf(error, GraphValidationError)
      assert.deepStrictEqual(codes(error.issues), ["unknown_block"])
      assert.include(error.message, `[unknown_block] node "x": unknown block "Nope"`)
    })
  )
})
