import { describe, it, assert } from "@effect/vitest"
import { Block } from "@weft/block-sdk"
import type { AnyBlock } from "@weft/block-sdk"
import { Schema, Stream } from "effect"
import type { BlockRef, Link, Node } from "../model/Graph.ts"
import { LinkId, NodeId } from "../model/Ids.ts"
import { applyStaticOutputs } from "./StaticLinks.ts"

const common = { version: "1.0.0", description: "test", categories: [], run: () => Stream.empty }
const Store = Block.make({
  ...common,
  id: "StoreValue",
  name: "Store",
  staticOutput: true,
  input: {},
  output: { output: Schema.Unknown }
})
const Plain = Block.make({
  ...common,
  id: "Plain",
  name: "Plain",
  input: { x: Schema.Unknown },
  output: { y: Schema.Unknown }
})
const lookup = (ref: BlockRef): AnyBlock<unknown> | undefined => [Store, Plain].find((b) => b.id === ref.id)

const node = (id: string, block: string): Node => ({
  id: NodeId.make(id),
  block: { id: block },
  inputDefault: {},
  metadata: {}
})
const link = (id: string, source: string, sink: string): Link => ({
  id: LinkId.make(id),
  sourceId: NodeId.make(source),
  sourceName: source === "s" ? "output" : "y",
  sinkId: NodeId.make(sink),
  sinkName: "x",
  isStatic: false
})

describe("applyStaticOutputs", () => {
  it("marks links out of staticOutput blocks static and leaves the others alone", () => {
    const graph = {
      name: "g",
      nodes: [node("s", "StoreValue"), node("p", "Plain"), node("q", "Plain")],
      links: [link("a", "s", "p"), link("b", "p", "q")]
    }
    const result = applyStaticOutputs(graph, lookup)
    assert.deepStrictEqual(
      result.links.map((l) => [l.id, l.isStatic]),
      [
        ["a", true],
        ["b", false]
      ]
    )
    assert.strictEqual(result.name, "g")
    assert.isFalse(graph.links[0]?.isStatic, "the input graph is not mutated")
  })

  it("returns the same graph when nothing changes", () => {
    const graph = { nodes: [node("p", "Plain"), node("q", "Plain")], links: [link("b", "p", "q")] }
    assert.strictEqual(applyStaticOutputs(graph, lookup), graph)
  })
})
