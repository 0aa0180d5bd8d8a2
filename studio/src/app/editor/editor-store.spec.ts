import { HttpErrorResponse } from "@angular/common/http"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { BlockDescriptor, Graph, GraphFile } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { EditorStore, freshNodeId, linkId, toGraphFile } from "./editor-store"
import { testBlock } from "../../spec-helpers"

/** Every block here has an `error` output pin, as the built-ins do. */
const block = (id: string, inputs: object, outputs: object): BlockDescriptor =>
  testBlock(id, inputs, { ...outputs, error: { type: "string" } })

const blocks = [
  block("Calculator", { a: { type: "number" }, b: { type: "number" } }, { result: { type: "number" } }),
  block("AgentOutput", { name: { type: "string" }, value: {} }, { output: {} })
]

const stored: Graph = {
  id: "g1",
  version: 1,
  name: "Sums",
  description: "adds",
  nodes: [],
  links: [],
  isActive: true,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z"
}

/** A stand-in for the gateway that records what was saved, with which message, and answers as it would. */
class FakeGateway implements Partial<GatewayApi> {
  saved: Array<GraphFile> = []
  messages: Array<string | undefined> = []
  blocks = async () => blocks
  graph = async () => stored
  updateGraph = async (_id: string, file: GraphFile, message?: string): Promise<Graph> => {
    this.saved.push(file)
    this.messages.push(message)
    return {
      ...stored,
      version: stored.version + this.saved.length,
      name: file.name,
      description: file.description ?? "",
      nodes: file.nodes.map((node) => ({
        id: node.id,
        block: node.block,
        inputDefault: node.inputDefault ?? {},
        metadata: node.metadata ?? {}
      })),
      links: (file.links ?? []).map((link) => ({ ...link, id: linkId(link), isStatic: link.isStatic ?? false })),
      ...(message === undefined ? {} : { versionMessage: message })
    }
  }
}

describe("EditorStore", () => {
  let store: EditorStore
  let gateway: FakeGateway

  beforeEach(async () => {
    gateway = new FakeGateway()
    TestBed.configureTestingModule({ providers: [EditorStore, { provide: GatewayApi, useValue: gateway }] })
    store = TestBed.inject(EditorStore)
    await store.load("g1")
  })

  const add = (id: string) => {
    const descriptor = blocks.find((b) => b.id === id)
    if (descriptor === undefined) throw new Error(`no block ${id}`)
    const node = store.addNode(descriptor, { x: 10.4, y: 20.6 })
    if (node === null) throw new Error("the editor refused to add a node")
    return node
  }

  it("adds nodes with fresh ids at rounded positions and marks the graph unsaved", () => {
    const first = add("Calculator")
    const second = add("Calculator")
    expect([first.id, second.id]).toEqual(["calculator-1", "calculator-2"])
    expect(first.metadata).toEqual({ position: { x: 10, y: 21 } })
    expect(store.dirty()).toBe(true)
  })

  it("links compatible pins and refuses a mismatch with the reason", () => {
    const calc = add("Calculator")
    const other = add("Calculator")
    const out = add("AgentOutput")
    expect(store.connect(calc.id, "result", other.id, "a").ok).toBe(true)
    expect(store.connect(calc.id, "result", out.id, "value").ok).toBe(true)
    const refused = store.connect(calc.id, "error", other.id, "b")
    expect(refused.ok).toBe(false)
    expect(store.notice()).toBe("Link refused: string output cannot feed a number input")
    expect(store.connect(calc.id, "result", calc.id, "a").ok).toBe(false)
    expect(store.links()).toHaveLength(2)
  })

  it("sets and clears input values, and removing a node drops its links", () => {
    const calc = add("Calculator")
    const out = add("AgentOutput")
    store.setInput(calc.id, "a", 2)
    store.setInput(calc.id, "b", 3)
    store.setInput(calc.id, "b", undefined)
    expect(store.nodes()[0]?.inputDefault).toEqual({ a: 2 })
    store.connect(calc.id, "result", out.id, "value")
    store.removeNode(calc.id)
    expect(store.nodes().map((n) => n.id)).toEqual([out.id])
    expect(store.links()).toEqual([])
  })

  it("saves only the fields the gateway accepts and opens the new version", async () => {
    const calc = add("Calculator")
    const out = add("AgentOutput")
    store.connect(calc.id, "result", out.id, "value")
    store.rename("Sums v2")
    const saved = await store.save()
    expect(saved?.version).toBe(2)
    expect(gateway.saved[0]).toEqual({
      name: "Sums v2",
      description: "adds",
      nodes: store.nodes().map(({ id, block, inputDefault, metadata }) => ({ id, block, inputDefault, metadata })),
      links: [{ sourceId: calc.id, sourceName: "result", sinkId: out.id, sinkName: "value" }]
    })
    expect(store.dirty()).toBe(false)
    expect(store.notice()).toBe("Saved as version 2")
  })

  it("sends the version message with the save, and the saved version carries it", async () => {
    add("Calculator")
    const saved = await store.save("added a calculator")
    expect(gateway.messages).toEqual(["added a calculator"])
    expect(saved?.versionMessage).toBe("added a calculator")
    expect(store.graph()?.versionMessage).toBe("added a calculator")
  })
})

