/**
 * The graph JSON file (graph-format.md) that `weft run`, `weft graph validate`, API import/export and
 * `examples/` use: its Schema, decoding into a normalised `GraphDocument` (defaults filled, link ids assigned)
 * and encoding back for export. Decoding is strict: an unknown field anywhere except inside `metadata` and
 * `inputDefault` is an error, so a typo such as `"blok"` cannot pass silently.
 */
import { Effect, Result, Schema, SchemaIssue } from "effect"
import { type BlockRef, JsonObject, Link, Node } from "../model/Graph.ts"
import { GraphId, GraphVersion, LinkId, NodeId } from "../model/Ids.ts"
import { closestName } from "./ClosestName.ts"

export const GraphFileBlockRef = Schema.Struct({
  id: Schema.NonEmptyString,
  package: Schema.optionalKey(Schema.NonEmptyString),
  version: Schema.optionalKey(Schema.NonEmptyString)
})

export const GraphFileNode = Schema.Struct({
  id: NodeId,
  block: GraphFileBlockRef,
  inputDefault: Schema.optionalKey(JsonObject),
  metadata: Schema.optionalKey(JsonObject)
})

export const GraphFileLink = Schema.Struct({
  id: Schema.optionalKey(LinkId),
  sourceId: NodeId,
  sourceName: Schema.NonEmptyString,
  sinkId: NodeId,
  sinkName: Schema.NonEmptyString,
  isStatic: Schema.optionalKey(Schema.Boolean)
})

import { jsonErrorOffset } from "./JsonErrorOffset.ts"
/** The file as written; `GraphFile.Encoded` is the plain JSON shape. */
export const GraphFile = Schema.Struct({
  id: Schema.optionalKey(GraphId),
  version: Schema.optionalKey(GraphVersion),
  name: Schema.String,
  description: Schema.optionalKey(Schema.String),
  nodes: Schema.Array(GraphFileNode),
  links: Schema.optionalKey(Schema.Array(GraphFileLink))
})
export type GraphFile = typeof GraphFile.Encoded

/** A decoded file: every default filled in and every link given an id. Import adds owner, id and version. */
export const GraphDocument = Schema.Struct({
  id: Schema.optionalKey(GraphId),
  version: Schema.optionalKey(GraphVersion),
  name: Schema.String,
  description: Schema.String,
  nodes: Schema.Array(Node),
  links: Schema.Array(Link)
})
export type GraphDocument = typeof GraphDocument.Type

export const GraphFileProblem = Schema.Struct({
  /** Where in the file, e.g. `nodes[2].blok`; empty for the whole document. */
  path: Schema.String,
  message: Schema.String,
  /** 1-based position, for malformed JSON text. */
  line: Schema.optionalKey(Schema.Int),
  column: Schema.optionalKey(Schema.Int)
})
export type GraphFileProblem = typeof GraphFileProblem.Type

export class GraphFileError extends Schema.TaggedError<GraphFileError>()("GraphFileError", {
  problems: Schema.Array(GraphFileProblem)
}) {
  override get message(): string {
    return `invalid graph file:\n${this.problems.map((p) => `  ${formatGraphFileProblem(p)}`).join("\n")}`
  }
}

export const formatGraphFileProblem = (problem: GraphFileProblem): string =>
  problem.path === "" ? problem.message : `${problem.path}: ${problem.message}`

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** `["nodes", 2, "blok"]` → `nodes[2].blok`. */
const formatPath = (path: ReadonlyArray<PropertyKey>): string => {
  let out = ""
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else if (typeof key === "string" && identifier.test(key)) out += out === "" ? key : `.${key}`
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out
}

const describeValue = (value: unknown): string => {
  if (value === null) return "null"
  if (Array.isArray(value)) return "a list"
  if (typeof value === "object") return "an object"
  if (typeof value === "string") return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  return `${typeof value} ${String(value)}`
}

