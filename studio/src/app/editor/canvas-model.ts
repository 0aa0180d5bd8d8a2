/**
 * What ngx-vflow draws, derived from the edited graph: one HTML-template node per graph node (with one handle
 * per pin, `in:<pin>` / `out:<pin>`, so an input and an output of the same name stay distinct) and one edge per
 * link. Pure apart from creating the signals ngx-vflow wants.
 */
import { signal } from "@angular/core"
import type { Edge, HtmlTemplateNode } from "ngx-vflow"
import type { BlockDescriptor, GraphLink, GraphNode } from "../api/api-types"
import { properties } from "./json-schema"
import { nodePosition } from "./editor-store"

export interface CanvasNodeData {
  readonly nodeId: string
  readonly title: string
  readonly inputs: ReadonlyArray<string>
  readonly outputs: ReadonlyArray<string>
  readonly missing: boolean
}

export const inHandle = (pin: string) => `in:${pin}`
export const outHandle = (pin: string) => `out:${pin}`

/** The pin name behind a handle id, or null for a handle of the other direction. */
export const pinOfHandle = (handle: string | undefined, direction: "in" | "out"): string | null =>
  handle?.startsWith(`${direction}:`) === true ? handle.slice(direction.length + 1) : null

export const canvasNode = (
  node: GraphNode,
  block: BlockDescriptor | undefined,
  links: ReadonlyArray<GraphLink>
): HtmlTemplateNode<CanvasNodeData> => {
  const declaredInputs = properties(block?.inputSchema).map(([name]) => name)
  // Links may target pins the schema does not list by name (`values_#_name`): they get a handle of their own.
  const dynamicInputs = links.filter((l) => l.sinkId === node.id && !declaredInputs.includes(l.sinkName))
  const declaredOutputs = properties(block?.outputSchema).map(([name]) => name)
  const dynamicOutputs = links.filter((l) => l.sourceId === node.id && !declaredOutputs.includes(l.sourceName))
  return {
    id: node.id,
    type: "html-template",
    point: signal(nodePosition(node)),
    data: signal({
      nodeId: node.id,
      title: block?.name ?? node.block.id,
      inputs: [...declaredInputs, ...new Set(dynamicInputs.map((l) => l.sinkName))],
      outputs: [...declaredOutputs, ...new Set(dynamicOutputs.map((l) => l.sourceName))],
      missing: block === undefined
    })
  }
}

export const canvasEdge = (link: GraphLink): Edge => ({
  id: link.id ?? `${link.sourceId}:${link.sourceName}->${link.sinkId}:${link.sinkName}`,
  source: link.sourceId,
  target: link.sinkId,
  sourceHandle: outHandle(link.sourceName),
  targetHandle: inHandle(link.sinkName)
})