describe("EditorStore history", () => {
  let store: EditorStore

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [EditorStore, { provide: GatewayApi, useValue: new FakeGateway() }] })
    store = TestBed.inject(EditorStore)
    await store.load("g1")
  })

  const add = (id: string, at = { x: 0, y: 0 }) => {
    const descriptor = blocks.find((b) => b.id === id)
    const node = descriptor === undefined ? null : store.addNode(descriptor, at)
    if (node === null) throw new Error(`could not add ${id}`)
    return node
  }
  const ids = () => store.nodes().map((n) => n.id)

  it("undoes and redoes edits one step at a time", () => {
    const a = add("Calculator")
    const b = add("Calculator")
    store.connect(a.id, "result", b.id, "a")
    store.undo()
    expect(store.links()).toEqual([])
    store.undo()
    expect(ids()).toEqual([a.id])
    store.redo()
    store.redo()
    expect(ids()).toEqual([a.id, b.id])
    expect(store.links()).toHaveLength(1)
    expect(store.canRedo()).toBe(false)
  })

  it("is clean again once every edit is undone, and a new edit drops the redo steps", () => {
    add("Calculator")
    expect(store.dirty()).toBe(true)
    store.undo()
    expect(store.dirty()).toBe(false)
    expect(store.canRedo()).toBe(true)
    add("AgentOutput")
    expect(store.canRedo()).toBe(false)
  })

  it("records where a drag left the nodes as one undo step", () => {
    const a = add("Calculator", { x: 0, y: 0 })
    const b = add("Calculator", { x: 100, y: 0 })
    store.moveNodes(
      new Map([
        [a.id, { x: 30, y: 9.6 }],
        [b.id, { x: 130, y: 9.6 }]
      ])
    )
    expect(store.nodes().map((n) => n.metadata)).toEqual([
      { position: { x: 30, y: 10 } },
      { position: { x: 130, y: 10 } }
    ])
    store.undo()
    expect(store.nodes().map((n) => n.metadata)).toEqual([{ position: { x: 0, y: 0 } }, { position: { x: 100, y: 0 } }])
    expect(ids()).toEqual([a.id, b.id])
  })

  it("records nothing when no node actually moved (a click that started no drag)", () => {
    const a = add("Calculator", { x: 5, y: 5 })
    const before = store.document()
    store.moveNodes(new Map([[a.id, { x: 5.2, y: 4.8 }]]))
    expect(store.document()).toBe(before)
    store.undo()
    expect(ids()).toEqual([])
  })

  it("deletes the selected nodes with their links and the selected links as one step", () => {
    const a = add("Calculator")
    const b = add("Calculator")
    const out = add("AgentOutput")
    store.connect(a.id, "result", b.id, "a")
    store.connect(b.id, "result", out.id, "value")
    store.connect(a.id, "result", b.id, "b")
    const kept = store.links().find((l) => l.sinkId === out.id && l.sourceId === b.id)
    store.selection.set([a.id], kept === undefined ? [] : [kept.id ?? ""])
    store.deleteSelection()
    expect(ids()).toEqual([b.id, out.id])
    expect(store.links()).toEqual([])
    expect(store.selection.empty()).toBe(true)
    store.undo()
    expect(ids()).toEqual([a.id, b.id, out.id])
    expect(store.links()).toHaveLength(3)
  })

  it("reconnects a link to another pin, refusing an incompatible one", () => {
    const a = add("Calculator")
    const b = add("Calculator")
    store.connect(a.id, "result", b.id, "a")
    const link = store.links()[0]
    if (link?.id === undefined) throw new Error("no link")
    expect(store.reconnect(link.id, { sourceId: a.id, sourceName: "result", sinkId: b.id, sinkName: "b" }).ok).toBe(
      true
    )
    expect(store.links().map((l) => l.sinkName)).toEqual(["b"])
    const moved = store.links()[0]?.id ?? ""
    expect(store.reconnect(moved, { sourceId: a.id, sourceName: "error", sinkId: b.id, sinkName: "a" }).ok).toBe(false)
    expect(store.links().map((l) => l.sinkName)).toEqual(["b"])
  })

  it("copies and pastes nodes under fresh ids, selecting the copies", () => {
    const a = add("Calculator", { x: 100, y: 100 })
    const b = add("Calculator", { x: 300, y: 100 })
    store.connect(a.id, "result", b.id, "a")
    store.selectAll()
    expect(store.copySelection()).toBe(2)
    const pasted = store.paste()
    expect(pasted).toEqual(["calculator-3", "calculator-4"])
    expect([...store.selection.nodeIds()]).toEqual(pasted)
    expect(store.links().map((l) => `${l.sourceId}->${l.sinkId}`)).toEqual([
      `${a.id}->${b.id}`,
      "calculator-3->calculator-4"
    ])
    store.undo()
    expect(ids()).toEqual([a.id, b.id])
  })

  it("refuses every edit of a read-only version", () => {
    store.open(
      { ...stored, nodes: [{ id: "x", block: { id: "Calculator" }, inputDefault: {}, metadata: {} }] },
      "version"
    )
    const calculator = blocks[0]
    if (calculator === undefined) throw new Error("no block")
    expect(store.addNode(calculator, { x: 0, y: 0 })).toBeNull()
    expect(store.nodes().map((n) => n.id)).toEqual(["x"])
    store.setInput("x", "a", 1)
    store.rename("changed")
    store.selectAll()
    store.deleteSelection()
    expect(store.document().nodes[0]?.inputDefault).toEqual({})
    expect(store.name()).toBe("Sums")
    expect(store.canUndo()).toBe(false)
    expect(store.dirty()).toBe(false)
  })
})

