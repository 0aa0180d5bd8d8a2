import { assert, layer } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { TestDatabase } from "@weft/runtime"
import * as ChildProcess from "node:child_process"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"

const bin = new URL("./bin.ts", import.meta.url).pathname
const examples = new URL("../../examples/", import.meta.url).pathname

interface Outcome {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const weft = (databaseUrl: Redacted.Redacted<string>, args: ReadonlyArray<string>) =>
  Effect.callback<Outcome>((resume) => {
    const child = ChildProcess.spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: Redacted.value(databaseUrl) },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    child.once("exit", (code) => resume(Effect.succeed({ code, stdout, stderr })))
  })

const writeTemp = (name: string, text: string) =>
  Effect.promise(async () => {
    const dir = await NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-cli-"))
    const path = NodePath.join(dir, name)
    await NodeFs.writeFile(path, text)
    return path
  })

const counts = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ graphs: number; executions: number }>`
    SELECT (SELECT count(*) FROM graphs)::int AS graphs, (SELECT count(*) FROM executions)::int AS executions`
  return rows[0]
})

layer(TestDatabase.layer, { excludeTestServices: true, timeout: 120_000 })("weft run", (it) => {
  it.effect(
    "rejects bad input with one line naming what and where, exit code 2, and writes nothing",
    () =>
      Effect.gen(function* () {
        const url = yield* TestDatabase.TestDatabaseUrl
        const malformed = yield* writeTemp("malformed.json", '{ "name": "x", "nodes": [ }')
        const unknownBlock = yield* writeTemp(
          "unknown.json",
          JSON.stringify({ name: "x", nodes: [{ id: "a", block: { id: "NoSuchBlock" } }] })
        )
        const cases: Array<[ReadonlyArray<string>, RegExp]> = [
          [["run", malformed], /malformed\.json: .*malformed JSON at line 1, column \d+/],
          [["run", unknownBlock], /unknown\.json: .*node "a".*unknown block "NoSuchBlock"/],
          [
            ["run", `${examples}template-pipeline.json`],
            /template-pipeline\.json: node "name": missing required input "name"/
          ],
          [["run", `${examples}greeting.json`, "--input", "nobody=1", "--input", "name=x"], /unknown input "nobody"/],
          [["run", "/nonexistent/graph.json"], /graph\.json: cannot read file/]
        ]
        for (const [args, expected] of cases) {
          const outcome = yield* weft(url, args)
          assert.strictEqual(outcome.code, 2, `${args.join(" ")}: ${outcome.stderr}`)
          const lines = outcome.stderr.trim().split("\n")
          assert.strictEqual(lines.length, 1, outcome.stderr)
          assert.match(lines[0] ?? "", expected)
        }
        assert.deepStrictEqual(yield* counts, { graphs: 0, executions: 0 })
      }),
    120_000
  )

  it.effect(
    "runs a graph file to its end and prints status and outputs (JSON with --json)",
    () =>
      Effect.gen(function* () {
        const url = yield* TestDatabase.TestDatabaseUrl
        const outcome = yield* weft(url, [
          "run",
          `${examples}loop-over-list.json`,
          "--input",
          "numbers=[4,5]",
          "--json"
        ])
        assert.strictEqual(outcome.code, 0, outcome.stderr)
        const report = JSON.parse(outcome.stdout)
        assert.strictEqual(report.status, "COMPLETED")
        assert.deepStrictEqual(report.outputs, { doubled: [8, 10] })
        const failing = yield* writeTemp(
          "divide.json",
          JSON.stringify({
            name: "divide",
            nodes: [
              { id: "div", block: { id: "Calculator" }, inputDefault: { operation: "Divide", a: 1, b: 0 } },
              { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "r" } }
            ],
            links: [{ sourceId: "div", sourceName: "result", sinkId: "out", sinkName: "value" }]
          })
        )
        const failed = yield* weft(url, ["run", failing])
        assert.strictEqual(failed.code, 1)
        assert.match(failed.stdout, /: FAILED/)
        assert.match(failed.stdout, /failed nodes:\n\s+div: .*zero/i)
      }),
    120_000
  )

  it.effect(
    "graph validate lists every problem with its node and pin",
    () =>
      Effect.gen(function* () {
        const url = yield* TestDatabase.TestDatabaseUrl
        const file = yield* writeTemp(
          "bad-links.json",
          JSON.stringify({
            name: "bad",
            nodes: [
              { id: "tpl", block: { id: "FillTextTemplate" }, inputDefault: { format: "x" } },
              { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "o" } }
            ],
            links: [
              { sourceId: "tpl", sourceName: "outptu", sinkId: "out", sinkName: "value" },
              { sourceId: "tpl", sourceName: "output", sinkId: "ghost", sinkName: "value" }
            ]
          })
        )
        const outcome = yield* weft(url, ["graph", "validate", file])
        assert.strictEqual(outcome.code, 2)
        assert.match(outcome.stderr, /node "tpl".*"outptu"/)
        assert.match(outcome.stderr, /"ghost"/)
        const valid = yield* weft(url, ["graph", "validate", `${examples}subgraph.json`])
        assert.strictEqual(valid.code, 0, valid.stderr)
      }),
    120_000
  )
})
