import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { CancelResult, ExecutionPage, Graph, GraphFile } from "./api-types"
import { GatewayApi } from "./gateway-api"

const stored: Graph = {
  id: "g1",
  version: 4,
  name: "Sums",
  description: "",
  nodes: [],
  links: [],
  isActive: true,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z",
  versionMessage: "adds b"
}

const file: GraphFile = { name: "Sums", nodes: [], links: [] }

const emptyPage: ExecutionPage = { items: [], nextCursor: null }

describe("GatewayApi", () => {
  let api: GatewayApi
  let http: HttpTestingController

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] })
    api = TestBed.inject(GatewayApi)
    http = TestBed.inject(HttpTestingController)
  })

  it("saves a version with its trimmed message as the `message` query parameter, and none when it is blank", async () => {
    const saving = api.updateGraph("g/1", file, "  adds b  ")
    const put = http.expectOne((r) => r.url === "/api/v1/graphs/g%2F1")
    expect(put.request.method).toBe("PUT")
    expect(put.request.params.get("message")).toBe("adds b")
    expect(put.request.body).toEqual(file)
    put.flush(stored)
    expect((await saving).versionMessage).toBe("adds b")

    const plain = api.updateGraph("g1", file, "   ")
    const second = http.expectOne((r) => r.url === "/api/v1/graphs/g1")
    expect(second.request.params.keys()).toEqual([])
    second.flush(stored)
    await plain
    http.verify()
  })

  it("writes counts and versions as the API's string query parameters, leaving unset ones out", async () => {
    const page = api.executions({ limit: 25, graphId: "g1", status: "RUNNING" })
    http.expectOne("/api/v1/executions?limit=25&graphId=g1&status=RUNNING").flush(emptyPage)
    await page

    const unlimited = api.executions({ cursor: "c1" })
    http.expectOne("/api/v1/executions?cursor=c1").flush(emptyPage)
    await unlimited

    const version = api.graphAt("g1", 2)
    const get = http.expectOne("/api/v1/graphs/g1?version=2")
    expect(get.request.method).toBe("GET")
    get.flush(stored)
    await version

    const active = api.exportGraph("g1")
    http.expectOne("/api/v1/graphs/g1/export").flush({ name: "Sums", nodes: [] })
    await active

    const search = api.searchPackages({ limit: 20, text: "echo" })
    http.expectOne("/api/v1/marketplace/packages?limit=20&text=echo").flush({ packages: [] })
    await search
    http.verify()
  })

  it("uses each operation's method and path, one encoded segment per parameter", async () => {
    const cancelling = api.cancelExecution("e1")
    const cancel = http.expectOne({ method: "POST", url: "/api/v1/executions/e1/cancel" })
    const cancelled: CancelResult = { executionId: "e1", cancelled: true, status: "TERMINATED" }
    cancel.flush(cancelled)
    expect(await cancelling).toEqual(cancelled)

    const starting = api.startExecution("g1", 4, { name: "Ada" })
    const start = http.expectOne({ method: "POST", url: "/api/v1/executions" })
    expect(start.request.body).toEqual({ graphId: "g1", graphVersion: 4, inputs: { name: "Ada" } })
    start.flush({ executionId: "e2", status: "QUEUED" }, { status: 202, statusText: "Accepted" })
    expect(await starting).toEqual({ executionId: "e2", status: "QUEUED" })

    const activating = api.setActiveVersion("g1", 2)
    const active = http.expectOne({ method: "PUT", url: "/api/v1/graphs/g1/active" })
    expect(active.request.body).toEqual({ version: 2 })
    active.flush(stored)
    await activating

    const removing = api.uninstallPlugin("@acme/echo", "1.0.0")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/marketplace/installs/%40acme%2Fecho/1.0.0" })
      .flush(null, { status: 204, statusText: "No Content" })
    expect(await removing).toBeUndefined()

    const offered = api.localSession()
    http.expectOne({ method: "GET", url: "/local-session" }).flush({ token: "t", name: "Local admin" })
    expect(await offered).toEqual({ token: "t", name: "Local admin" })
    http.verify()
  })
})
