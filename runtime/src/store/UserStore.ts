/**
 * Users of a Weft installation: who owns graphs, runs and credentials. Authentication lives in the gateway;
 * this store only records identities and the admin flag. Embedded mode has one local admin user.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { UserId } from "../model/Ids.ts"
import { mapStoreErrors, type StoreError } from "./StoreError.ts"

export const User = Schema.Struct({
  id: UserId,
  email: Schema.NullOr(Schema.String),
  name: Schema.String,
  isAdmin: Schema.Boolean,
  createdAt: Schema.String
})
export type User = typeof User.Type

export interface NewUser {
  readonly id: UserId
  readonly email?: string | null | undefined
  readonly name: string
  readonly isAdmin?: boolean | undefined
}

/** The one user of an embedded installation, created on first start. */
export const localAdminId: UserId = UserId.make("local-admin")

export class UserNotFound extends Schema.TaggedError<UserNotFound>()("UserNotFound", {
  userId: Schema.String
}) {}

export class UserAlreadyExists extends Schema.TaggedError<UserAlreadyExists>()("UserAlreadyExists", {
  field: Schema.Literals(["id", "email"]),
  value: Schema.String
}) {}

const UserRow = Schema.Struct({
  id: UserId,
  email: Schema.NullOr(Schema.String),
  name: Schema.String,
  is_admin: Schema.Boolean,
  created_at: Schema.Date
})
const decodeRows = Schema.decodeUnknownEffect(Schema.Array(UserRow))
const toUser = (row: typeof UserRow.Type): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin,
  createdAt: row.created_at.toISOString()
})

export class UserStore extends Context.Service<
  UserStore,
  {
    /** Inserts a new user; fails if the id or the email is taken. */
    create(user: NewUser): Effect.Effect<User, UserAlreadyExists | StoreError>
    /** Returns the user with this id, inserting it first when absent (an existing row is left as it is). */
    ensure(user: NewUser): Effect.Effect<User, UserAlreadyExists | StoreError>
    get(id: UserId): Effect.Effect<User, UserNotFound | StoreError>
    /** The local admin of an embedded installation, created on first use. */
    readonly localAdmin: Effect.Effect<User, StoreError>
  }
>()("weft/store/UserStore") {
  static readonly layer = Layer.effect(
    UserStore,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient

      const select = (id: UserId) =>
        sql`select id, email, name, is_admin, created_at from users where id = ${id}`.pipe(Effect.flatMap(decodeRows))

      const insert = (user: NewUser, onConflictDoNothing: boolean) =>
        Effect.gen(function* () {
          const rows = yield* sql`
            insert into users (id, email, name, is_admin)
            values (${user.id}, ${user.email ?? null}, ${user.name}, ${user.isAdmin ?? false})
            ${onConflictDoNothing ? sql`on conflict (id) do nothing` : sql``}
            returning id, email, name, is_admin, created_at`.pipe(
            Effect.catchIf(
              (error) => error.reason._tag === "UniqueViolation",
              (error) =>
                Effect.fail(
                  error.reason._tag === "UniqueViolation" && error.reason.constraint === "users_email_key"
                    ? new UserAlreadyExists({ field: "email", value: user.email ?? "" })
                    : new UserAlreadyExists({ field: "id", value: user.id })
                )
            ),
            Effect.flatMap(decodeRows)
          )
          return rows[0]
        })

      const create = Effect.fn("UserStore.create")(function* (user: NewUser) {
        const row = yield* insert(user, false)
        if (row === undefined) return yield* new UserAlreadyExists({ field: "id", value: user.id })
        return toUser(row)
      }, mapStoreErrors("UserStore.create"))

      const ensure = Effect.fn("UserStore.ensure")(function* (user: NewUser) {
        const inserted = yield* insert(user, true)
        if (inserted !== undefined) return toUser(inserted)
        const [existing] = yield* select(user.id)
        // Deleted between the insert and the select: users are never deleted while they own anything, so retrying
        // is not worth it; report it as the conflict it is.
        if (existing === undefined) return yield* new UserAlreadyExists({ field: "id", value: user.id })
        return toUser(existing)
      }, mapStoreErrors("UserStore.ensure"))

      const get = Effect.fn("UserStore.get")(function* (id: UserId) {
        const [row] = yield* select(id)
        if (row === undefined) return yield* new UserNotFound({ userId: id })
        return toUser(row)
      }, mapStoreErrors("UserStore.get"))

      const localAdmin = ensure({ id: localAdminId, name: "Local admin", isAdmin: true }).pipe(
        // The local admin has no email, so the only conflict `ensure` can report is impossible here.
        Effect.catchTag("UserAlreadyExists", (error) => Effect.die(error)),
        Effect.withSpan("UserStore.localAdmin")
      )

      return UserStore.of({ create, ensure, get, localAdmin })
    })
  )
}
