/**
 * Webhook tokens: random 256-bit strings that start the active version of one graph when POSTed to
 * `/hooks/{token}`. Only their SHA-256 is stored (a random token needs no salt: nothing precomputed can match
 * it) and looked up by that hash; revoking sets `revoked_at`, after which the token answers 404.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import { mapStoreErrors, type StoreError, UserId } from "@weft/runtime"
import type { WebhookMetadata } from "./ApiSchemas.ts"

export class WebhookNotFound extends Schema.TaggedError<WebhookNotFound>()("WebhookNotFound", {
  webhookId: Schema.String
}) {}

const Row = Schema.Struct({
  id: Schema.String,
  user_id: UserId,
  graph_id: Schema.String,
  prefix: Schema.String,
  created_at: Schema.Date
})
const decodeRows = Schema.decodeUnknownEffect(Schema.Array(Row))
const toMetadata = (row: typeof Row.Type): WebhookMetadata => ({
  id: row.id,
  graphId: row.graph_id,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString()
})
const hashOf = (token: string) => new Uint8Array(NodeCrypto.createHash("sha256").update(token, "utf8").digest())

export interface ResolvedWebhook {
  readonly id: string
  readonly userId: UserId
  readonly graphId: string
}

export class Webhooks extends Context.Service<
  Webhooks,
  {
    readonly create: (
      userId: UserId,
      graphId: string
    ) => Effect.Effect<WebhookMetadata & { readonly token: string }, StoreError>
    readonly list: (graphId: string) => Effect.Effect<ReadonlyArray<WebhookMetadata>, StoreError>
    /** Revokes the token if `userId` owns it (or for anyone when `userId` is undefined: admins). */
    readonly revoke: (userId: UserId | undefined, id: string) => Effect.Effect<void, WebhookNotFound | StoreError>
    readonly resolve: (token: string) => Effect.Effect<ResolvedWebhook | undefined, StoreError>
    readonly deleteForGraph: (graphId: string) => Effect.Effect<void, StoreError>
  }
>()("@weft/gateway/Webhooks") {
  static readonly layer = Layer.effect(
    Webhooks,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const columns = sql.literal("id, user_id, graph_id, prefix, created_at")

      const create = Effect.fn("Webhooks.create")(function* (userId: UserId, graphId: string) {
        const id = NodeCrypto.randomUUID()
        const token = `whk_${NodeCrypto.randomBytes(32).toString("base64url")}`
        const rows = yield* sql`insert into gateway_webhooks (id, user_id, graph_id, prefix, hash)
          values (${id}, ${userId}, ${graphId}, ${token.slice(0, 10)}, ${hashOf(token)})
          returning ${columns}`.pipe(Effect.flatMap(decodeRows))
        const row = rows[0]
        if (row === undefined) return yield* Effect.die(new Error("insert into gateway_webhooks returned no row"))
        return { ...toMetadata(row), token }
      }, mapStoreErrors("Webhooks.create"))

      const list = Effect.fn("Webhooks.list")(function* (graphId: string) {
        const rows = yield* sql`select ${columns} from gateway_webhooks
          where graph_id = ${graphId} and revoked_at is null order by created_at, id`.pipe(Effect.flatMap(decodeRows))
        return rows.map(toMetadata)
      }, mapStoreErrors("Webhooks.list"))

      const revoke = Effect.fn("Webhooks.revoke")(function* (userId: UserId | undefined, id: string) {
        const rows = yield* sql`update gateway_webhooks set revoked_at = now()
          where id = ${id} and revoked_at is null ${userId === undefined ? sql`` : sql`and user_id = ${userId}`}
          returning id`
        if (rows.length === 0) return yield* new WebhookNotFound({ webhookId: id })
      }, mapStoreErrors("Webhooks.revoke"))

      const resolve = Effect.fn("Webhooks.resolve")(function* (token: string) {
        if (token.length > 200) return undefined
        const rows = yield* sql`select ${columns} from gateway_webhooks
          where hash = ${hashOf(token)} and revoked_at is null`.pipe(Effect.flatMap(decodeRows))
        const row = rows[0]
        if (row === undefined) return undefined
        const resolved: ResolvedWebhook = { id: row.id, userId: row.user_id, graphId: row.graph_id }
        return resolved
      }, mapStoreErrors("Webhooks.resolve"))

      const deleteForGraph = Effect.fn("Webhooks.deleteForGraph")(function* (graphId: string) {
        yield* sql`delete from gateway_webhooks where graph_id = ${graphId}`
      }, mapStoreErrors("Webhooks.deleteForGraph"))

      return Webhooks.of({ create, list, revoke, resolve, deleteForGraph })
    })
  )
}
