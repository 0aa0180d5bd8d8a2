/**
 * Static checks of a graph before it is saved or run: every node names a known block, every link joins existing
 * nodes through existing, type-compatible pins, every required input is given, defaults fit their pins and no
 * graph contains itself. Link cycles are fine (loops are a feature). The result is a list of issues; an empty
 * list means the graph is valid. Blocks and stored graphs come from injected lookups, so this module does no I/O.
 */
import type { AnyBlock } from "@weft/block-sdk"
import { Effect, Result, Schema, SchemaIssue } from "effect"
import type { BlockRef, Link, Node } from "../model/Graph.ts"
import { closestName } from "./ClosestName.ts"
import { type GraphIssue, GraphValidationError } from "./GraphIssue.ts"
import { parsePinName } from "./PinName.ts"
import { isRequiredInput, knownPins, type PinResolution, type PinSide, resolvePin } from "./PinResolution.ts"
import { describePinType, isCompatible, kindOfValue, type PinType } from "./PinType.ts"
import { checkSubgraphContainment, type SubgraphLookup } from "./SubgraphContainment.ts"

/** Finds the block a node names (built-in or plugin at its pinned version). */
export type BlockLookup = (ref: BlockRef) => AnyBlock<unknown> | undefined

export interface ValidateGraphOptions {
  /** Enables the sub-graph checks (`self_containing_graph`, `unknown_subgraph`). */
  readonly subgraphLookup?: SubgraphLookup
}

/** What validation reads of a graph; a stored `Graph` and a decoded `GraphDocument` both fit. */
export interface ValidatableGraph {
  readonly id?: string
  readonly nodes: ReadonlyArray<Node>
  readonly links: ReadonlyArray<Link>
}

const describeRef = (ref: BlockRef): string =>
  ref.package === undefined
    ? `"${ref.id}"${ref.version === undefined ? "" : ` version "${ref.version}"`}`
    : `"${ref.id}" from package "${ref.package}"${ref.version === undefined ? "" : ` version "${ref.version}"`}`

const withSuggestion = (name: string, known: ReadonlyArray<string>): string => {
  const suggestion = closestName(name, known)
  const list = `known: ${known.length === 0 ? "none" : known.join(", ")}`
  return suggestion === undefined ? `(${list})` : `(did you mean "${suggestion}"? ${list})`
}

const duplicates = <A>(items: ReadonlyArray<A>, key: (a: A) => string): Map<string, Array<number>> => {
  const positions = new Map<string, Array<number>>()
  items.forEach((item, index) => {
    const k = key(item)
    positions.set(k, [...(positions.get(k) ?? []), index])
  })
  return new Map([...positions].filter(([, at]) => at.length > 1))
}

const unknownBlockIssue = (node: Node, lookup: BlockLookup): GraphIssue => {
  // If the block exists at another version, say so: a stale pin is the likely cause.
  const { version: _version, ...unversioned } = node.block
  const other = node.block.version === undefined ? undefined : lookup(unversioned)
  const hint = other === undefined ? "" : ` (available version: "${other.version}")`
  return {
    nodeId: node.id,
    code: "unknown_block",
    message: `node "${node.id}": unknown block ${describeRef(node.block)}${hint}`
  }
}

const pinIssue = (
  resolution: PinResolution,
  side: PinSide,
  node: Node,
  block: AnyBlock<unknown>,
  pin: string,
  linkId: string
): GraphIssue | undefined => {
  const direction = side === "input" ? "link to" : "link from"
  switch (resolution._tag) {
    case "Resolved":
      return undefined
    case "UnknownPin":
      return {
        nodeId: node.id,
        linkId,
        pin,
        code: "unknown_pin",
        message: `node "${node.id}": ${direction} unknown ${side} pin "${pin}" of ${block.id} ${withSuggestion(resolution.base, resolution.known)}`
      }
    case "InvalidPart":
      return {
        nodeId: node.id,
        linkId,
        pin,
        code: "unknown_pin",
        message: `node "${node.id}": ${direction} ${side} pin "${pin}" of ${block.id} addresses a part of "${resolution.base}", but ${resolution.reason}`
      }
  }
}

