import { describe, expect, it } from "vitest"
import type { GraphLink, GraphNode } from "../api/api-types"
import { copyNodes, GraphClipboard, pasteNodes, pasteStep } from "./clipboard"
import { type EditorDocument, linkId, nodePosition } from "./editor-document"

const node = (id: string, blockId: string, x: number, y: number): GraphNode => ({
  id,
  block: { id: blockId },
  inputDefault: { a: 1 },
  metadata: { position: { x, y }, note: "kept" }
})

const ends = (sourceId: string, sinkId: string) => ({ sourceId, sourceName: "result", sinkId, sinkName: "a" })
const link = (sourceId: string, sinkId: string): GraphLink => ({
  ...ends(sourceId, sinkId),
  id: linkId(ends(sourceId, sinkId)),
  isStatic: false
})

const doc: EditorDocument = {
  name: "g",
  nodes: [
    node("calculator-1", "Calculator", 0, 0),
    node("calculator-2", "Calculator", 200, 0),
    node("out", "AgentOutput", 400, 0)
  ],
  links: [link("calculator-1", "calculator-2"), link("calculator-2", "out")]
}

describe("copyNodes", () => {
  it("keeps the selected nodes and only the links between them", () => {
    const copied = copyNodes(doc, new Set(["calculator-1", "calculator-2"]))
    expect(copied?.nodes.map((n) => n.id)).toEqual(["calculator-1", "calculator-2"])
    expect(copied?.links.map((l) => `${l.sourceId}->${l.sinkId}`)).toEqual(["calculator-1->calculator-2"])
  })

  it("copies nothing without a selected node", () => {
    expect(copyNodes(doc, new Set())).toBeNull()
    expect(copyNodes(doc, new Set(["missing"]))).toBeNull()
  })
})

describe("pasteNodes", () => {
  const content = copyNodes(doc, new Set(["calculator-1", "calculator-2"]))
  if (content === null) throw new Error("nothing copied")

  it("gives fresh ids, shifts positions and rewires the copied links", () => {
    const pasted = pasteNodes(doc, content, { x: 40, y: 40 })
    expect(pasted.nodeIds).toEqual(["calculator-3", "calculator-4"])
    const added = pasted.doc.nodes.slice(3)
    expect(added.map(nodePosition)).toEqual([
      { x: 40, y: 40 },
      { x: 240, y: 40 }
    ])
    expect(added.map((n) => [n.inputDefault, n.metadata["note"]])).toEqual([
      [{ a: 1 }, "kept"],
      [{ a: 1 }, "kept"]
    ])
    const newLinks = pasted.doc.links.slice(2)
    expect(newLinks).toEqual([link("calculator-3", "calculator-4")])
    // The original is untouched.
    expect(pasted.doc.nodes.slice(0, 3)).toEqual(doc.nodes)
    expect(pasted.doc.links.slice(0, 2)).toEqual(doc.links)
  })

  it("never reuses an id when the same content is pasted twice", () => {
    const once = pasteNodes(doc, content, { x: 40, y: 40 })
    const twice = pasteNodes(once.doc, content, { x: 80, y: 80 })
    const all = twice.doc.nodes.map((n) => n.id)
    expect(new Set(all).size).toBe(all.length)
    expect(twice.nodeIds).toEqual(["calculator-5", "calculator-6"])
  })
})

describe("GraphClipboard", () => {
  it("moves each paste of the same copy one step further, and starts over on a new copy", () => {
    const clipboard = new GraphClipboard()
    clipboard.put({ nodes: [], links: [] })
    expect(clipboard.nextOffset()).toEqual({ x: pasteStep, y: pasteStep })
    expect(clipboard.nextOffset()).toEqual({ x: 2 * pasteStep, y: 2 * pasteStep })
    clipboard.put({ nodes: [], links: [] })
    expect(clipboard.nextOffset()).toEqual({ x: pasteStep, y: pasteStep })
  })
})
