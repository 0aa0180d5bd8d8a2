import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import { fillPath, GatewayClient } from "./gateway-client"

describe("fillPath", () => {
  it("fills and encodes every path parameter, and refuses a missing one", () => {
    expect(
      fillPath("/api/v1/marketplace/installs/{package}/{version}", { package: "@acme/echo", version: "1.0.0" })
    ).toBe("/api/v1/marketplace/installs/%40acme%2Fecho/1.0.0")
    expect(() => fillPath("/api/v1/graphs/{graphId}", {})).toThrow(/graphId/)
  })
})

describe("GatewayClient", () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] })
  })

  it("builds each operation's request from the generated routes: method, path, query, headers and body", async () => {
    const client = TestBed.inject(GatewayClient)
    const http = TestBed.inject(HttpTestingController)

    const graph = client.call("graphs.get", { params: { graphId: "a/b" }, query: { version: "2" } })
    const get = http.expectOne((r) => r.url === "/api/v1/graphs/a%2Fb")
    expect(get.request.method).toBe("GET")
    expect(get.request.params.get("version")).toBe("2")
    get.flush({ id: "a/b", version: 2 })
    expect(await graph).toEqual({ id: "a/b", version: 2 })

    const started = client.call("executions.start", {
      body: { graphId: "g1", inputs: { name: "Ada" } },
      query: { wait: "5" },
      headers: { "idempotency-key": "k1" }
    })
    const post = http.expectOne((r) => r.url === "/api/v1/executions")
    expect(post.request.method).toBe("POST")
    expect(post.request.params.get("wait")).toBe("5")
    expect(post.request.headers.get("idempotency-key")).toBe("k1")
    expect(post.request.body).toEqual({ graphId: "g1", inputs: { name: "Ada" } })
    post.flush({ executionId: "e1", status: "QUEUED" }, { status: 202, statusText: "Accepted" })
    expect(await started).toEqual({ executionId: "e1", status: "QUEUED" })

    const list = client.call("executions.list", {})
    const all = http.expectOne((r) => r.url === "/api/v1/executions")
    expect(all.request.params.keys()).toEqual([])
    all.flush({ items: [], nextCursor: null })
    await list
    http.verify()
  })

  it("is typed by the API: required parts and bodies are checked at compile time", () => {
    const client = TestBed.inject(GatewayClient)
    // @ts-expect-error graphs.get needs its graphId
    const missing = () => client.call("graphs.get", {})
    // @ts-expect-error executions.start needs a body
    const noBody = () => client.call("executions.start", {})
    expect([typeof missing, typeof noBody]).toEqual(["function", "function"])
  })
})
