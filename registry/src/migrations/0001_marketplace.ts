/**
 * Registry migration 1: the marketplace index (one row per package, one per published version) and the
 * per-user plugin installs. `plugin_installs` references the runtime's `users`, so the runtime's migrations
 * run first (the registry depends on the runtime, never the other way).
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

const statements: ReadonlyArray<string> = [
  `create table marketplace_packages (
    name text primary key,
    description text not null default '',
    readme text not null default '',
    keywords jsonb not null default '[]',
    categories jsonb not null default '[]',
    latest_version text not null,
    install_count bigint not null default 0,
    updated_at timestamptz not null default now()
  )`,
  `create table marketplace_versions (
    package text not null references marketplace_packages(name) on delete cascade,
    version text not null,
    description text not null default '',
    readme text not null default '',
    keywords jsonb not null default '[]',
    categories jsonb not null default '[]',
    blocks jsonb not null,
    permissions jsonb not null,
    integrity text not null,
    published_at timestamptz,
    deprecated text,
    indexed_at timestamptz not null default now(),
    primary key (package, version)
  )`,
  `create table plugin_installs (
    user_id text not null references users(id) on delete cascade,
    package text not null,
    version text not null,
    installed_at timestamptz not null default now(),
    primary key (user_id, package, version)
  )`,
  `create index plugin_installs_package on plugin_installs (package, version)`
]

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  for (const statement of statements) yield* sql.unsafe(statement)
})
