/**
 * Gateway throughput and latency (issue 3's figures) on this machine, over a fresh database on the PostgreSQL of
 * WEFT_TEST_PG_URL and Redis (REDIS_URL, default redis://127.0.0.1:6379) with limits high enough not to interfere:
 * the distributed shape (one `weft runner`, 1 then 2 `weft gateway` processes), then the single process of
 * `weft dev` (gateway and runner together). Concurrent keep-alive HTTP clients spread over the gateways measure:
 * - `GET /api/v1/graphs`;
 * - a 3-node run started and completed through `POST /api/v1/executions?wait=30` (start → all outputs stored);
 *   afterwards the database must hold as many COMPLETED runs as there were 200 answers. Two graphs: the greeting
 *   example, whose blocks are all instant built-ins (its runs are written whole by the gateway, InstantRun), and
 *   the same shape with a Wait of 0 s in the middle, whose runs go to a GraphRun entity on a runner.
 * Prints requests per second, p50/p99 latency, the CPU each process (and PostgreSQL's and Redis's) spent per
 * completed run (on two cores that is the budget), PostgreSQL transactions per run and the RSS of every process.
 * Run: `npm run bench -- gateway`.
 * The load comes from `wrk` when it is on the PATH (Debian's package; one wrk process per gateway), else from a
 * Node fetch loop that costs several times wrk's CPU, taken from the system measured. With wrk the runs are then
 * measured once more with each client a user thinking ~85 ms between runs (≥500 runs/s offered by 50 users): the
 * latency at the target's rate rather than at saturation.
 * `WEFT_BENCH_LOAD=fetch` forces the Node loop; `WEFT_BENCH_SHAPE=distributed|embedded` runs one shape;
 * `WEFT_BENCH_GATEWAYS=1` skips the two-gateway round and `WEFT_BENCH_RUNS_ONLY=1` the reads.
 */
import { Effect, Layer, Redacted, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as Jose from "jose"
import * as ChildProcess from "node:child_process"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { TestDatabase } from "@weft/runtime"
import { eventually, freePort, startRunner } from "../cli/src/RunnerProcesses.ts"

const bin = new URL("../cli/src/bin.ts", import.meta.url).pathname
const greeting = new URL("../examples/greeting.json", import.meta.url).pathname
const secret = "bench-secret-0123456789abcdef0123456789"
const concurrency = Number(process.env.WEFT_BENCH_CONCURRENCY ?? 50)
const seconds = Number(process.env.WEFT_BENCH_SECONDS ?? 8)

interface Gateway {
  readonly url: string
  readonly pid: number
}

/**
 * `weft gateway` (or `weft dev`: the gateway with the runner in its own process) on a free port; killed with the
 * scope.
 */
const startGateway = (databaseUrl: Redacted.Redacted<string>, prefix: string, command: "gateway" | "dev" = "gateway") =>
  Effect.gen(function* () {
    const port = yield* freePort
    const child = yield* Effect.acquireRelease(
      Effect.sync(() =>
        ChildProcess.spawn(process.execPath, [bin, command], {
          env: {
            ...process.env,
            WEFT_DATA_DIR: NodePath.join(NodeOs.tmpdir(), `weft-bench-${process.pid}`),
            DATABASE_URL: Redacted.value(databaseUrl),
            WEFT_PORT: String(port),
            WEFT_JWT_SECRET: secret,
            REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
            WEFT_REDIS_PREFIX: prefix,
            WEFT_RATE_LIMIT_READ: "1000000000",
            WEFT_RATE_LIMIT_WRITE: "1000000000",
            WEFT_RATE_LIMIT_EXECUTE: "1000000000",
            // Per-request logs would measure the log pipe, not the gateway.
            WEFT_ACCESS_LOG: "false"
          },
          stdio: ["ignore", "pipe", "pipe"]
        })
      ),
      (child) =>
        Effect.callback<void>((resume) => {
          if (child.exitCode !== null) return resume(Effect.void)
          child.once("exit", () => resume(Effect.void))
          child.kill("SIGTERM")
        }).pipe(
          Effect.timeoutOrElse({ duration: "10 seconds", orElse: () => Effect.sync(() => child.kill("SIGKILL")) })
        )
    )
    // Drain stderr so a chatty child never blocks on a full pipe.
    child.stderr.resume()
    yield* Effect.callback<void, Error>((resume) => {
      let out = ""
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString()
        if (out.includes("weft gateway: listening") || out.includes("weft dev: ready")) resume(Effect.void)
      })
      child.once("exit", (code) => resume(Effect.fail(new Error(`weft gateway exited (${code}):\n${out}`))))
    }).pipe(Effect.timeout("60 seconds"), Effect.orDie)
    child.stdout.resume()
    const gateway: Gateway = { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0 }
    return gateway
  })

