/**
 * Copy and paste of nodes. Copying keeps the selected nodes and the links between them (a link to a node left
 * behind would dangle); pasting gives every node a fresh id, shifts it so the copy does not hide the original,
 * and rewires the copied links to the new ids. The clipboard is one per browser tab, so nodes copied in one
 * graph can be pasted into another.
 */
import { Injectable, signal } from "@angular/core"
import type { GraphLink, GraphNode } from "../api/api-types"
import { type EditorDocument, freshNodeId, linkId, nodePosition, type Point, withPosition } from "./editor-document"

export interface ClipboardContent {
  readonly nodes: ReadonlyArray<GraphNode>
  readonly links: ReadonlyArray<GraphLink>
}

/** The selected nodes and the links whose both ends are selected; null when no node is selected. */
export const copyNodes = (doc: EditorDocument, nodeIds: ReadonlySet<string>): ClipboardContent | null => {
  const nodes = doc.nodes.filter((n) => nodeIds.has(n.id))
  if (nodes.length === 0) return null
  const links = doc.links.filter((l) => nodeIds.has(l.sourceId) && nodeIds.has(l.sinkId))
  return { nodes, links }
}

export interface Pasted {
  readonly doc: EditorDocument
  /** The ids the pasted nodes got, in clipboard order. */
  readonly nodeIds: ReadonlyArray<string>
}

/** Adds the clipboard's nodes to `doc` under fresh ids, `offset` away from where they were copied. */
export const pasteNodes = (doc: EditorDocument, content: ClipboardContent, offset: Point): Pasted => {
  const taken = new Set(doc.nodes.map((n) => n.id))
  const renamed = new Map<string, string>()
  const nodes = content.nodes.map((node) => {
    const id = freshNodeId(node.block.id, taken)
    taken.add(id)
    renamed.set(node.id, id)
    const at = nodePosition(node)
    return withPosition({ ...node, id }, { x: at.x + offset.x, y: at.y + offset.y })
  })
  const links = content.links.flatMap((link) => {
    const sourceId = renamed.get(link.sourceId)
    const sinkId = renamed.get(link.sinkId)
    if (sourceId === undefined || sinkId === undefined) return []
    const ends = { sourceId, sourceName: link.sourceName, sinkId, sinkName: link.sinkName }
    return [{ ...ends, id: linkId(ends), isStatic: link.isStatic }]
  })
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], links: [...doc.links, ...links] },
    nodeIds: [...renamed.values()]
  }
}

/** How far each successive paste of the same content lands from the original. */
export const pasteStep = 40

@Injectable({ providedIn: "root" })
export class GraphClipboard {
  private readonly contentState = signal<ClipboardContent | null>(null)
  private pastes = 0

  readonly content = this.contentState.asReadonly()

  put(content: ClipboardContent): void {
    this.contentState.set(content)
    this.pastes = 0
  }

  /** The offset of the next paste: each paste of the same copy lands one step further. */
  nextOffset(): Point {
    this.pastes++
    return { x: pasteStep * this.pastes, y: pasteStep * this.pastes }
  }
}
