/**
 * An idempotency key remembers a digest of the request it first came with, so reusing the key for a different
 * request is refused instead of silently answering with the other run. Rows from before have none and match any.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`alter table gateway_idempotency add column request_digest text`
})
