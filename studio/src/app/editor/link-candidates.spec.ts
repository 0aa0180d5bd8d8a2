import { describe, expect, it } from "vitest"
import type { GraphNode } from "../api/api-types"
import { type CandidateContext, linkCandidates, sourcesFor, unlinkedInputs } from "./link-candidates"
import { canConnect } from "./pin-compatibility"
import { testBlock } from "../../spec-helpers"

const blocks = new Map([
  [
    "Text",
    testBlock("Text", { format: { type: "string" }, values: { type: "object" } }, { output: { type: "string" } })
  ],
  ["Calc", testBlock("Calc", { a: { type: "number" }, b: { type: "number" } }, { result: { type: "number" } })],
  ["Wait", testBlock("Wait", { seconds: { type: "number" }, data: {} }, { data: {} })]
])

const node = (id: string, blockId: string): GraphNode => ({
  id,
  block: { id: blockId },
  inputDefault: {},
  metadata: {}
})

const nodes = [node("text", "Text"), node("calc", "Calc"), node("gone", "Missing"), node("delay", "Wait")]

const context = (links: CandidateContext["links"] = []): CandidateContext => ({
  nodes,
  links,
  blockOf: (n) => blocks.get(n.block.id),
  check: (sourceId, sourcePin, sinkId, sinkPin) => {
    const source = nodes.find((n) => n.id === sourceId)
    const sink = nodes.find((n) => n.id === sinkId)
    const sourceBlock = source === undefined ? undefined : blocks.get(source.block.id)
    const sinkBlock = sink === undefined ? undefined : blocks.get(sink.block.id)
    if (sourceBlock === undefined || sinkBlock === undefined) return { ok: false, reason: "Unknown block" }
    return canConnect(sourceBlock.outputSchema, sourcePin, sinkBlock.inputSchema, sinkPin)
  }
})

const calc = nodes[1] ?? node("calc", "Calc")

describe("unlinkedInputs", () => {
  it("lists the declared inputs no link feeds, a link into part of a pin counting for the pin", () => {
    const text = nodes[0] ?? node("text", "Text")
    expect(unlinkedInputs(text, blocks.get("Text"), [])).toEqual(["format", "values"])
    const links = [{ sourceId: "calc", sourceName: "result", sinkId: "text", sinkName: "values_#_n" }]
    expect(unlinkedInputs(text, blocks.get("Text"), links)).toEqual(["format"])
    expect(unlinkedInputs(text, undefined, [])).toEqual([])
  })
})

describe("sourcesFor", () => {
  it("offers every output of the other nodes, compatible ones first, refused ones with the reason", () => {
    expect(sourcesFor(calc, "a", context())).toEqual([
      { sourceId: "delay", sourcePin: "data", refusal: null },
      { sourceId: "text", sourcePin: "output", refusal: "string output cannot feed a number input" }
    ])
  })
})

describe("linkCandidates", () => {
  it("gives each unlinked input of the node its possible sources, never the node itself", () => {
    const links = [{ sourceId: "delay", sourceName: "data", sinkId: "calc", sinkName: "b" }]
    const offer = linkCandidates(calc, context(links))
    expect(offer.map((input) => input.pin)).toEqual(["a"])
    expect(offer[0]?.sources.map((s) => `${s.sourceId}.${s.sourcePin}`)).toEqual(["delay.data", "text.output"])
  })
})
