/** A saved graph version may carry its author's message ("what changed"), shown in version histories. */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`alter table graphs add column version_message text`
})