const rssMb = (pid: number) =>
  Effect.promise(() =>
    NodeFs.readFile(`/proc/${pid}/status`, "utf8").then(
      (status) => Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
      () => 0
    )
  )

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
const cpuSecondsOf = async (pid: number): Promise<number> => {
  const stat = await NodeFs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "")
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100
}

/** Pids of every process with this command name (PostgreSQL's backends, Redis, wrk). */
const pidsNamed = async (name: string): Promise<ReadonlyArray<number>> => {
  const pids: Array<number> = []
  for (const entry of await NodeFs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    const comm = await NodeFs.readFile(`/proc/${entry}/comm`, "utf8").catch(() => "")
    if (comm.trim() === name) pids.push(Number(entry))
  }
  return pids
}

/** CPU seconds per process group, read before and after a load, so a figure per request can be printed. */
const cpuSnapshot = (groups: Readonly<Record<string, ReadonlyArray<number>>>) =>
  Effect.promise(async () => {
    const named = { postgres: await pidsNamed("postgres"), redis: await pidsNamed("redis-server") }
    const all = { ...groups, ...named }
    const totals: Record<string, number> = {}
    for (const [group, pids] of Object.entries(all)) {
      let sum = 0
      for (const pid of pids) sum += await cpuSecondsOf(pid)
      totals[group] = sum
    }
    return totals
  })

/** CPU seconds the whole machine spent busy so far (every core; user, system, interrupts): the load included. */
const machineBusySeconds = Effect.promise(async () => {
  const line = (await NodeFs.readFile("/proc/stat", "utf8")).split("\n")[0] ?? ""
  // cpu  user nice system idle iowait irq softirq steal ...
  const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number)
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) / 100
})

const cpuPerRequest = (before: Record<string, number>, after: Record<string, number>, requests: number) =>
  Object.entries(after)
    .map(([group, total]) => `${group} ${(((total - (before[group] ?? 0)) * 1000) / Math.max(1, requests)).toFixed(2)}`)
    .join(", ")

interface LoadResult {
  readonly ok: number
  readonly failed: number
  readonly perSecond: number
  readonly p50: number
  readonly p99: number
}

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)

/**
 * `concurrency` clients, each sending its next request as soon as the last one answered, for `forSeconds`. (Its
 * promise runs to the end even if the effect is interrupted: a shorter load needs a shorter `forSeconds`.)
 */
const load = (
  urls: ReadonlyArray<string>,
  request: (baseUrl: string) => Promise<Response>,
  okStatus: number,
  forSeconds = seconds
) =>
  Effect.promise(async (): Promise<LoadResult> => {
    const latencies: Array<number> = []
    let failed = 0
    let next = 0
    const started = performance.now()
    const end = started + forSeconds * 1000
    const client = async () => {
      while (performance.now() < end) {
        const url = urls[next++ % urls.length] ?? ""
        const t0 = performance.now()
        const response = await request(url).catch(() => undefined)
        await response?.arrayBuffer()
        if (response?.status === okStatus) latencies.push(performance.now() - t0)
        else failed += 1
      }
    }
    await Promise.all(Array.from({ length: concurrency }, client))
    const elapsed = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    return {
      ok: latencies.length,
      failed,
      perSecond: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99)
    }
  })

