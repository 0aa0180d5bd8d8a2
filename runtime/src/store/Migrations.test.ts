// Migrations build the schema the actor layer writes to, and the SQL status guard agrees with model/Status.ts.
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { allowedFrom, canTransition, type ExecutionStatus } from "../model/Status.ts"
import * as Migrations from "./Migrations.ts"
import * as TestDatabase from "./TestDatabase.ts"

const statuses = Object.keys(allowedFrom) as Array<ExecutionStatus>

describe("Migrations", () => {
  layer(TestDatabase.layer, { excludeTestServices: true, timeout: "30 seconds" })((it) => {
    it.effect("creates every table the store and the actors use", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<{ table_name: string }>`
          select table_name from information_schema.tables where table_schema = 'public' order by table_name`
        assert.deepStrictEqual(
          rows.map((row) => row.table_name),
          ["credentials", "executions", "graphs", "node_executions", "node_outputs", "users", Migrations.table]
        )
      })
    )

    it.effect("is idempotent: a second run applies nothing", () =>
      Effect.gen(function* () {
        const applied = yield* Migrations.run
        assert.deepStrictEqual(applied, [])
      })
    )

    it.effect("weft_can_transition agrees with allowedFrom for every pair of statuses", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const pairs = statuses.flatMap((from) => statuses.map((to) => ({ from, to })))
        const rows = yield* sql<{ from_status: string; to_status: string; allowed: boolean }>`
          select f as from_status, t as to_status, weft_can_transition(f, t) as allowed
          from unnest(${pairs.map((p) => p.from)}::text[], ${pairs.map((p) => p.to)}::text[]) as x(f, t)`
        assert.strictEqual(rows.length, pairs.length)
        for (const row of rows) {
          const expected = canTransition(row.from_status as ExecutionStatus, row.to_status as ExecutionStatus)
          assert.strictEqual(row.allowed, expected, `${row.from_status} -> ${row.to_status}`)
        }
        const [unknown] = yield* sql<{ allowed: boolean }>`select weft_can_transition(null, 'QUEUED') as allowed`
        assert.strictEqual(unknown?.allowed, false)
      })
    )

    it.effect("status columns reject values outside the model's statuses", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const check = yield* sql<{ def: string }>`
          select pg_get_constraintdef(oid) as def from pg_constraint
          where conrelid = 'node_executions'::regclass and contype = 'c'`
        const definition = check.map((row) => row.def).join(" ")
        for (const status of statuses) assert.include(definition, `'${status}'`)
      })
    )
  })
})
