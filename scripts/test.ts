/**
 * `npm test`: the whole check of the repo, as CI runs it. Steps, in order:
 *   1. delete every stale JSON test report, so a report can only come from this run (or from Nx's cache of it);
 *   2. `biome check .` (lint + format, read-only) once for the whole repo;
 *   3. the module-boundary self-test (scripts/ModuleBoundaries.test.ts), before anything else reads the sources,
 *      because it briefly writes probe files into the packages;
 *   4. `nx run-many -t typecheck test`: Nx runs each package's `tsc` and `vitest run`, two at a time, cached;
 *   5. sums every Vitest JSON report and prints, as the very last line, `N passed, N failed`.
 * The counts are test cases, plus one check each for the lint step and for each package's typecheck, plus one
 * failure for each package whose report is missing or whose test run failed without a failing test (a crash, an
 * unhandled error). The exit code is 0 only when that failed count is 0.
 * Extra arguments go to Nx, e.g. `npm test -- --skip-nx-cache` or `npm test -- --projects=@weft/runtime`.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { stripVTControlCharacters } from "node:util"

const root = join(import.meta.dirname, "..")
const bin = join(root, "node_modules", ".bin")
const reportFile = join(".reports", "vitest.json")

// Offline, no daemon, no interactive UI; in-process Nx plugins cut ~2 s off every Nx start on this machine.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${bin}:${process.env.PATH ?? ""}`,
  NX_DAEMON: "false",
  NX_NO_CLOUD: "true",
  NX_ISOLATE_PLUGINS: "false",
  NX_TUI: "false",
  NX_SKIP_NX_CACHE_WARNING: "true"
}

interface Project {
  readonly name: string
  readonly dir: string
}

interface Tally {
  passed: number
  failed: number
  readonly problems: Array<string>
}

const tally: Tally = { passed: 0, failed: 0, problems: [] }

const pass = () => {
  tally.passed += 1
}
const fail = (problem: string) => {
  tally.failed += 1
  tally.problems.push(problem)
}

const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`

interface StepResult {
  readonly ok: boolean
  readonly output: string
}

/** Runs a command, streaming its output live; `capture` also keeps its stdout and stderr for parsing. */
const run = (title: string, command: string, args: ReadonlyArray<string>, capture = false): Promise<StepResult> =>
  new Promise((resolve) => {
    const start = performance.now()
    console.log(`\n▶ ${title}: ${command} ${args.join(" ")}`)
    const stdio = capture ? "pipe" : "inherit"
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", stdio, stdio] })
    let output = ""
    const tee = (sink: NodeJS.WriteStream) => (chunk: string) => {
      output += chunk
      sink.write(chunk)
    }
    child.stdout?.setEncoding("utf8").on("data", tee(process.stdout))
    child.stderr?.setEncoding("utf8").on("data", tee(process.stderr))
    const done = (ok: boolean, how: string) => {
      console.log(`◀ ${title}: ${ok ? "ok" : `failed (${how})`} in ${seconds(start)}`)
      resolve({ ok, output })
    }
    child.on("error", (error) => done(false, error.message))
    child.on("close", (code, signal) => done(code === 0, `exit ${code ?? signal}`))
  })

/** The workspaces of the root package.json: the Nx projects whose tests this script sums. */
const projects = (): ReadonlyArray<Project> => {
  const rootPackage: { workspaces?: ReadonlyArray<string> } = JSON.parse(
    readFileSync(join(root, "package.json"), "utf8")
  )
  return (rootPackage.workspaces ?? []).map((dir) => {
    const pkg: { name?: string } = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"))
    return { name: pkg.name ?? dir, dir }
  })
}

/** The part of Vitest's JSON reporter output this script reads. */
interface VitestReport {
  readonly numPassedTests: number
  readonly numFailedTests: number
  readonly testResults: ReadonlyArray<{
    readonly name: string
    readonly status: string
    readonly message?: string
    readonly assertionResults: ReadonlyArray<{ readonly status: string }>
  }>
}

