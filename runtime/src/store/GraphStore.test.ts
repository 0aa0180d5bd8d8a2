// Graph versions: v1 on create, max+1 under concurrent saves, one active version, owner checks, deletion.
import { assert, describe, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import type { Node } from "../model/Graph.ts"
import { GraphId, GraphVersion, NodeId, UserId } from "../model/Ids.ts"
import { Access, GraphStore } from "./GraphStore.ts"
import * as TestDatabase from "./TestDatabase.ts"
import { UserStore } from "./UserStore.ts"

const TestLayer = Layer.mergeAll(GraphStore.layer, UserStore.layer).pipe(Layer.provideMerge(TestDatabase.layer))

const ada = UserId.make("ada")
const eve = UserId.make("eve")
const node = (id: string): Node => ({
  id: NodeId.make(id),
  block: { id: "AgentInput" },
  inputDefault: { name: "x" },
  metadata: { position: { x: 1, y: 2 } }
})
const content = (name: string) => ({ name, nodes: [node("a")], links: [] })

const setup = Effect.gen(function* () {
  const users = yield* UserStore
  yield* users.ensure({ id: ada, name: "Ada" })
  yield* users.ensure({ id: eve, name: "Eve" })
  return yield* GraphStore
})

describe("GraphStore", () => {
  layer(TestLayer, { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("create saves version 1, active, and get returns it with its nodes", () =>
      Effect.gen(function* () {
        const graphs = yield* setup
        const created = yield* graphs.create(ada, { ...content("first"), description: "d" })
        assert.strictEqual(created.version, 1)
        assert.isTrue(created.isActive)
        const fetched = yield* graphs.get(created.id, Access.owner(ada))
        assert.deepStrictEqual(fetched, created)
        assert.deepStrictEqual(fetched.nodes, [node("a")])
      })
    )

    it.effect("concurrent saves get distinct consecutive versions and exactly one is active", () =>
      Effect.gen(function* () {
        const graphs = yield* setup
        const created = yield* graphs.create(ada, content("v1"))
        const saved = yield* Effect.all(
          Array.from({ length: 8 }, (_, i) =>
            graphs.createVersion(created.id, Access.owner(ada), content(`v${i + 2}`))
          ),
          { concurrency: "unbounded" }
        )
        assert.deepStrictEqual(
          saved.map((g) => g.version).sort((a, b) => a - b),
          [2, 3, 4, 5, 6, 7, 8, 9]
        )
        const versions = yield* graphs.listVersions(created.id, Access.owner(ada))
        assert.deepStrictEqual(
          versions.map((g) => g.version),
          [9, 8, 7, 6, 5, 4, 3, 2, 1]
        )
        assert.deepStrictEqual(
          versions.filter((g) => g.isActive).map((g) => g.version),
          [9]
        )
        assert.strictEqual((yield* graphs.get(created.id, Access.owner(ada))).version, 9)
      })
    )

    it.effect("createVersion with activate: false keeps the active version", () =>
      Effect.gen(function* () {
        const graphs = yield* setup
        const created = yield* graphs.create(ada, content("v1"))
        const draft = yield* graphs.createVersion(created.id, Access.owner(ada), content("v2"), { activate: false })
        assert.isFalse(draft.isActive)
        assert.strictEqual((yield* graphs.get(created.id, Access.owner(ada))).version, 1)
        assert.strictEqual((yield* graphs.get(created.id, Access.owner(ada), GraphVersion.make(2))).name, "v2")
      })
    )

    it.effect("setActive moves the active flag and a missing version fails with GraphNotFound", () =>
      Effect.gen(function* () {
        const graphs = yield* setup
        const created = yield* graphs.create(ada, content("v1"))
        yield* graphs.createVersion(created.id, Access.owner(ada), content("v2"))
        assert.strictEqual(yield* graphs.activeVersion(created.id, Access.owner(ada)), 2)
        const active = yield* graphs.setActive(created.id, GraphVersion.make(1), Access.owner(ada))
        assert.isTrue(active.isActive)
        assert.strictEqual(yield* graphs.activeVersion(created.id, Access.owner(ada)), 1)
        const versions = yield* graphs.listVersions(created.id, Access.owner(ada))
        assert.deepStrictEqual(
          versions.map((g) => [g.version, g.isActive]),
          [
            [2, false],
            [1, true]
          ]
        )
        const missing = yield* Effect.flip(graphs.setActive(created.id, GraphVersion.make(7), Access.owner(ada)))
        assert.deepStrictEqual(
          [missing._tag, missing._tag === "GraphNotFound" ? missing.version : 0],
          ["GraphNotFound", 7]
        )
      })
    )

    it.effect("other users are denied; admins pass; list shows only the owner's active versions", () =>
      Effect.gen(function* () {
        const graphs = yield* setup
        const created = yield* graphs.create(ada, content("mine"))
        yield* graphs.createVersion(created.id, Access.owner(ada), content("mine v2"))
        for (const attempt of [
          graphs.get(created.id, Access.owner(eve)),
          graphs.activeVersion(created.id, Access.owner(eve)),
          graphs.createVersion(created.id, Access.owner(eve), content("hijack")),
          graphs.listVersions(created.id, Access.owner(eve)),
          graphs.setActive(created.id, GraphVersion.make(1), Access.owner(eve)),
          graphs.delete(created.id, Access.owner(eve))
        ]) {
          assert.strictEqual((yield* Effect.flip(attempt))._tag, "GraphAccessDenied")
        }
        assert.strictEqual((yield* graphs.get(created.id, Access.admin)).name, "mine v2")
        const adaList = yield* graphs.list(ada)
        const mine = adaList.filter((g) => g.id === created.id)
        assert.deepStrictEqual(
          mine.map((g) => g.version),
          [2]
        )
        assert.isTrue((yield* graphs.list(eve)).every((g) => g.ownerId === eve))
      })
    )

    it.effect("delete removes every version; later reads fail with GraphNotFound", () =>
      Effect.gen(function* () {
        const graphs = yield* setup
        const created = yield* graphs.create(ada, content("doomed"), GraphId.make("doomed"))
        yield* graphs.createVersion(created.id, Access.owner(ada), content("doomed v2"))
        yield* graphs.delete(created.id, Access.owner(ada))
        assert.strictEqual((yield* Effect.flip(graphs.get(created.id, Access.admin)))._tag, "GraphNotFound")
        assert.strictEqual((yield* Effect.flip(graphs.delete(created.id, Access.admin)))._tag, "GraphNotFound")
      })
    )
  })
})
