import { describe, it, assert } from "@effect/vitest"
import { Effect } from "effect"
import type { SubgraphNode, SubgraphShape } from "./SubgraphContainment.ts"
import { checkSubgraphContainment } from "./SubgraphContainment.ts"
import { preloadSubgraphs } from "./SubgraphPreload.ts"

const executor = (id: string, graphId: string): SubgraphNode => ({
  id,
  block: { id: "AgentExecutor" },
  inputDefault: { graph_id: graphId, graph_version: 1 }
})

describe("preloadSubgraphs", () => {
  it.effect("fetches each reachable graph once, never the root, and feeds containment checks", () =>
    Effect.gen(function* () {
      const stored: Record<string, SubgraphShape> = {
        A: { id: "A", nodes: [executor("toB", "B"), executor("toB2", "B")] },
        B: { id: "B", nodes: [executor("back", "G")] },
        G: { id: "G", nodes: [] }
      }
      const fetched: Array<string> = []
      const fetch = (graphId: string) =>
        Effect.sync(() => {
          fetched.push(graphId)
          return stored[graphId]
        })
      const root: SubgraphShape = { id: "G", nodes: [executor("run", "A"), executor("missing", "Z")] }
      const lookup = yield* preloadSubgraphs(root, fetch)
      assert.deepStrictEqual([...fetched].sort(), ["A", "B", "Z"])
      assert.strictEqual(lookup("A", 1), stored["A"])
      assert.isUndefined(lookup("A", 2))
      const issues = checkSubgraphContainment(root, lookup)
      assert.deepStrictEqual(
        issues.map((i) => [i.nodeId, i.code]),
        [
          ["run", "self_containing_graph"],
          ["missing", "unknown_subgraph"]
        ]
      )
    })
  )

  it.effect("propagates fetch failures", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        preloadSubgraphs({ nodes: [executor("run", "A")] }, () => Effect.fail("store down" as const))
      )
      assert.strictEqual(error, "store down")
    })
  )
})