const hasWrk =
  process.env.WEFT_BENCH_LOAD !== "fetch" && ChildProcess.spawnSync("wrk", ["--version"]).error === undefined

/** wrk's "1.23ms" / "850.00us" / "1.02s" in milliseconds. */
const wrkMs = (text: string | undefined): number => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text ?? "")
  if (match === null) return Number.NaN
  const value = Number(match[1])
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value
}

/** One wrk process per URL (`concurrency` connections spread over them), requests described by a Lua `setup`. */
const loadWithWrk = (urls: ReadonlyArray<string>, path: string, lua: string) =>
  Effect.promise(async (): Promise<LoadResult> => {
    const dir = await NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-wrk-"))
    const script = NodePath.join(dir, "request.lua")
    await NodeFs.writeFile(script, lua)
    const perUrl = Math.max(1, Math.floor(concurrency / urls.length))
    const outputs = await Promise.all(
      urls.map(
        (url) =>
          new Promise<string>((resolve, reject) => {
            ChildProcess.execFile(
              "wrk",
              ["-t1", `-c${perUrl}`, `-d${seconds}s`, "--timeout", "30s", "--latency", "-s", script, `${url}${path}`],
              (error, stdout) => (error === null ? resolve(stdout) : reject(error))
            )
          })
      )
    )
    await NodeFs.rm(dir, { recursive: true, force: true })
    const results = outputs.map((out) => {
      const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0)
      const bad = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
      const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
      const socketErrors = errors === null ? 0 : errors.slice(1).reduce((sum, n) => sum + Number(n), 0)
      return {
        ok: total - bad,
        failed: bad + socketErrors,
        perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0) * ((total - bad) / Math.max(1, total)),
        p50: wrkMs(/\s50%\s+(\S+)/.exec(out)?.[1]),
        p99: wrkMs(/\s99%\s+(\S+)/.exec(out)?.[1])
      }
    })
    // Several wrk processes: throughput adds up; the latency shown is the worst process's.
    return {
      ok: results.reduce((sum, r) => sum + r.ok, 0),
      failed: results.reduce((sum, r) => sum + r.failed, 0),
      perSecond: results.reduce((sum, r) => sum + r.perSecond, 0),
      p50: Math.max(...results.map((r) => r.p50)),
      p99: Math.max(...results.map((r) => r.p99))
    }
  })

/**
 * Lua for wrk: each connection is a user who waits a random think time (exponential, mean `meanMs`) between runs,
 * so arrivals spread out as independent users' would, unlike a fixed per-client rate, whose clients all fire
 * together. wrk measures each request's latency without the think time.
 */
const thinkTime = (meanMs: number) =>
  [
    "function init(args) math.randomseed(os.time() + math.floor(os.clock() * 1000000)) end",
    `function delay() return -${meanMs} * math.log(1 - math.random()) end`
  ].join("\n")

/**
 * 50 users thinking ~85 ms between runs offer 50 / (0.085 s + the latency) ≥ 500 runs/s while the median latency stays
 * under 15 ms: the target's rate (WEFT_BENCH_THINK_MS).
 */
const thinkMs = Number(process.env.WEFT_BENCH_THINK_MS ?? 85)

const wrkRequest = (method: string, token: string, body?: string) =>
  [
    `wrk.method = ${JSON.stringify(method)}`,
    `wrk.headers["Authorization"] = ${JSON.stringify(`Bearer ${token}`)}`,
    ...(body === undefined
      ? []
      : [`wrk.headers["Content-Type"] = "application/json"`, `wrk.body = ${JSON.stringify(body)}`])
  ].join("\n")

