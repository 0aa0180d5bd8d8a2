/**
 * Saved graphs and their versions (semantics.md "Data model"): `(id, version)` is the key, versions are
 * immutable, saving an edit adds version max+1, and one version per graph is active. Owner checks take an
 * `Access` so the caller (the gateway, which knows who is an admin) decides who may bypass them.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import { type Graph, Link, Node } from "../model/Graph.ts"
import { GraphId, GraphVersion, UserId } from "../model/Ids.ts"
import { mapStoreErrors, type StoreError } from "./StoreError.ts"

/** Who is asking: the owner check applies to `Owner`, an `Admin` may touch every graph. */
export type Access = { readonly _tag: "Owner"; readonly userId: UserId } | { readonly _tag: "Admin" }
const admin: Access = { _tag: "Admin" }
export const Access = {
  owner: (userId: UserId): Access => ({ _tag: "Owner", userId }),
  admin
}

export interface GraphContent {
  readonly name: string
  readonly description?: string | undefined
  /** The author's note on this version (not part of the graph file). */
  readonly versionMessage?: string | undefined
  readonly nodes: ReadonlyArray<Node>
  readonly links: ReadonlyArray<Link>
}

export class GraphNotFound extends Schema.TaggedError<GraphNotFound>()("GraphNotFound", {
  graphId: Schema.String,
  version: Schema.optionalKey(Schema.Number)
}) {}

/** The graph exists but belongs to someone else. The gateway may prefer to answer 404 to hide its existence. */
export class GraphAccessDenied extends Schema.TaggedError<GraphAccessDenied>()("GraphAccessDenied", {
  graphId: Schema.String
}) {}

const GraphRow = Schema.Struct({
  id: GraphId,
  version: GraphVersion,
  owner_id: UserId,
  name: Schema.String,
  description: Schema.String,
  nodes: Schema.Array(Node),
  links: Schema.Array(Link),
  is_active: Schema.Boolean,
  created_at: Schema.Date,
  version_message: Schema.NullOr(Schema.String)
})
const decodeRows = Schema.decodeUnknownEffect(Schema.Array(GraphRow))
const toGraph = (row: typeof GraphRow.Type): Graph => ({
  id: row.id,
  version: row.version,
  ownerId: row.owner_id,
  name: row.name,
  description: row.description,
  nodes: row.nodes,
  links: row.links,
  isActive: row.is_active,
  createdAt: row.created_at.toISOString(),
  ...(row.version_message === null ? {} : { versionMessage: row.version_message })
})

const columns = "id, version, owner_id, name, description, nodes, links, is_active, created_at, version_message"

export class GraphStore extends Context.Service<
  GraphStore,
  {
    /** Saves a new graph as version 1, active. A fresh id is generated unless one is given. */
    create(ownerId: UserId, content: GraphContent, id?: GraphId): Effect.Effect<Graph, StoreError>
    /** Saves an edit as version max+1 (active unless `activate: false`). Concurrent saves get distinct versions. */
    createVersion(
      id: GraphId,
      access: Access,
      content: GraphContent,
      options?: { readonly activate?: boolean }
    ): Effect.Effect<Graph, GraphNotFound | GraphAccessDenied | StoreError>
    /** The number of the active version (a cheap lookup: no nodes or links read). */
    activeVersion(
      id: GraphId,
      access: Access
    ): Effect.Effect<GraphVersion, GraphNotFound | GraphAccessDenied | StoreError>
    /** One version, or the active one when `version` is omitted. */
    get(
      id: GraphId,
      access: Access,
      version?: GraphVersion
    ): Effect.Effect<Graph, GraphNotFound | GraphAccessDenied | StoreError>
    /** Every version, newest first. */
    listVersions(
      id: GraphId,
      access: Access
    ): Effect.Effect<ReadonlyArray<Graph>, GraphNotFound | GraphAccessDenied | StoreError>
    /** The active version of each graph the user owns, newest graph first. */
    list(ownerId: UserId): Effect.Effect<ReadonlyArray<Graph>, StoreError>
    setActive(
      id: GraphId,
      version: GraphVersion,
      access: Access
    ): Effect.Effect<Graph, GraphNotFound | GraphAccessDenied | StoreError>
    /** Deletes every version (and, by cascade, their executions). */
    delete(id: GraphId, access: Access): Effect.Effect<void, GraphNotFound | GraphAccessDenied | StoreError>
  }
