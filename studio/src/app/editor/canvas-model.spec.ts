import { signal } from "@angular/core"
import { describe, expect, it } from "vitest"
import type { BlockDescriptor, GraphLink, GraphNode } from "../api/api-types"
import { CanvasModel, drawNode, indexLinks, nodeDecor, plainDecor } from "./canvas-model"
import { type EditorDocument, linkId, moveNodes, setInput, withLinkIds } from "./editor-document"

const block: BlockDescriptor = {
  id: "Step",
  version: "1.0.0",
  name: "Step",
  description: "",
  categories: [],
  inputSchema: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } } },
  outputSchema: { type: "object", properties: { result: { type: "number" }, error: { type: "string" } } },
  staticOutput: false,
  dynamicOutput: false,
  credentials: {}
}

/** A layered graph of `count` nodes with `edges` links, some into dynamic pins (`values_#_k`). */
const bigGraph = (count: number, edges: number) => {
  const nodes: Array<GraphNode> = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    block: { id: "Step" },
    inputDefault: {},
    metadata: { position: { x: (i % 25) * 220, y: Math.floor(i / 25) * 160 } }
  }))
  const links: Array<GraphLink> = []
  for (let e = 0; links.length < edges; e++) {
    const source = e % (count - 1)
    const sink = source + 1 + ((e * 7) % Math.min(5, count - 1 - source))
    const sinkName = e % 10 === 0 ? `values_#_k${e}` : e % 2 === 0 ? "a" : "b"
    const ends = { sourceId: `n${source}`, sourceName: "result", sinkId: `n${sink}`, sinkName }
    if (!links.some((l) => l.id === linkId(ends))) links.push({ ...ends, id: linkId(ends), isStatic: false })
  }
  return { nodes, links: withLinkIds(links) }
}

const model = () => new CanvasModel({ decor: () => signal(plainDecor), isSelected: (id) => id === "n3" })
const blockOf = () => block

describe("CanvasModel", () => {
  it("draws 500 nodes and 700 links with a handle for every linked pin", () => {
    const { nodes, links } = bigGraph(500, 700)
    const canvas = model()
    const drawn = canvas.nodes(nodes, links, blockOf, false)
    const edges = canvas.edges(links, false)
    expect(drawn).toHaveLength(500)
    expect(edges).toHaveLength(700)
    expect(new Set(edges.map((e) => e.id)).size).toBe(700)
    const handles = new Map(drawn.map((n) => [n.id, n.data?.()]))
    for (const edge of edges) {
      expect(handles.get(edge.source)?.outputs).toContain(edge.sourceHandle?.slice(4))
      expect(handles.get(edge.target)?.inputs).toContain(edge.targetHandle?.slice(3))
    }
    expect(drawn.find((n) => n.id === "n3")?.selected()).toBe(true)
    expect(drawn.find((n) => n.id === "n4")?.selected()).toBe(false)
    expect(drawn[30]?.point()).toEqual({ x: 5 * 220, y: 160 })
  })

  it("redraws only the nodes a change touches", () => {
    const { nodes, links } = bigGraph(500, 700)
    const canvas = model()
    const first = canvas.nodes(nodes, links, blockOf, false)
    const firstEdges = canvas.edges(links, false)

    // Moving a node and editing an input change no drawing at all.
    let doc: EditorDocument = { name: "", nodes, links }
    doc = moveNodes(doc, new Map([["n10", { x: 1, y: 2 }]]))
    doc = setInput(doc, "n11", "a", 4)
    const second = canvas.nodes(doc.nodes, doc.links, blockOf, false)
    expect(canvas.lastRedrawn).toBe(0)
    expect(second.every((n, i) => n === first[i])).toBe(true)

    // A new link into a dynamic pin redraws its sink only (the source's `result` pin is declared).
    const ends = { sourceId: "n0", sourceName: "result", sinkId: "n499", sinkName: "values_#_fresh" }
    const withLink = [...doc.links, { ...ends, id: linkId(ends), isStatic: false }]
    const third = canvas.nodes(doc.nodes, withLink, blockOf, false)
    expect(canvas.lastRedrawn).toBe(1)
    expect(third.filter((n, i) => n !== second[i]).map((n) => n.id)).toEqual(["n499"])
    expect(third[499]?.data?.().inputs).toContain("values_#_fresh")

    // Existing edges keep their objects; the new one is added.
    const edges = canvas.edges(withLink, false)
    expect(edges.slice(0, 700).every((e, i) => e === firstEdges[i])).toBe(true)
    expect(edges).toHaveLength(701)
  })

  it("draws everything anew, not draggable, when the document becomes read-only", () => {
    const { nodes, links } = bigGraph(20, 30)
    const canvas = model()
    const editable = canvas.nodes(nodes, links, blockOf, false)
    const readOnly = canvas.nodes(nodes, links, blockOf, true)
    expect(readOnly.every((n, i) => n !== editable[i] && n.draggable?.() === false)).toBe(true)
    expect(canvas.edges(links, true).every((e) => e.reconnectable?.() === false)).toBe(true)
  })

  it("moves drawn nodes back to the document's positions and mirrors the selection", () => {
    const { nodes, links } = bigGraph(10, 12)
    const canvas = model()
    const drawn = canvas.nodes(nodes, links, blockOf, false)
    drawn[2]?.point.set({ x: 999, y: 999 })
    expect(canvas.positions().get("n2")).toEqual({ x: 999, y: 999 })
    canvas.syncPositions(nodes)
    expect(drawn[2]?.point()).toEqual({ x: 440, y: 0 })
    canvas.edges(links, false)
    canvas.syncSelection(new Set(["n1"]), new Set([links[0]?.id ?? ""]))
    expect(drawn.filter((n) => n.selected()).map((n) => n.id)).toEqual(["n1"])
  })
})

