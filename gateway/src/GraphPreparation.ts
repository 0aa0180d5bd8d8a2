/**
 * What happens to a graph file between the request body and the store: normalise it (defaults, link ids),
 * mark the links of static-output blocks static, and validate it with the sub-graphs it names loaded, so
 * nothing invalid is ever saved. Export goes the other way and strips secrets.
 */
import { Effect } from "effect"
import {
  type Access,
  applyStaticOutputs,
  BlockRegistry,
  decodeGraphFile,
  encodeGraphFile,
  type Graph,
  GraphFileError,
  GraphId,
  GraphStore,
  GraphValidationError,
  GraphVersion,
  type GraphDocument,
  preloadSubgraphs,
  validateGraph
} from "@weft/runtime"

/** Input keys that look like secrets are left out of exports even when no block declares them. */
const secretLike = /secret|password|passwd|token|api[_-]?key|credential|private[_-]?key/i

export const prepareGraph = Effect.fn("GraphPreparation.prepare")(function* (payload: unknown, access: Access) {
  const registry = yield* BlockRegistry
  const graphs = yield* GraphStore
  // PostgreSQL text and jsonb cannot hold NUL characters; reject them here as the caller's error, not a 503.
  if (JSON.stringify(payload).includes("\\u0000")) {
    return yield* new GraphFileError({
      problems: [{ path: "", message: "strings must not contain NUL (\\u0000) characters" }]
    })
  }
  const decoded = yield* decodeGraphFile(payload)
  yield* registry.ensure(decoded.nodes.map((node) => node.block))
  const document: GraphDocument = applyStaticOutputs(decoded, registry.resolveSync)
  const subgraphLookup = yield* preloadSubgraphs(document, (graphId, version) =>
    graphs.get(GraphId.make(graphId), access, version === undefined ? undefined : GraphVersion.make(version)).pipe(
      Effect.map((graph): Graph | undefined => graph),
      Effect.catchTags({
        GraphNotFound: () => Effect.succeed(undefined),
        GraphAccessDenied: () => Effect.succeed(undefined)
      })
    )
  )
  const issues = validateGraph(document, registry.resolveSync, { subgraphLookup })
  if (issues.length > 0) return yield* new GraphValidationError({ issues })
  return document
})

/** The file form of a stored graph with every credential input and secret-looking input default removed. */
export const exportGraph = Effect.fn("GraphPreparation.export")(function* (graph: Graph) {
  const registry = yield* BlockRegistry
  yield* registry.ensure(graph.nodes.map((node) => node.block))
  const nodes = graph.nodes.map((node) => {
    const declared = new Set(Object.keys(registry.resolveSync(node.block)?.credentials ?? {}))
    const inputDefault = Object.fromEntries(
      Object.entries(node.inputDefault).filter(([key]) => !declared.has(key) && !secretLike.test(key))
    )
    return { ...node, inputDefault }
  })
  return encodeGraphFile({ ...graph, nodes })
})