const line = (label: string, r: LoadResult) =>
  `  ${label.padEnd(52)} ${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99
    .toFixed(1)
    .padStart(6)} ms   (${r.ok} ok, ${r.failed} failed)`

interface RunRounds {
  /** Users thinking between runs (wrk only). */
  readonly paced: LoadResult | undefined
  readonly pacedCpu: string
  readonly pacedMachineMs: number
  /** Closed loop: each client starts its next run as soon as the last one answered. */
  readonly runs: LoadResult
  readonly cpu: string
  readonly machineMs: number
  readonly commitsPerRun: number
  readonly recorded: number
}

/**
 * Starts and awaits runs of `graphId` (`POST /api/v1/executions?wait=30`): first users thinking between runs (the
 * latency at the target's rate, measured before the closed loop churns the tables and PostgreSQL's autovacuum
 * follows), then the closed loop; CPU per run of each process, of PostgreSQL and of the whole machine.
 */
const runRounds = (
  urls: ReadonlyArray<string>,
  token: string,
  graphId: string,
  processes: Readonly<Record<string, ReadonlyArray<number>>>
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const headers = { authorization: `Bearer ${token}` }
    const completed = sql<{ n: number }>`SELECT count(*)::int AS n FROM executions WHERE status = 'COMPLETED'`.pipe(
      Effect.map((rows) => rows[0]?.n ?? 0)
    )
    const body = JSON.stringify({ graphId, inputs: { name: "Ada" } })
    // wrk stops mid-request: runs it started but did not wait for still complete; count once they have.
    const unfinishedRuns = sql<{ n: number }>`SELECT count(*)::int AS n FROM executions
      WHERE status NOT IN ('COMPLETED', 'FAILED', 'TERMINATED')`.pipe(Effect.map((rows) => rows[0]?.n ?? 0))
    const pacedBefore = yield* machineBusySeconds
    const pacedCpuBefore = yield* cpuSnapshot(processes)
    const paced = hasWrk
      ? yield* loadWithWrk(
          urls,
          "/api/v1/executions?wait=30",
          `${wrkRequest("POST", token, body)}\n${thinkTime(thinkMs)}`
        )
      : undefined
    const pacedAfter = yield* machineBusySeconds
    const pacedCpuAfter = yield* cpuSnapshot(processes)
    yield* eventually(Effect.map(unfinishedRuns, (n) => n === 0))
    // Statements are not counted by PostgreSQL without pg_stat_statements; transactions are, per database.
    const commits = sql<{ n: number }>`SELECT xact_commit::int AS n FROM pg_stat_database
      WHERE datname = current_database()`.pipe(Effect.map((rows) => rows[0]?.n ?? 0))
    const before = yield* completed
    const commitsBefore = yield* commits
    const cpuBefore = yield* cpuSnapshot(processes)
    const machineBefore = yield* machineBusySeconds
    const runs = hasWrk
      ? yield* loadWithWrk(urls, "/api/v1/executions?wait=30", wrkRequest("POST", token, body))
      : yield* load(
          urls,
          (url) =>
            fetch(`${url}/api/v1/executions?wait=30`, {
              method: "POST",
              headers: { ...headers, "content-type": "application/json" },
              body
            }),
          200
        )
    const cpuAfter = yield* cpuSnapshot(processes)
    const machineAfter = yield* machineBusySeconds
    const commitsAfter = yield* commits
    yield* eventually(Effect.map(unfinishedRuns, (n) => n === 0))
    const after = yield* completed
    const rounds: RunRounds = {
      paced,
      pacedCpu: paced === undefined ? "" : cpuPerRequest(pacedCpuBefore, pacedCpuAfter, paced.ok),
      pacedMachineMs: paced === undefined ? 0 : ((pacedAfter - pacedBefore) * 1000) / Math.max(1, paced.ok),
      runs,
      cpu: cpuPerRequest(cpuBefore, cpuAfter, runs.ok),
      machineMs: ((machineAfter - machineBefore) * 1000) / Math.max(1, runs.ok),
      commitsPerRun: (commitsAfter - commitsBefore) / Math.max(1, runs.ok),
      recorded: after - before
    }
    return rounds
  })