/** Adds one package's report to the tally; `taskOk` is whether its Nx task (or a direct run) exited 0. */
const countReport = (label: string, dir: string, taskOk: boolean) => {
  const file = join(root, dir, reportFile)
  if (!existsSync(file)) {
    fail(`${label}: no test report at ${join(dir, reportFile)} (vitest did not run or did not finish)`)
    return
  }
  let report: VitestReport
  try {
    report = JSON.parse(readFileSync(file, "utf8"))
  } catch (error) {
    fail(`${label}: unreadable test report ${join(dir, reportFile)}: ${String(error)}`)
    return
  }
  tally.passed += report.numPassedTests
  tally.failed += report.numFailedTests
  if (report.numFailedTests > 0) tally.problems.push(`${label}: ${report.numFailedTests} failing test(s)`)
  // A file that fails to load has no failing test case but must still count: one failure per such file.
  for (const file of report.testResults) {
    const failedCases = file.assertionResults.filter((a) => a.status === "failed").length
    if (file.status === "failed" && failedCases === 0) {
      fail(`${label}: ${file.name.replace(`${root}/`, "")} failed to run: ${(file.message ?? "").split("\n")[0]}`)
    }
  }
  const accounted = report.numFailedTests > 0 || report.testResults.some((f) => f.status === "failed")
  if (!taskOk && !accounted) fail(`${label}: vitest exited non-zero although every test passed (unhandled error?)`)
  console.log(`  ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
}

/** Nx's summary names each failed task as ` - <project>:<target>`. */
const failedTasks = (nxOutput: string): ReadonlySet<string> => {
  const failed = new Set<string>()
  const section = nxOutput.split(/Failed tasks:/)[1] ?? ""
  for (const line of section.split("\n")) {
    const match = /^\s*-\s+(\S+:\S+)/.exec(stripVTControlCharacters(line))
    if (match?.[1]) failed.add(match[1])
  }
  return failed
}

const main = async () => {
  const started = performance.now()
  const nxArgs = process.argv.slice(2)
  const all = projects()

  // 1. Stale reports.
  for (const dir of [...all.map((p) => p.dir), "scripts"])
    rmSync(join(root, dir, ".reports"), { recursive: true, force: true })

  // 2. Lint and format, read-only.
  const lint = await run("lint", "biome", ["check", "."])
  if (lint.ok) pass()
  else fail("lint: `biome check .` reported errors (see above; `npm run format` fixes formatting)")

  // 3. Module boundaries.
  const boundaries = await run("module boundaries", "vitest", ["run", "--config", "scripts/vitest.config.ts"])
  console.log("\nmodule-boundary tests:")
  countReport("scripts", "scripts", boundaries.ok)

  // 4. Typecheck and test every package through Nx.
  const nx = await run(
    "typecheck + test",
    "nx",
    ["run-many", "-t", "typecheck", "test", "--outputStyle=stream", ...nxArgs],
    true
  )
  const failed = failedTasks(nx.output)
  const onlySome = nxArgs.some((a) => a.startsWith("--projects") || a.startsWith("-p"))
  const selected = onlySome ? all.filter((p) => nx.output.includes(`${p.name}:test`)) : all

  console.log("\ntypecheck:")
  if (!nx.ok && failed.size === 0) {
    // Nx itself failed (bad config, project graph error): no task result can be trusted.
    fail("nx run-many failed without naming a failed task (see its output above)")
  } else {
    for (const p of selected) {
      const ok = !failed.has(`${p.name}:typecheck`)
      if (ok) pass()
      else fail(`${p.name}: typecheck failed`)
      console.log(`  ${p.name}: ${ok ? "ok" : "failed"}`)
    }
  }

  // 5. Sum the reports.
  console.log("\ntests:")
  for (const p of selected) countReport(p.name, p.dir, !failed.has(`${p.name}:test`))

  if (tally.problems.length > 0) {
    console.log("\nproblems:")
    for (const problem of tally.problems) console.log(`  - ${problem}`)
  }
  console.log(`\nnpm test took ${seconds(started)}`)
  console.log(`${tally.passed} passed, ${tally.failed} failed`)
  process.exitCode = tally.failed === 0 ? 0 : 1
}

await main()