describe("EditorStore problems", () => {
  it("puts a refused save's issues on the nodes and pins, and forgets a pin's once it is edited", async () => {
    const refusal = new HttpErrorResponse({
      status: 422,
      error: {
        detail: "graph is invalid (3 issues):",
        issues: [
          {
            nodeId: "calculator-1",
            pin: "a",
            code: "missing_input",
            message: 'node "calculator-1": required input "a"'
          },
          {
            nodeId: "calculator-1",
            pin: "b",
            code: "missing_input",
            message: 'node "calculator-1": required input "b"'
          },
          { linkId: "link-0", code: "link_to_missing_node", message: "link 0 dangles" }
        ],
        fileProblems: []
      }
    })
    const gateway = new FakeGateway()
    gateway.updateGraph = async () => {
      throw refusal
    }
    TestBed.configureTestingModule({ providers: [EditorStore, { provide: GatewayApi, useValue: gateway }] })
    const store = TestBed.inject(EditorStore)
    await store.load("g1")
    const [calculator, output] = blocks
    if (calculator === undefined || output === undefined) throw new Error("no blocks")
    store.addNode(calculator, { x: 0, y: 0 })
    store.addNode(output, { x: 0, y: 0 })
    store.connect("calculator-1", "result", "agent-output-1", "value")
    expect(await store.save()).toBeNull()
    expect(store.error()).toBeNull()
    expect(store.problems().title).toBe("graph is invalid")
    expect([...(store.problems().byNode.get("calculator-1")?.pins.keys() ?? [])]).toEqual(["a", "b"])
    expect([...store.problems().byLink.keys()]).toEqual(["calculator-1:result->agent-output-1:value"])
    expect(store.dirty()).toBe(true)
    store.setInput("calculator-1", "a", 1)
    expect([...(store.problems().byNode.get("calculator-1")?.pins.keys() ?? [])]).toEqual(["b"])
    store.removeNode("calculator-1")
    expect(store.problems().byNode.has("calculator-1")).toBe(false)
  })

  it("shows other failures as one readable message", async () => {
    const gateway = new FakeGateway()
    gateway.updateGraph = async () => {
      throw new HttpErrorResponse({ status: 0 })
    }
    TestBed.configureTestingModule({ providers: [EditorStore, { provide: GatewayApi, useValue: gateway }] })
    const store = TestBed.inject(EditorStore)
    await store.load("g1")
    store.rename("x")
    await store.save()
    expect(store.error()).toBe("The gateway cannot be reached.")
    expect(store.problems().entries).toEqual([])
  })
})

describe("helpers", () => {
  it("picks the first free node id", () => {
    expect(freshNodeId("AgentInput", new Set(["agent-input-1"]))).toBe("agent-input-2")
  })

  it("leaves the editor's link ids out of the saved file and keeps a static link static", () => {
    const file = toGraphFile(
      "n",
      "",
      [],
      [
        { id: "l", sourceId: "a", sourceName: "x", sinkId: "b", sinkName: "y", isStatic: false },
        { id: "m", sourceId: "c", sourceName: "x", sinkId: "b", sinkName: "z", isStatic: true }
      ]
    )
    expect(file.links).toEqual([
      { sourceId: "a", sourceName: "x", sinkId: "b", sinkName: "y" },
      { sourceId: "c", sourceName: "x", sinkId: "b", sinkName: "z", isStatic: true }
    ])
  })
})