const checkLink = (
  link: Link,
  nodes: ReadonlyMap<string, Node>,
  blocks: ReadonlyMap<string, AnyBlock<unknown>>
): Array<GraphIssue> => {
  const issues: Array<GraphIssue> = []
  const source = nodes.get(link.sourceId)
  const sink = nodes.get(link.sinkId)
  for (const [role, id, node] of [
    ["source", link.sourceId, source],
    ["sink", link.sinkId, sink]
  ] as const) {
    if (node === undefined) {
      issues.push({
        linkId: link.id,
        code: "link_to_missing_node",
        message: `link "${link.id}" (${link.sourceId}.${link.sourceName} -> ${link.sinkId}.${link.sinkName}): ${role} node "${id}" does not exist`
      })
    }
  }
  if (source === undefined || sink === undefined) return issues
  const sourceBlock = blocks.get(source.id)
  const sinkBlock = blocks.get(sink.id)
  const from = sourceBlock === undefined ? undefined : resolvePin(sourceBlock, "output", link.sourceName)
  const to = sinkBlock === undefined ? undefined : resolvePin(sinkBlock, "input", link.sinkName)
  const fromIssue = from && sourceBlock && pinIssue(from, "output", source, sourceBlock, link.sourceName, link.id)
  const toIssue = to && sinkBlock && pinIssue(to, "input", sink, sinkBlock, link.sinkName, link.id)
  if (fromIssue) issues.push(fromIssue)
  if (toIssue) issues.push(toIssue)
  if (
    from?._tag === "Resolved" &&
    to?._tag === "Resolved" &&
    sourceBlock &&
    sinkBlock &&
    !isCompatible(from.type, to.type)
  ) {
    issues.push({
      nodeId: sink.id,
      linkId: link.id,
      pin: link.sinkName,
      code: "incompatible_pin",
      message: `node "${sink.id}": link "${link.id}" from output "${link.sourceName}" of node "${source.id}" (${sourceBlock.id}) carries ${describePinType(from.type)}, but input "${link.sinkName}" of ${sinkBlock.id} expects ${describePinType(to.type)}`
    })
  }
  return issues
}

/** AgentInput's `value` comes from the run's inputs, not from the graph. */
const suppliedByRun = (node: Node, pin: string): boolean =>
  node.block.id === "AgentInput" && node.block.package === undefined && pin === "value"

const fitsKinds = (type: PinType, value: unknown): boolean => type._tag === "Any" || type.kinds.has(kindOfValue(value))

const leafMessages = SchemaIssue.makeFormatterStandardSchemaV1()

/** Defaults of pins not fed by a link must satisfy the block's input schema (checked per pin, whole-struct). */
const checkInputDefaults = (node: Node, block: AnyBlock<unknown>, fed: ReadonlySet<string>): Array<GraphIssue> => {
  const issues: Array<GraphIssue> = []
  const plain: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node.inputDefault)) {
    const resolution = resolvePin(block, "input", key)
    if (resolution._tag === "UnknownPin") {
      issues.push({
        nodeId: node.id,
        pin: key,
        code: "unknown_pin",
        message: `node "${node.id}": inputDefault sets unknown input pin "${key}" of ${block.id} ${withSuggestion(resolution.base, resolution.known)}`
      })
    } else if (resolution._tag === "InvalidPart") {
      issues.push({
        nodeId: node.id,
        pin: key,
        code: "unknown_pin",
        message: `node "${node.id}": inputDefault key "${key}" of ${block.id} addresses a part of "${resolution.base}", but ${resolution.reason}`
      })
    } else if (fed.has(key)) {
    } else if (resolution.base === key) {
      plain[key] = value
    } else if (!fed.has(resolution.base) && !fitsKinds(resolution.type, value)) {
      issues.push({
        nodeId: node.id,
        pin: key,
        code: "invalid_input_default",
        message: `node "${node.id}": inputDefault "${key}" of ${block.id} is invalid: expected ${describePinType(resolution.type)}, got ${kindOfValue(value)}`
      })
    }
  }
  const decoded = Schema.decodeUnknownResult(block.inputSchema, { errors: "all", reportInput: true })(plain)
  if (Result.isFailure(decoded)) {
    const byPin = new Map<string, Array<string>>()
    for (const entry of leafMessages(decoded.failure.issue).issues) {
      const head = entry.path?.[0]
      const pin = typeof head === "object" && head !== null && "key" in head ? head.key : head
      if (typeof pin !== "string" || !Object.hasOwn(plain, pin)) continue
      const rest = (entry.path ?? [])
        .slice(1)
        .map((p) => (typeof p === "object" && p !== null && "key" in p ? String(p.key) : String(p)))
      byPin.set(pin, [
        ...(byPin.get(pin) ?? []),
        rest.length === 0 ? entry.message : `${entry.message} at ${rest.join(".")}`
      ])
    }
    for (const [pin, messages] of byPin) {
      issues.push({
        nodeId: node.id,
        pin,
        code: "invalid_input_default",
        message: `node "${node.id}": inputDefault "${pin}" of ${block.id} is invalid: ${messages.join("; ")}`
      })
    }
  }
  return issues
}