>()("weft/store/GraphStore") {
  static readonly layer = Layer.effect(
    GraphStore,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient

      /**
       * Serialises writers of one graph id until the transaction ends. An advisory lock (rather than FOR UPDATE
       * on the version rows) also covers the step that reads max(version), which no row lock can protect.
       */
      const lockGraph = (id: GraphId) => sql`select pg_advisory_xact_lock(hashtextextended(${`weft:graph:${id}`}, 0))`

      /** The owner of the graph, or GraphNotFound / GraphAccessDenied. */
      const checkAccess = (id: GraphId, access: Access) =>
        Effect.gen(function* () {
          const rows = yield* sql<{ owner_id: string }>`select owner_id from graphs where id = ${id} limit 1`
          const row = rows[0]
          if (row === undefined) return yield* new GraphNotFound({ graphId: id })
          if (access._tag === "Owner" && row.owner_id !== access.userId) {
            return yield* new GraphAccessDenied({ graphId: id })
          }
          return UserId.make(row.owner_id)
        })

      const insertVersion = (id: GraphId, version: number, ownerId: UserId, content: GraphContent, active: boolean) =>
        sql`insert into graphs (id, version, owner_id, name, description, nodes, links, is_active, version_message)
            values (${id}, ${version}, ${ownerId}, ${content.name}, ${content.description ?? ""},
                    ${JSON.stringify(content.nodes)}::jsonb, ${JSON.stringify(content.links)}::jsonb, ${active},
                    ${content.versionMessage ?? null})
            returning ${sql.literal(columns)}`.pipe(Effect.flatMap(decodeRows))

      const single = (rows: ReadonlyArray<typeof GraphRow.Type>, id: GraphId, version?: number) => {
        const row = rows[0]
        return row === undefined
          ? Effect.fail(new GraphNotFound(version === undefined ? { graphId: id } : { graphId: id, version }))
          : Effect.succeed(toGraph(row))
      }

      const create = Effect.fn("GraphStore.create")(function* (ownerId: UserId, content: GraphContent, id?: GraphId) {
        const graphId = id ?? GraphId.make(NodeCrypto.randomUUID())
        const rows = yield* insertVersion(graphId, 1, ownerId, content, true)
        return yield* single(rows, graphId).pipe(Effect.orDie)
      }, mapStoreErrors("GraphStore.create"))

      const createVersion = Effect.fn("GraphStore.createVersion")(function* (
        id: GraphId,
        access: Access,
        content: GraphContent,
        options?: { readonly activate?: boolean }
      ) {
        const activate = options?.activate ?? true
        return yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* lockGraph(id)
            const ownerId = yield* checkAccess(id, access)
            const [latest] = yield* sql<{
              version: number
            }>`select max(version) as version from graphs where id = ${id}`
            const version = (latest?.version ?? 0) + 1
            if (activate) yield* sql`update graphs set is_active = false where id = ${id} and is_active`
            const rows = yield* insertVersion(id, version, ownerId, content, activate)
            return yield* single(rows, id, version)
          })
        )
      }, mapStoreErrors("GraphStore.createVersion"))

      const get = Effect.fn("GraphStore.get")(function* (id: GraphId, access: Access, version?: GraphVersion) {
        const rows = yield* (
          version === undefined
            ? sql`select ${sql.literal(columns)} from graphs where id = ${id} and is_active`
            : sql`select ${sql.literal(columns)} from graphs where id = ${id} and version = ${version}`
        ).pipe(Effect.flatMap(decodeRows))
        const graph = yield* single(rows, id, version)
        if (access._tag === "Owner" && graph.ownerId !== access.userId) {
          return yield* new GraphAccessDenied({ graphId: id })
        }
        return graph
      }, mapStoreErrors("GraphStore.get"))

      const activeVersion = Effect.fn("GraphStore.activeVersion")(function* (id: GraphId, access: Access) {
        const rows = yield* sql<{ version: number; owner_id: string }>`select version, owner_id from graphs
          where id = ${id} and is_active`
        const row = rows[0]
        if (row === undefined) return yield* new GraphNotFound({ graphId: id })
        if (access._tag === "Owner" && row.owner_id !== access.userId) {
          return yield* new GraphAccessDenied({ graphId: id })
        }
        return GraphVersion.make(row.version)
      }, mapStoreErrors("GraphStore.activeVersion"))

      const listVersions = Effect.fn("GraphStore.listVersions")(function* (id: GraphId, access: Access) {
        yield* checkAccess(id, access)
        const rows = yield* sql`select ${sql.literal(columns)} from graphs where id = ${id} order by version desc`.pipe(
          Effect.flatMap(decodeRows)
        )
        return rows.map(toGraph)
      }, mapStoreErrors("GraphStore.listVersions"))

      const list = Effect.fn("GraphStore.list")(function* (ownerId: UserId) {
        const rows = yield* sql`select ${sql.literal(columns)} from graphs
          where owner_id = ${ownerId} and is_active order by created_at desc, id`.pipe(Effect.flatMap(decodeRows))
        return rows.map(toGraph)
      }, mapStoreErrors("GraphStore.list"))

      const setActive = Effect.fn("GraphStore.setActive")(function* (
        id: GraphId,
        version: GraphVersion,
        access: Access
      ) {
        return yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* lockGraph(id)
            yield* checkAccess(id, access)
            const exists = yield* sql`select 1 from graphs where id = ${id} and version = ${version}`
            if (exists.length === 0) return yield* new GraphNotFound({ graphId: id, version })
            // Two statements: the partial unique index is checked row by row, so one UPDATE flipping both rows
            // could see two active versions halfway through.
            yield* sql`update graphs set is_active = false where id = ${id} and is_active and version <> ${version}`
            const rows = yield* sql`update graphs set is_active = true where id = ${id} and version = ${version}
              returning ${sql.literal(columns)}`.pipe(Effect.flatMap(decodeRows))
            return yield* single(rows, id, version)
          })
        )
      }, mapStoreErrors("GraphStore.setActive"))

      const delete_ = Effect.fn("GraphStore.delete")(function* (id: GraphId, access: Access) {
        yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* lockGraph(id)
            yield* checkAccess(id, access)
            yield* sql`delete from graphs where id = ${id}`
          })
        )
      }, mapStoreErrors("GraphStore.delete"))

      return GraphStore.of({
        create,
        createVersion,
        activeVersion,
        get,
        listVersions,
        list,
        setActive,
        delete: delete_
      })
    })
  )
}
