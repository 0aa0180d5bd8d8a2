/**
 * Migration 1: users, graphs, executions, node executions and their outputs, credentials, and the SQL guard
 * for status transitions. The actor layer writes these tables directly with batched SQL, so names and types
 * here are a contract (see the store's README section in architecture.md).
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

/**
 * The statuses of model/Status.ts. Written out (not generated) because a shipped migration must not change
 * when the code does; Migrations.test.ts checks that the two still agree.
 */
const statusCheck = (column: string) =>
  `check (${column} in ('INCOMPLETE', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'TERMINATED', 'REVIEW'))`

const statements: ReadonlyArray<string> = [
  `create table users (
    id text primary key,
    email text unique,
    name text not null,
    is_admin boolean not null default false,
    created_at timestamptz not null default now()
  )`,

  `create table graphs (
    id text not null,
    version int not null check (version >= 1),
    owner_id text not null references users(id),
    name text not null,
    description text not null default '',
    nodes jsonb not null,
    links jsonb not null,
    is_active boolean not null default false,
    created_at timestamptz not null default now(),
    primary key (id, version)
  )`,
  `create unique index graphs_one_active_version on graphs (id) where is_active`,
  `create index graphs_owner on graphs (owner_id)`,

  `create table executions (
    id text primary key,
    graph_id text not null,
    graph_version int not null,
    user_id text not null references users(id),
    status text not null ${statusCheck("status")},
    inputs jsonb not null,
    outputs jsonb not null default '{}',
    stuck_nodes jsonb not null default '[]',
    stats jsonb not null default '{}',
    parent_execution_id text null references executions(id) on delete cascade,
    created_at timestamptz not null default now(),
    started_at timestamptz null,
    ended_at timestamptz null,
    foreign key (graph_id, graph_version) references graphs(id, version) on delete cascade
  )`,
  `create index executions_user_created on executions (user_id, created_at desc, id desc)`,
  `create index executions_graph on executions (graph_id)`,
  `create index executions_parent on executions (parent_execution_id) where parent_execution_id is not null`,
  `create index executions_unfinished on executions (status)
    where status not in ('COMPLETED', 'FAILED', 'TERMINATED')`,

  `create table node_executions (
    id text primary key,
    execution_id text not null references executions(id) on delete cascade,
    node_id text not null,
    status text not null ${statusCheck("status")},
    pins jsonb not null default '{}',
    input jsonb null,
    error text null,
    attempt int not null default 0,
    runner text,
    created_seq int not null,
    end_seq bigint null,
    queued_at timestamptz,
    started_at timestamptz,
    ended_at timestamptz
  )`,
  `create index node_executions_execution on node_executions (execution_id, created_seq)`,

  `create table node_outputs (
    node_execution_id text not null references node_executions(id) on delete cascade,
    seq int not null,
    execution_id text not null,
    pin text not null,
    value jsonb not null,
    run_seq bigint not null,
    at timestamptz not null default now(),
    primary key (node_execution_id, seq)
  )`,
  `create index node_outputs_execution on node_outputs (execution_id, run_seq)`,

  `create table credentials (
    id text primary key,
    user_id text not null references users(id) on delete cascade,
    provider text not null,
    name text not null,
    nonce bytea not null,
    ciphertext bytea not null,
    created_at timestamptz not null default now()
  )`,
  `create index credentials_user on credentials (user_id, created_at)`,

  // allowedFrom of model/Status.ts: for each target status, the statuses it may be entered from.
  `create function weft_can_transition(from_status text, to_status text) returns boolean
    language sql immutable parallel safe
    as $$
      select coalesce(case to_status
        when 'QUEUED' then from_status in ('INCOMPLETE', 'TERMINATED', 'REVIEW')
        when 'RUNNING' then from_status in ('INCOMPLETE', 'QUEUED', 'TERMINATED', 'REVIEW')
        when 'COMPLETED' then from_status in ('RUNNING')
        when 'FAILED' then from_status in ('INCOMPLETE', 'QUEUED', 'RUNNING', 'REVIEW')
        when 'TERMINATED' then from_status in ('INCOMPLETE', 'QUEUED', 'RUNNING', 'REVIEW')
        when 'REVIEW' then from_status in ('RUNNING')
        else false
      end, false)
    $$`
]

// One statement per round trip: the extended query protocol accepts a single statement at a time.
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  for (const statement of statements) {
    yield* sql.unsafe(statement)
  }
})
