import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { CancelResult, ExecutionRecord, ExecutionStatus } from "../api/api-types"
import { ExecutionsStore, executionQuery, noFilters, runDuration } from "./executions-store"

const run = (id: string, status: ExecutionStatus = "COMPLETED"): ExecutionRecord => ({
  id,
  graphId: "g1",
  graphVersion: 1,
  userId: "u1",
  status,
  inputs: {},
  outputs: {},
  stuckNodes: [],
  stats: {},
  parentExecutionId: null,
  createdAt: "2026-01-01T00:00:00Z",
  startedAt: "2026-01-01T00:00:00Z",
  endedAt: null
})

describe("executionQuery", () => {
  it("sends only the filters that are set, with the page size and cursor", () => {
    expect(executionQuery(noFilters)).toEqual({ limit: 25 })
    expect(
      executionQuery({ status: "FAILED", graphId: "g1", from: "2026-01-01T00:00:00.000Z", to: "" }, "next")
    ).toEqual({ limit: 25, status: "FAILED", graphId: "g1", from: "2026-01-01T00:00:00.000Z", cursor: "next" })
  })
})

describe("runDuration", () => {
  it("measures ended runs to their end and running ones to now", () => {
    const started = "2026-01-01T00:00:00.000Z"
    expect(runDuration({ startedAt: started, endedAt: "2026-01-01T00:00:00.850Z" })).toBe("850 ms")
    expect(runDuration({ startedAt: started, endedAt: "2026-01-01T00:03:05.000Z" })).toBe("3 min 5 s")
    expect(runDuration({ startedAt: started, endedAt: null }, Date.parse(started) + 12_400)).toBe("12.4 s")
    expect(runDuration({ startedAt: null, endedAt: null })).toBe("")
  })
})

describe("ExecutionsStore", () => {
  let http: HttpTestingController
  let store: ExecutionsStore

  const listRequest = (): TestRequest => http.expectOne((r) => r.url === "/api/v1/executions" && r.method === "GET")

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] })
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(ExecutionsStore)
  })

  it("loads a page under the filters and follows the cursor on load more, never listing a run twice", async () => {
    const filtering = store.filter({ status: "RUNNING", graphId: "g1" })
    const first = listRequest()
    expect(first.request.params.get("status")).toBe("RUNNING")
    expect(first.request.params.get("graphId")).toBe("g1")
    expect(first.request.params.has("cursor")).toBe(false)
    first.flush({ items: [run("a", "RUNNING"), run("b", "RUNNING")], nextCursor: "c1" })
    await filtering
    expect(store.hasMore()).toBe(true)
    const more = store.loadMore()
    const second = listRequest()
    expect(second.request.params.get("cursor")).toBe("c1")
    expect(second.request.params.get("status")).toBe("RUNNING")
    second.flush({ items: [run("b", "RUNNING"), run("c", "RUNNING")], nextCursor: null })
    await more
    expect(store.items().map((r) => r.id)).toEqual(["a", "b", "c"])
    expect(store.hasMore()).toBe(false)
    await store.loadMore()
    http.verify()
  })

  it("drops the answer to a request made under filters changed since", async () => {
    const stale = store.filter({ status: "FAILED" })
    const fresh = store.filter({ status: "COMPLETED" })
    const [older, newer] = http.match((r) => r.url === "/api/v1/executions")
    newer?.flush({ items: [run("done")], nextCursor: null })
    older?.flush({ items: [run("broken", "FAILED")], nextCursor: "x" })
    await Promise.all([stale, fresh])
    expect(store.items().map((r) => r.id)).toEqual(["done"])
    expect(store.hasMore()).toBe(false)
    expect(store.loading()).toBe(false)
  })

  it("shows a cancelled run's new status and removes a deleted one", async () => {
    const loading = store.load()
    listRequest().flush({ items: [run("a", "RUNNING"), run("b")], nextCursor: null })
    await loading
    const cancelling = store.cancel("a")
    http
      .expectOne({ method: "POST", url: "/api/v1/executions/a/cancel" })
      .flush({ executionId: "a", cancelled: true, status: "TERMINATED" } satisfies CancelResult)
    await cancelling
    expect(store.items().find((r) => r.id === "a")?.status).toBe("TERMINATED")
    const removing = store.remove("b")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/executions/b" })
      .flush(null, { status: 204, statusText: "No Content" })
    await removing
    expect(store.items().map((r) => r.id)).toEqual(["a"])
  })

  it("explains a refused filter in words", async () => {
    const loading = store.filter({ from: "garbage" })
    listRequest().flush(
      { title: "Bad Request", detail: "Request validation failed" },
      { status: 400, statusText: "Bad Request" }
    )
    await loading
    expect(store.error()).toBe("Request validation failed")
    expect(store.items()).toEqual([])
  })
})
