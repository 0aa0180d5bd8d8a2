/**
 * Small builders of graph documents for tests and benchmarks: nodes of built-in blocks, plain links, and the
 * shapes several suites share (a chain of waits whose steps all reach one output).
 */
import { type GraphDocument, LinkId, NodeId } from "@weft/runtime"

type Node = GraphDocument["nodes"][number]
type Link = GraphDocument["links"][number]

export const graphNode = (
  id: string,
  block: string | Node["block"],
  inputDefault: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {}
): Node => ({
  id: NodeId.make(id),
  block: typeof block === "string" ? { id: block } : block,
  inputDefault,
  metadata
})

export const graphLink = (sourceId: string, sourceName: string, sinkId: string, sinkName: string): Link => ({
  id: LinkId.make(`${sourceId}.${sourceName}->${sinkId}.${sinkName}`),
  sourceId: NodeId.make(sourceId),
  sourceName,
  sinkId: NodeId.make(sinkId),
  sinkName,
  isStatic: false
})

export const graphDocument = (name: string, nodes: ReadonlyArray<Node>, links: ReadonlyArray<Link>): GraphDocument => ({
  name,
  description: "",
  nodes,
  links
})

/** start(0) -> w0 -> c0(+1) -> w1 -> ... : each wait takes `seconds` and sends its value (0, 1, ...) to output `step`. */
export const chainOfWaits = (steps: number, seconds: number): GraphDocument => {
  const nodes = [graphNode("start", "StoreValue", { input: 0 })]
  const links = [graphLink("start", "output", "w0", "data")]
  for (let i = 0; i < steps; i++) {
    nodes.push(graphNode(`w${i}`, "Wait", { seconds }), graphNode(`o${i}`, "AgentOutput", { name: "step" }))
    links.push(graphLink(`w${i}`, "data", `o${i}`, "value"))
    if (i + 1 < steps) {
      nodes.push(graphNode(`c${i}`, "Calculator", { operation: "Add", b: 1 }))
      links.push(graphLink(`w${i}`, "data", `c${i}`, "a"), graphLink(`c${i}`, "result", `w${i + 1}`, "data"))
    }
  }
  return graphDocument("chain", nodes, links)
}
