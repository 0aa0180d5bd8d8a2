/**
 * From the gateway's RFC 9457 problems (gateway/src/ApiProblems.ts) to the places in the editor they concern:
 * an `invalid-graph` problem's `issues` (by node, link and pin) and `fileProblems` (by path in the saved file),
 * and a `run-rejected` problem's `nodeErrors` and `unknownInputs`. The editor marks the nodes and pins, and lists
 * every problem in a summary whose entries select the node they are about.
 */
import { HttpErrorResponse } from "@angular/common/http"
import type { GraphLink, GraphNode } from "../api/api-types"

export interface ProblemEntry {
  readonly message: string
  readonly nodeId?: string
  readonly pin?: string
  readonly linkId?: string
}

export interface NodeProblems {
  /** Every message about the node, pins included. */
  readonly messages: ReadonlyArray<string>
  readonly pins: ReadonlyMap<string, ReadonlyArray<string>>
}

export interface GraphProblems {
  /** The problem's one-line `detail`. */
  readonly title: string
  readonly entries: ReadonlyArray<ProblemEntry>
  readonly byNode: ReadonlyMap<string, NodeProblems>
  readonly byLink: ReadonlyMap<string, ReadonlyArray<string>>
}

export const noProblems: GraphProblems = { title: "", entries: [], byNode: new Map(), byLink: new Map() }

/** What was submitted, to translate the server's positions (`nodes[2]`, `link-3`) back to editor ids. */
export interface Submitted {
  readonly nodes: ReadonlyArray<Pick<GraphNode, "id">>
  readonly links: ReadonlyArray<Pick<GraphLink, "id">>
}

type Fields = { readonly [key: string]: unknown }

const isRecord = (value: unknown): value is Fields => typeof value === "object" && value !== null

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined)

const records = (body: Fields, key: string): ReadonlyArray<Fields> => {
  const value = body[key]
  return Array.isArray(value) ? value.filter(isRecord) : []
}

/** The runtime prefixes messages with `node "x": `, which is redundant next to the node itself. */
export const withoutNodePrefix = (message: string, nodeId: string | undefined): string =>
  nodeId !== undefined && message.startsWith(`node "${nodeId}": `) ? message.slice(nodeId.length + 9) : message

/**
 * The server names links it numbered itself `link-<index>` (the studio saves links without ids); the same
 * index in what was submitted is the editor's link.
 */
const editorLinkId = (serverId: string | undefined, submitted: Submitted): string | undefined => {
  if (serverId === undefined) return undefined
  const match = /^link-(\d+)$/.exec(serverId)
  const index = match === null ? -1 : Number(match[1])
  return submitted.links[index]?.id ?? serverId
}

/** `nodes[2].inputDefault.prompt` → node 2's id and pin `prompt`; `links[1].sinkName` → link 1. */
const placeOfPath = (path: string, submitted: Submitted): Place => {
  const node = /^nodes\[(\d+)\](?:\.inputDefault\.([^.[]+))?/.exec(path)
  if (node !== null) {
    const nodeId = submitted.nodes[Number(node[1])]?.id
    if (nodeId === undefined) return {}
    return node[2] === undefined ? { nodeId } : { nodeId, pin: node[2] }
  }
  const link = /^links\[(\d+)\]/.exec(path)
  const linkId = link === null ? undefined : submitted.links[Number(link[1])]?.id
  return linkId === undefined ? {} : { linkId }
}

interface Place {
  readonly nodeId?: string | undefined
  readonly pin?: string | undefined
  readonly linkId?: string | undefined
}

const entry = (message: string, place: Place): ProblemEntry => ({
  message,
  ...(place.nodeId === undefined ? {} : { nodeId: place.nodeId }),
  ...(place.pin === undefined ? {} : { pin: place.pin }),
  ...(place.linkId === undefined ? {} : { linkId: place.linkId })
})

const entriesOf = (body: Fields, submitted: Submitted): ReadonlyArray<ProblemEntry> => {
  const entries: Array<ProblemEntry> = []
  for (const issue of records(body, "issues")) {
    const message = text(issue["message"])
    if (message === undefined) continue
    entries.push(
      entry(message, {
        nodeId: text(issue["nodeId"]),
        pin: text(issue["pin"]),
        linkId: editorLinkId(text(issue["linkId"]), submitted)
      })
    )
  }
  for (const problem of records(body, "fileProblems")) {
    const message = text(problem["message"])
    if (message === undefined) continue
    const path = text(problem["path"]) ?? ""
    entries.push(entry(path === "" ? message : `${path}: ${message}`, placeOfPath(path, submitted)))
  }
  const nodeErrors = body["nodeErrors"]
  if (isRecord(nodeErrors)) {
    for (const [nodeId, messages] of Object.entries(nodeErrors)) {
      if (!Array.isArray(messages)) continue
      for (const message of messages) if (typeof message === "string") entries.push(entry(message, { nodeId }))
    }
  }
  const unknownInputs = body["unknownInputs"]
  if (Array.isArray(unknownInputs)) {
    for (const name of unknownInputs) {
      if (typeof name === "string") entries.push(entry(`No AgentInput node is named "${name}"`, {}))
    }
  }
  return entries
}

/** Groups entries by node (and pin within it) and by link. */
export const indexProblems = (title: string, entries: ReadonlyArray<ProblemEntry>): GraphProblems => {
  const nodes = new Map<string, { messages: Array<string>; pins: Map<string, Array<string>> }>()
  const byLink = new Map<string, Array<string>>()
  for (const { message, nodeId, pin, linkId } of entries) {
    if (nodeId !== undefined) {
      const node = nodes.get(nodeId) ?? { messages: [], pins: new Map<string, Array<string>>() }
      const short = withoutNodePrefix(message, nodeId)
      node.messages.push(short)
      if (pin !== undefined) node.pins.set(pin, [...(node.pins.get(pin) ?? []), short])
      nodes.set(nodeId, node)
    }
    if (linkId !== undefined) byLink.set(linkId, [...(byLink.get(linkId) ?? []), message])
  }
  return { title, entries, byNode: nodes, byLink }
}

/**
 * The problems an HTTP failure reports about the graph, or null when it is not a graph problem (a network
 * failure, a 404, a 503...): those are plain error messages.
 */
export const graphProblemsOf = (error: unknown, submitted: Submitted): GraphProblems | null => {
  if (!(error instanceof HttpErrorResponse) || !isRecord(error.error)) return null
  const body = error.error
  const entries = entriesOf(body, submitted)
  if (entries.length === 0) return null
  const title = text(body["detail"]) ?? text(body["title"]) ?? "The graph has problems"
  return indexProblems(firstLine(title), entries)
}

/** The runtime's `detail` counts and repeats every issue after its first line; the list shows them already. */
const firstLine = (detail: string): string =>
  (detail.split("\n")[0] ?? detail).replace(/:$/, "").replace(/\s*\(\d+ issues?\)$/, "")