const printRounds = (label: string, r: RunRounds) => {
  console.log(line(`${label}, start → completed`, r.runs))
  console.log(
    `    runs durably recorded: ${r.recorded} COMPLETED rows for ${r.runs.ok} 200 answers${hasWrk ? " (plus the runs in flight when wrk stopped)" : ""}`
  )
  if (r.paced !== undefined) console.log(line(`${label}, users thinking ${thinkMs} ms`, r.paced))
  console.log(
    `    machine CPU ms per run (all cores, load generator included): ${r.machineMs.toFixed(2)}${r.paced === undefined ? "" : `, ${r.pacedMachineMs.toFixed(2)} with think time`}`
  )
  console.log(`    CPU ms per completed run: ${r.cpu}`)
  if (r.paced !== undefined) console.log(`    CPU ms per run with think time: ${r.pacedCpu}`)
  console.log(`    PostgreSQL transactions per completed run: ${r.commitsPerRun.toFixed(2)}`)
}

const scenario = (
  title: string,
  gateways: ReadonlyArray<Gateway>,
  runnerPid: number | undefined,
  token: string,
  graphs: BenchGraphs
) =>
  Effect.gen(function* () {
    const headers = { authorization: `Bearer ${token}` }
    const urls = gateways.map((g) => g.url)
    // Warm up connections, JIT and caches on every path measured, so a gateway started just before (the second
    // one) is measured in its steady state, not while it compiles.
    const warmUp = (request: (url: string) => Promise<Response>, okStatus: number) =>
      Effect.asVoid(load(urls, request, okStatus, 2))
    yield* warmUp((url) => fetch(`${url}/api/v1/graphs`, { headers }), 200)
    for (const graphId of [graphs.instant, graphs.throughRunner]) {
      yield* warmUp(
        (url) =>
          fetch(`${url}/api/v1/executions?wait=30`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify({ graphId, inputs: { name: "Ada" } })
          }),
        200
      )
    }
    const reads =
      process.env.WEFT_BENCH_RUNS_ONLY === "1"
        ? { ok: 0, failed: 0, perSecond: 0, p50: 0, p99: 0 }
        : hasWrk
          ? yield* loadWithWrk(urls, "/api/v1/graphs", wrkRequest("GET", token))
          : yield* load(urls, (url) => fetch(`${url}/api/v1/graphs`, { headers }), 200)
    const processes = {
      ...Object.fromEntries(gateways.map((g, i) => [`gateway ${i + 1}`, [g.pid]])),
      ...(runnerPid === undefined ? {} : { runner: [runnerPid] })
    }
    const instant = yield* runRounds(urls, token, graphs.instant, processes)
    const throughRunner = yield* runRounds(urls, token, graphs.throughRunner, processes)
    console.log(
      `\n[${title}, ${concurrency} concurrent clients, ${seconds} s each, load from ${hasWrk ? "wrk" : "Node fetch"}]`
    )
    console.log(line("GET /api/v1/graphs", reads))
    printRounds("3-node run (instant blocks)", instant)
    printRounds("3-node run via GraphRun entity", throughRunner)
    const rss = yield* Effect.forEach(gateways, (g) => rssMb(g.pid))
    console.log(
      `  RSS: ${rss.map((mb, i) => `gateway ${i + 1} ${mb.toFixed(0)} MB`).join(", ")}${runnerPid === undefined ? "" : `, runner ${(yield* rssMb(runnerPid)).toFixed(0)} MB`}, bench client ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`
    )
  })

