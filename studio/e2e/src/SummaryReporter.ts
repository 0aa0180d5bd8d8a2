/**
 * A Playwright reporter that writes `.reports/vitest.json` in the shape of Vitest's JSON reporter (the part
 * scripts/test.ts reads: passed and failed counts, and one entry per spec file with its cases), so that `npm test`
 * sums this project like every other one. An error outside any test (global setup, a file that does not load)
 * becomes a failed file without failing cases, which scripts/test.ts counts as one failure.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { stripVTControlCharacters } from "node:util"
import type { FullResult, Reporter, TestCase, TestError, TestResult } from "@playwright/test/reporter"
import { e2eDir } from "./Paths.ts"

type CaseStatus = "passed" | "failed" | "skipped"

interface FileResult {
  readonly name: string
  readonly cases: Array<{ readonly title: string; readonly status: CaseStatus; readonly message: string }>
}

export default class SummaryReporter implements Reporter {
  private readonly files = new Map<string, FileResult>()
  private readonly errors: Array<string> = []

  onTestEnd(test: TestCase, result: TestResult): void {
    // With retries a test ends several times: the last result (and the test's outcome) is what counts.
    const file = test.location.file
    const entry = this.files.get(file) ?? { name: file, cases: [] }
    this.files.set(file, entry)
    const outcome = test.outcome()
    const status: CaseStatus =
      outcome === "skipped" ? "skipped" : outcome === "expected" || outcome === "flaky" ? "passed" : "failed"
    // [root, project, file, ...describes, title]: the file is the entry's name already.
    const title = test
      .titlePath()
      .filter((part) => part !== "")
      .slice(1)
      .join(" › ")
    const message = stripVTControlCharacters(result.errors.map((e) => e.message ?? "").join("\n"))
    const existing = entry.cases.findIndex((c) => c.title === title)
    if (existing >= 0) entry.cases.splice(existing, 1)
    entry.cases.push({ title, status, message })
  }

  onError(error: TestError): void {
    this.errors.push(stripVTControlCharacters(error.message ?? error.value ?? "unknown error"))
  }

  onEnd(result: FullResult): void {
    // The benchmark is not a test run: it must not replace the report of the last real one.
    if (process.env.WEFT_E2E_BENCH === "1") return
    const cases = [...this.files.values()].flatMap((f) => f.cases)
    const failed = cases.filter((c) => c.status === "failed").length
    const testResults = [...this.files.values()].map((file) => ({
      name: file.name,
      status: file.cases.some((c) => c.status === "failed") ? "failed" : "passed",
      message: file.cases.find((c) => c.status === "failed")?.message ?? "",
      assertionResults: file.cases.map((c) => ({ title: c.title, fullName: c.title, status: c.status }))
    }))
    if (this.errors.length > 0 || (result.status !== "passed" && failed === 0)) {
      testResults.push({
        name: join(e2eDir, "playwright.config.ts"),
        status: "failed",
        message: this.errors.join("\n") || `the Playwright run ended ${result.status}`,
        assertionResults: []
      })
    }
    const report = {
      numTotalTests: cases.length,
      numPassedTests: cases.filter((c) => c.status === "passed").length,
      numFailedTests: failed,
      numPendingTests: cases.filter((c) => c.status === "skipped").length,
      success: result.status === "passed",
      testResults
    }
    const dir = join(e2eDir, ".reports")
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "vitest.json"), `${JSON.stringify(report, null, 2)}\n`)
    console.log(
      `e2e summary: ${report.numPassedTests} passed, ${failed} failed -> ${relative(process.cwd(), dir)}/vitest.json`
    )
  }

  printsToStdio(): boolean {
    return false
  }
}
