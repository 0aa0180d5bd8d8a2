// Users: creation conflicts, idempotent ensure, lookup, and the embedded local admin.
import { assert, describe, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { UserId } from "../model/Ids.ts"
import * as TestDatabase from "./TestDatabase.ts"
import { localAdminId, UserStore } from "./UserStore.ts"

const TestLayer = UserStore.layer.pipe(Layer.provideMerge(TestDatabase.layer))

describe("UserStore", () => {
  layer(TestLayer, { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("creates a user and finds it by id", () =>
      Effect.gen(function* () {
        const users = yield* UserStore
        const created = yield* users.create({ id: UserId.make("ada"), email: "ada@example.com", name: "Ada" })
        assert.strictEqual(created.isAdmin, false)
        assert.deepStrictEqual(yield* users.get(UserId.make("ada")), created)
      })
    )

    it.effect("refuses a taken id or email with the field that clashed", () =>
      Effect.gen(function* () {
        const users = yield* UserStore
        yield* users.create({ id: UserId.make("bob"), email: "bob@example.com", name: "Bob" })
        const sameId = yield* Effect.flip(users.create({ id: UserId.make("bob"), name: "Bob 2" }))
        assert.deepStrictEqual(
          [sameId._tag, sameId._tag === "UserAlreadyExists" && sameId.field],
          ["UserAlreadyExists", "id"]
        )
        const sameEmail = yield* Effect.flip(
          users.create({ id: UserId.make("bob2"), email: "bob@example.com", name: "B" })
        )
        assert.deepStrictEqual(
          [sameEmail._tag, sameEmail._tag === "UserAlreadyExists" && sameEmail.field],
          ["UserAlreadyExists", "email"]
        )
      })
    )

    it.effect("ensure inserts once and then returns the stored row unchanged", () =>
      Effect.gen(function* () {
        const users = yield* UserStore
        const first = yield* users.ensure({ id: UserId.make("cy"), name: "Cy" })
        const second = yield* users.ensure({ id: UserId.make("cy"), name: "Renamed" })
        assert.strictEqual(second.name, "Cy")
        assert.deepStrictEqual(second, first)
      })
    )

    it.effect("get of an unknown id fails with UserNotFound", () =>
      Effect.gen(function* () {
        const users = yield* UserStore
        const error = yield* Effect.flip(users.get(UserId.make("nobody")))
        assert.strictEqual(error._tag, "UserNotFound")
      })
    )

    it.effect("the local admin is created once and is an admin", () =>
      Effect.gen(function* () {
        const users = yield* UserStore
        const [a, b] = yield* Effect.all([users.localAdmin, users.localAdmin], { concurrency: 2 })
        assert.strictEqual(a?.id, localAdminId)
        assert.isTrue(a?.isAdmin)
        assert.deepStrictEqual(a, b)
      })
    )
  })
})
