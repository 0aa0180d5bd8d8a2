/**
 * Gateway migration 1: API keys (only a salted hash of each key), webhook tokens (hashed likewise) and the
 * idempotency keys of execution starts. Graph ids are not foreign keys here: graphs are keyed by (id, version),
 * so webhooks of a deleted graph are removed by the gateway when it deletes the graph and ignored otherwise.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

const statements: ReadonlyArray<string> = [
  `create table gateway_api_keys (
    id text primary key,
    user_id text not null references users(id) on delete cascade,
    name text not null,
    prefix text not null,
    salt bytea not null,
    hash bytea not null,
    scopes text[] not null,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz
  )`,
  `create index gateway_api_keys_user on gateway_api_keys (user_id, created_at)`,

  `create table gateway_webhooks (
    id text primary key,
    user_id text not null references users(id) on delete cascade,
    graph_id text not null,
    prefix text not null,
    hash bytea not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`,
  `create index gateway_webhooks_graph on gateway_webhooks (graph_id)`,

  `create table gateway_idempotency (
    user_id text not null references users(id) on delete cascade,
    key text not null,
    execution_id text not null,
    created_at timestamptz not null default now(),
    primary key (user_id, key)
  )`
]

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  for (const statement of statements) {
    yield* sql.unsafe(statement)
  }
})
