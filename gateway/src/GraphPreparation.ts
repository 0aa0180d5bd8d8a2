/**
 * What happens to a graph file between the request body and the store: normalise it (defaults, link ids),
 * mark the links of static-output blocks static, and validate it with the sub-graphs it names loaded, so
 * nothing invalid is ever saved. A plugin block must be a version installed in the saver's workspace (that is what
 * the marketplace's install means, and what makes its uninstall guard hold). Export goes the other way and strips
 * secrets.
 */
import { Effect } from "effect"
import { MarketplaceGateway } from "./MarketplaceGateway.ts"
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
  type GraphIssue,
  preloadSubgraphs,
  validateGraph
} from "@weft/runtime"

/** Input keys that look like secrets are left out of exports even when no block declares them. */
const secretLike = /secret|password|passwd|token|api[_-]?key|credential|private[_-]?key/i

/** Issues for the plugin nodes of `document` whose `package@version` is not installed for `userId`. */
const notInstalled = Effect.fn("GraphPreparation.notInstalled")(function* (document: GraphDocument, userId: string) {
  const pinned = document.nodes.filter((node) => node.block.package !== undefined)
  if (pinned.length === 0) return []
  const marketplace = yield* MarketplaceGateway
  const installs = yield* marketplace
    .list(userId)
    .pipe(Effect.catchTag("MarketplaceUnavailable", () => Effect.succeed([])))
  const installed = new Set(installs.map((i) => `${i.package}@${i.version}`))
  return pinned.flatMap((node): Array<GraphIssue> => {
    const { package: name, version } = node.block
    if (version !== undefined && installed.has(`${name}@${version}`)) return []
    return [
      {
        nodeId: node.id,
        code: "unknown_block",
        message:
          version === undefined
            ? `node "${node.id}": a plugin block names its package version (${name}@<version>)`
            : `node "${node.id}": ${name}@${version} is not installed in your workspace; install it from the marketplace`
      }
    ]
  })
})

export const prepareGraph = Effect.fn("GraphPreparation.prepare")(function* (
  payload: unknown,
  access: Access,
  userId: string
) {
  const registry = yield* BlockRegistry
  const graphs = yield* GraphStore
  // PostgreSQL text and jsonb cannot hold NUL characters; reject them here as the caller's error, not a 503.
  if (JSON.stringify(payload).includes("\\u0000")) {
    return yield* new GraphFileError({
      problems: [{ path: "", message: "strings must not contain NUL (\\u0000) characters" }]
    })
  }
  const decoded = yield* decodeGraphFile(payload)
  const uninstalled = yield* notInstalled(decoded, userId)
  if (uninstalled.length > 0) return yield* new GraphValidationError({ issues: uninstalled })
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
