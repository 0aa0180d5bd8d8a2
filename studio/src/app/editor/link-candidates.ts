/**
 * What the node panel's Connect… control offers, the keyboard's way to make a link: for each input pin of a
 * node that no link feeds yet, every output pin of the other nodes, each with the pin-compatibility verdict the
 * canvas applies to a dragged link (the caller passes `EditorStore.check`), so refused pairs can be shown with
 * their reason. Pure.
 */
import type { BlockDescriptor, GraphNode } from "../api/api-types"
import type { LinkEnds } from "./editor-document"
import { properties } from "./json-schema"
import { basePin } from "./node-form"
import type { Compatibility } from "./pin-compatibility"

export interface SourceCandidate {
  readonly sourceId: string
  readonly sourcePin: string
  /** Why this output may not feed the input, or null when it may. */
  readonly refusal: string | null
}

export interface InputCandidates {
  /** An input pin of the sink node that no link feeds. */
  readonly pin: string
  readonly sources: ReadonlyArray<SourceCandidate>
}

export interface CandidateContext {
  readonly nodes: ReadonlyArray<GraphNode>
  readonly links: ReadonlyArray<LinkEnds>
  readonly blockOf: (node: GraphNode) => BlockDescriptor | undefined
  readonly check: (sourceId: string, sourcePin: string, sinkId: string, sinkPin: string) => Compatibility
}

/** The declared input pins of `sink` that no link feeds (a link into part of a pin, `values_#_a`, feeds it). */
export const unlinkedInputs = (
  sink: GraphNode,
  block: BlockDescriptor | undefined,
  links: ReadonlyArray<LinkEnds>
): ReadonlyArray<string> => {
  const fed = new Set(links.filter((l) => l.sinkId === sink.id).map((l) => basePin(l.sinkName)))
  return properties(block?.inputSchema)
    .map(([name]) => name)
    .filter((name) => !fed.has(name))
}

/** Every output pin of the other nodes, with whether it may feed `sink.pin`; compatible ones first. */
export const sourcesFor = (sink: GraphNode, pin: string, context: CandidateContext): ReadonlyArray<SourceCandidate> => {
  const candidates = context.nodes
    .filter((node) => node.id !== sink.id)
    .flatMap((node) =>
      properties(context.blockOf(node)?.outputSchema).map(([sourcePin]): SourceCandidate => {
        const verdict = context.check(node.id, sourcePin, sink.id, pin)
        return { sourceId: node.id, sourcePin, refusal: verdict.ok ? null : verdict.reason }
      })
    )
  return [...candidates.filter((c) => c.refusal === null), ...candidates.filter((c) => c.refusal !== null)]
}

/** The Connect… control's whole offer for `sink`: its unlinked inputs, each with its possible sources. */
export const linkCandidates = (sink: GraphNode, context: CandidateContext): ReadonlyArray<InputCandidates> =>
  unlinkedInputs(sink, context.blockOf(sink), context.links).map((pin) => ({
    pin,
    sources: sourcesFor(sink, pin, context)
  }))
