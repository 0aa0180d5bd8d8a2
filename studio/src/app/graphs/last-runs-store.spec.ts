import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { ExecutionRecord, ExecutionStatus } from "../api/api-types"
import { LastRunsStore } from "./last-runs-store"

const run = (id: string, graphId: string, status: ExecutionStatus): ExecutionRecord => ({
  id,
  graphId,
  graphVersion: 1,
  userId: "u1",
  status,
  inputs: {},
  outputs: {},
  stuckNodes: [],
  stats: {},
  parentExecutionId: null,
  createdAt: "2026-01-01T00:00:00Z",
  startedAt: null,
  endedAt: null
})

const settle = async () => {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve()
}

describe("LastRunsStore", () => {
  let http: HttpTestingController
  let store: LastRunsStore

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] })
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(LastRunsStore)
  })

  it("takes each graph's newest run from one recent page, and knows that absent graphs never ran", async () => {
    const loading = store.load(["a", "b", "c"])
    http.expectOne("/api/v1/executions?limit=100").flush({
      items: [run("r3", "a", "RUNNING"), run("r2", "b", "FAILED"), run("r1", "a", "COMPLETED")],
      nextCursor: null
    })
    await loading
    http.verify()
    expect(store.runs().get("a")?.id).toBe("r3")
    expect(store.runs().get("b")?.status).toBe("FAILED")
    expect(store.runs().get("c")).toBeNull()
  })

  it("asks only for the graphs the recent page missed when older runs exist", async () => {
    const loading = store.load(["a", "b", "c"])
    http.expectOne("/api/v1/executions?limit=100").flush({ items: [run("r9", "a", "COMPLETED")], nextCursor: "k" })
    await settle()
    http
      .expectOne("/api/v1/executions?limit=1&graphId=b")
      .flush({ items: [run("r0", "b", "TERMINATED")], nextCursor: null })
    http.expectOne("/api/v1/executions?limit=1&graphId=c").flush({ items: [], nextCursor: null })
    await loading
    http.verify()
    expect(store.runs().get("a")?.id).toBe("r9")
    expect(store.runs().get("b")?.status).toBe("TERMINATED")
    expect(store.runs().get("c")).toBeNull()
    expect(store.runs().has("d")).toBe(false)
  })

  it("drops the answer of a load overtaken by a newer one", async () => {
    const first = store.load(["a"])
    const second = store.load(["a"])
    const [older, newer] = http.match("/api/v1/executions?limit=100")
    newer?.flush({ items: [run("new", "a", "COMPLETED")], nextCursor: null })
    older?.flush({ items: [run("old", "a", "FAILED")], nextCursor: null })
    await Promise.all([first, second])
    expect(store.runs().get("a")?.id).toBe("new")
  })
})