const benchToken = Effect.promise(() =>
  new Jose.SignJWT({ weft_admin: false })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("bench")
    .setIssuer("weft")
    .setAudience("weft")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(secret))
)

interface BenchGraphs {
  /** The greeting example: AgentInput → FillTextTemplate → AgentOutput, all instant built-ins (InstantRun). */
  readonly instant: string
  /** The same with a Wait of 0 s in the middle: not instant, so driven by a GraphRun entity on a runner. */
  readonly throughRunner: string
}

/** Creates the two 3-node graphs through `gateway` and returns their ids. */
const createGraphs = (gateway: Gateway, token: string) =>
  Effect.gen(function* () {
    const file: Record<string, unknown> = JSON.parse(yield* Effect.promise(() => NodeFs.readFile(greeting, "utf8")))
    const { id: _id, ...withoutId } = file
    const create = (doc: unknown) =>
      Effect.promise(() =>
        fetch(`${gateway.url}/api/v1/graphs`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(doc)
        }).then((r) => r.json())
      ).pipe(Effect.map((created) => Schema.decodeUnknownSync(Schema.Struct({ id: Schema.String }))(created).id))
    const throughRunner = {
      name: "Greeting after a wait",
      description: "AgentInput → Wait 0 s → AgentOutput",
      nodes: [
        { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "name" } },
        { id: "wait", block: { id: "Wait" }, inputDefault: { seconds: 0 } },
        { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "greeting" } }
      ],
      links: [
        { sourceId: "in", sourceName: "result", sinkId: "wait", sinkName: "data" },
        { sourceId: "wait", sourceName: "data", sinkId: "out", sinkName: "value" }
      ]
    }
    const graphs: BenchGraphs = { instant: yield* create(withoutId), throughRunner: yield* create(throughRunner) }
    return graphs
  })

/** One `weft runner` and one then two `weft gateway` processes over one database and Redis. */
const distributed = Effect.gen(function* () {
  const databaseUrl = yield* TestDatabase.TestDatabaseUrl
  const sql = yield* SqlClient.SqlClient
  const runner = yield* startRunner(databaseUrl)
  yield* eventually(
    sql<{ locks: number }>`
      SELECT count(*)::int AS locks FROM pg_locks
      WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.pipe(
      Effect.map((rows) => rows[0]?.locks === 64),
      Effect.orElseSucceed(() => false)
    )
  )
  const prefix = `weft:bench:${process.pid}:${Date.now()}:`
  const first = yield* startGateway(databaseUrl, prefix)
  const token = yield* benchToken
  const graphs = yield* createGraphs(first, token)
  yield* scenario("distributed: 1 weft gateway, 1 weft runner", [first], runner.pid, token, graphs)
  if (process.env.WEFT_BENCH_GATEWAYS === "1") return
  const second = yield* startGateway(databaseUrl, prefix)
  yield* scenario("distributed: 2 weft gateways, 1 weft runner", [first, second], runner.pid, token, graphs)
}).pipe(Effect.scoped, Effect.provide(Layer.fresh(TestDatabase.layer)))

/** `weft dev` over the same PostgreSQL and Redis: the gateway and the runner in one process. */
const embedded = Effect.gen(function* () {
  const databaseUrl = yield* TestDatabase.TestDatabaseUrl
  const dev = yield* startGateway(databaseUrl, `weft:bench:${process.pid}:${Date.now()}:`, "dev")
  const token = yield* benchToken
  const graphs = yield* createGraphs(dev, token)
  yield* scenario("single process: weft dev (gateway and runner)", [dev], undefined, token, graphs)
}).pipe(Effect.scoped, Effect.provide(Layer.fresh(TestDatabase.layer)))

export const gatewayBench = Effect.andThen(
  process.env.WEFT_BENCH_SHAPE === "embedded" ? Effect.void : distributed,
  process.env.WEFT_BENCH_SHAPE === "distributed" ? Effect.void : embedded
)