const checkNodeInputs = (node: Node, block: AnyBlock<unknown>, inbound: ReadonlyArray<Link>): Array<GraphIssue> => {
  const fedExact = new Set(inbound.map((link) => link.sinkName))
  const fedBase = new Set(inbound.map((link) => parsePinName(link.sinkName).base))
  // Defaults for parts of a pin (`values_$_0`) are assembled into it like linked parts.
  const defaultBases = new Set(Object.keys(node.inputDefault).map((key) => parsePinName(key).base))
  const issues: Array<GraphIssue> = []
  for (const pin of knownPins(block, "input")) {
    if (!isRequiredInput(block, pin) || suppliedByRun(node, pin)) continue
    if (fedExact.has(pin) || fedBase.has(pin)) continue
    if (node.inputDefault[pin] !== undefined || defaultBases.has(pin)) continue
    issues.push({
      nodeId: node.id,
      pin,
      code: "missing_input",
      message: `node "${node.id}": required input "${pin}" of ${block.id} has no default value and no inbound link`
    })
  }
  return [...issues, ...checkInputDefaults(node, block, new Set([...fedExact, ...fedBase]))]
}

/** All issues of `graph`; an empty list means it is valid. Issues come in graph order: nodes, then links. */
export const validateGraph = (
  graph: ValidatableGraph,
  lookup: BlockLookup,
  options?: ValidateGraphOptions
): ReadonlyArray<GraphIssue> => {
  const issues: Array<GraphIssue> = []
  for (const [id, at] of duplicates(graph.nodes, (node) => node.id)) {
    issues.push({
      nodeId: id,
      code: "duplicate_node_id",
      message: `node id "${id}" is used by ${at.length} nodes (${at.map((i) => `nodes[${i}]`).join(", ")})`
    })
  }
  for (const [id, at] of duplicates(graph.links, (link) => link.id)) {
    issues.push({
      linkId: id,
      code: "duplicate_link_id",
      message: `link id "${id}" is used by ${at.length} links (${at.map((i) => `links[${i}]`).join(", ")})`
    })
  }

  const nodes = new Map<string, Node>()
  const blocks = new Map<string, AnyBlock<unknown>>()
  for (const node of graph.nodes) {
    const block = lookup(node.block)
    if (block === undefined) issues.push(unknownBlockIssue(node, lookup))
    // With duplicate ids (already reported) the first node of an id is the one links are checked against.
    if (nodes.has(node.id)) continue
    nodes.set(node.id, node)
    if (block !== undefined) blocks.set(node.id, block)
  }

  const inbound = new Map<string, Array<Link>>()
  for (const link of graph.links) inbound.set(link.sinkId, [...(inbound.get(link.sinkId) ?? []), link])
  for (const [id, node] of nodes) {
    const block = blocks.get(id)
    if (block !== undefined) issues.push(...checkNodeInputs(node, block, inbound.get(id) ?? []))
  }

  for (const link of graph.links) issues.push(...checkLink(link, nodes, blocks))

  if (options?.subgraphLookup !== undefined) {
    issues.push(...checkSubgraphContainment(graph, options.subgraphLookup))
  }
  return issues
}

/** Fails with every issue when the graph is invalid; for callers that cannot proceed with an invalid graph. */
export const validateGraphOrFail = Effect.fn("GraphValidation.validateGraphOrFail")(function* (
  graph: ValidatableGraph,
  lookup: BlockLookup,
  options?: ValidateGraphOptions
) {
  const issues = validateGraph(graph, lookup, options)
  if (issues.length > 0) return yield* new GraphValidationError({ issues })
})
