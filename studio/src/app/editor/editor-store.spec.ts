import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { BlockDescriptor, Graph, GraphFile } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { EditorStore, freshNodeId, toGraphFile } from "./editor-store"

const block = (id: string, inputs: object, outputs: object): BlockDescriptor => ({
  id,
  version: "1.0.0",
  name: id,
  description: "",
  categories: [],
  inputSchema: { type: "object", properties: inputs },
  outputSchema: { type: "object", properties: { ...outputs, error: { type: "string" } } },
  staticOutput: false,
  dynamicOutput: false
})

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

/** A stand-in for the gateway that records what was saved. */
class FakeGateway {
  saved: Array<GraphFile> = []
  blocks = async () => blocks
  graph = async () => stored
  updateGraph = async (_id: string, file: GraphFile): Promise<Graph> => {
    this.saved.push(file)
    return { ...stored, ...file, description: file.description ?? "", version: stored.version + this.saved.length }
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
    return store.addNode(descriptor, { x: 10.4, y: 20.6 })
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
})

describe("helpers", () => {
  it("picks the first free node id", () => {
    expect(freshNodeId("AgentInput", new Set(["agent-input-1"]))).toBe("agent-input-2")
  })

  it("strips server-only link fields from the saved file", () => {
    const file = toGraphFile(
      "n",
      "",
      [],
      [{ id: "l", sourceId: "a", sourceName: "x", sinkId: "b", sinkName: "y", isStatic: false }]
    )
    expect(file.links).toEqual([{ sourceId: "a", sourceName: "x", sinkId: "b", sinkName: "y" }])
  })
})