describe("drawNode", () => {
  it("lists declared pins first, then the pins only links name, once each", () => {
    const node: GraphNode = { id: "x", block: { id: "Step" }, inputDefault: {}, metadata: {} }
    const ends = (sinkName: string) => ({ sourceId: "y", sourceName: "result", sinkId: "x", sinkName })
    const links = [ends("a"), ends("values_#_k"), ends("values_#_k")]
    expect(drawNode(node, block, links)).toMatchObject({
      title: "Step",
      inputs: ["a", "b", "values_#_k"],
      outputs: ["result", "error"],
      missing: false
    })
    expect(drawNode(node, undefined, [])).toMatchObject({ title: "Step", inputs: [], missing: true })
  })
})

describe("indexLinks", () => {
  it("files each link under both of its nodes", () => {
    const ends = { sourceId: "a", sourceName: "o", sinkId: "b", sinkName: "i" }
    const index = indexLinks([ends])
    expect(index.get("a")).toEqual([ends])
    expect(index.get("b")).toEqual([ends])
  })
})

describe("nodeDecor", () => {
  it("shows status, error, problems by pin and the last value of each output", () => {
    const decor = nodeDecor(
      { status: "FAILED", error: "boom", executions: 3 },
      { messages: ["bad a"], pins: new Map([["a", ["bad a", "worse a"]]]) },
      [
        { pin: "result", seq: 0, value: 1, truncated: false },
        { pin: "result", seq: 1, value: "x".repeat(100), truncated: false },
        { pin: "big", seq: 2, value: undefined, truncated: true }
      ]
    )
    expect(decor).toMatchObject({ status: "failed", executions: 3, error: "boom", problems: ["bad a"] })
    expect(decor.pinProblems.get("a")).toBe("bad a; worse a")
    expect(decor.outputs.map((o) => [o.pin, o.text.length <= 48])).toEqual([
      ["result", true],
      ["big", true]
    ])
    expect(nodeDecor(undefined, undefined, undefined)).toBe(plainDecor)
  })
})