const leafHook = (issue: SchemaIssue.Leaf): string => {
  switch (issue._tag) {
    case "UnexpectedKey": {
      const known = issue.ast._tag === "Objects" ? issue.ast.propertySignatures.map((p) => String(p.name)) : []
      return `unknown field (known: ${known.join(", ")})`
    }
    case "MissingKey":
      return "missing required field"
    case "InvalidType": {
      const expected = SchemaIssue.defaultLeafHook(new SchemaIssue.InvalidType(issue.ast))
      return SchemaIssue.hasInput(issue) ? `${expected}, got ${describeValue(issue.input)}` : expected
    }
    default:
      return SchemaIssue.defaultLeafHook(issue)
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1({ leafHook })

const suggest = (path: ReadonlyArray<PropertyKey>, message: string): string => {
  const last = path[path.length - 1]
  const known = /^unknown field \(known: (.*)\)$/.exec(message)?.[1]
  if (typeof last !== "string" || known === undefined) return message
  const suggestion = closestName(last, known.split(", "))
  return suggestion === undefined ? message : `unknown field, did you mean "${suggestion}"? (known: ${known})`
}

const problemsOf = (issue: SchemaIssue.Issue): Array<GraphFileProblem> =>
  formatter(issue).issues.map((entry) => {
    const path = (entry.path ?? []).map((segment) =>
      typeof segment === "object" && segment !== null && "key" in segment ? segment.key : segment
    )
    return { path: formatPath(path), message: suggest(path, entry.message) }
  })

const decodeFile = Schema.decodeUnknownResult(GraphFile, {
  errors: "all",
  onExcessProperty: "error",
  reportInput: true
})

/** Ids for links that have none: `link-<index>`, skipping ids other links already use. */
const assignLinkIds = (links: ReadonlyArray<typeof GraphFileLink.Type>): Array<Link> => {
  const taken = new Set<string>(links.flatMap((link) => (link.id === undefined ? [] : [link.id])))
  return links.map((link, index) => {
    let id = link.id === undefined ? undefined : LinkId.make(link.id)
    if (id === undefined) {
      let candidate = `link-${index}`
      for (let n = 2; taken.has(candidate); n++) candidate = `link-${index}-${n}`
      taken.add(candidate)
      id = LinkId.make(candidate)
    }
    return {
      id,
      sourceId: link.sourceId,
      sourceName: link.sourceName,
      sinkId: link.sinkId,
      sinkName: link.sinkName,
      isStatic: link.isStatic ?? false
    }
  })
}

const normaliseBlockRef = (ref: typeof GraphFileBlockRef.Type): BlockRef => ({
  ...(ref.package === undefined ? {} : { package: ref.package }),
  ...(ref.version === undefined ? {} : { version: ref.version }),
  id: ref.id
})

/** Decodes an already-parsed JSON value into a normalised graph, or every problem found, with paths. */
export const decodeGraphFileResult = (json: unknown): Result.Result<GraphDocument, GraphFileError> => {
  const decoded = decodeFile(json)
  if (Result.isFailure(decoded)) {
    return Result.fail(new GraphFileError({ problems: problemsOf(decoded.failure.issue) }))
  }
  const file = decoded.success
  // A plugin block must be pinned (or ranged) to a version; the schema alone cannot say "both or neither".
  const versionless = file.nodes.flatMap((node, index) =>
    node.block.package !== undefined && node.block.version === undefined
      ? [
          {
            path: `nodes[${index}].block.version`,
            message: `missing required field (package "${node.block.package}" needs a version)`
          }
        ]
      : []
  )
  if (versionless.length > 0) return Result.fail(new GraphFileError({ problems: versionless }))
  const document: GraphDocument = {
    ...(file.id === undefined ? {} : { id: file.id }),
    ...(file.version === undefined ? {} : { version: file.version }),
    name: file.name,
    description: file.description ?? "",
    nodes: file.nodes.map((node) => ({
      id: node.id,
      block: normaliseBlockRef(node.block),
      inputDefault: node.inputDefault ?? {},
      metadata: node.metadata ?? {}
    })),
    links: assignLinkIds(file.links ?? [])
  }
  return Result.succeed(document)
}

export const decodeGraphFile = (json: unknown): Effect.Effect<GraphDocument, GraphFileError> =>
  Effect.fromResult(decodeGraphFileResult(json))

/** 1-based line and column of a character offset. */
const lineColumn = (text: string, offset: number): { readonly line: number; readonly column: number } => {
  const before = text.slice(0, offset)
  const lines = before.split("\n")
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 }
}

const parseJson = (text: string): Result.Result<unknown, GraphFileProblem> => {
  // Boundary with a throwing platform API: JSON.parse is the only way to parse JSON text.
  try {
    return Result.succeed(JSON.parse(text))
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error)
    const reported = /line (\d+) column (\d+)/.exec(raw)
    const position = /position (\d+)/.exec(raw)
    const where = reported
      ? { line: Number(reported[1]), column: Number(reported[2]) }
      : position
        ? lineColumn(text, Number(position[1]))
        : text.trim() === "" || /end of (JSON )?input/i.test(raw)
          ? lineColumn(text, text.length)
          : lineColumn(text, Math.max(0, jsonErrorOffset(text)))
    const detail = raw.replace(/\s*(in JSON )?at position \d+.*$/, "").replace(/^JSON\.parse: /, "")
    const message =
      where === undefined
        ? `malformed JSON: ${detail}`
        : `malformed JSON at line ${where.line}, column ${where.column}: ${detail}`
    return Result.fail({ path: "", message, ...(where ?? {}) })
  }
}

/** Parses and decodes the text of a graph file; malformed JSON is reported with its line and column. */
export const parseGraphFileTextResult = (text: string): Result.Result<GraphDocument, GraphFileError> => {
  const parsed = parseJson(text)
  if (Result.isFailure(parsed)) return Result.fail(new GraphFileError({ problems: [parsed.failure] }))
  return decodeGraphFileResult(parsed.success)
}

export const parseGraphFileText = (text: string): Effect.Effect<GraphDocument, GraphFileError> =>
  Effect.fromResult(parseGraphFileTextResult(text))

/** Anything shaped like a graph: a `GraphDocument` or a stored `Graph` (owner and timestamps are dropped). */
export interface EncodableGraph {
  readonly id?: string
  readonly version?: number
  readonly name: string
  readonly description: string
  readonly nodes: ReadonlyArray<Node>
  readonly links: ReadonlyArray<Link>
}

/** The file form of a graph for export: ids kept, `metadata` only when non-empty, links fully spelt out. */
export const encodeGraphFile = (graph: EncodableGraph): GraphFile => ({
  ...(graph.id === undefined ? {} : { id: graph.id }),
  ...(graph.version === undefined ? {} : { version: graph.version }),
  name: graph.name,
  description: graph.description,
  nodes: graph.nodes.map((node) => ({
    id: node.id,
    block: normaliseBlockRef(node.block),
    inputDefault: node.inputDefault,
    ...(Object.keys(node.metadata).length === 0 ? {} : { metadata: node.metadata })
  })),
  links: graph.links.map((link) => ({
    id: link.id,
    sourceId: link.sourceId,
    sourceName: link.sourceName,
    sinkId: link.sinkId,
    sinkName: link.sinkName,
    isStatic: link.isStatic
  }))
})
