import { provideHttpClient, withInterceptors } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { Graph } from "../api/api-types"
import { authInterceptor } from "../auth/auth-interceptor"
import { SessionStore } from "../auth/session-store"
import { GraphsStore, latestVersions } from "./graphs-store"

const graph = (id: string, version: number, name: string, isActive = false): Graph => ({
  id,
  version,
  name,
  description: "",
  nodes: [],
  links: [],
  isActive,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z"
})

/** Lets the store's awaited HTTP promise settle after a request was flushed. */
const settled = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe("latestVersions", () => {
  it("keeps the active version of each graph, else the newest, sorted by name", () => {
    const list = latestVersions([
      graph("b", 1, "Beta", true),
      graph("b", 2, "Beta"),
      graph("a", 1, "Alpha"),
      graph("a", 3, "Alpha")
    ])
    expect(list.map((g) => [g.id, g.version])).toEqual([
      ["a", 3],
      ["b", 1]
    ])
  })
})

describe("GraphsStore", () => {
  let http: HttpTestingController
  let store: GraphsStore

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()]
    })
    TestBed.inject(SessionStore).signIn("tok")
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(GraphsStore)
  })

  it("loads the list with the bearer token and filters it by the search text", async () => {
    const loading = store.load()
    const request = http.expectOne("/api/v1/graphs")
    expect(request.request.headers.get("Authorization")).toBe("Bearer tok")
    request.flush([graph("a", 1, "Alpha"), graph("b", 1, "Beta")])
    await loading
    expect(store.visible().map((g) => g.name)).toEqual(["Alpha", "Beta"])
    store.search("bet")
    expect(store.visible().map((g) => g.name)).toEqual(["Beta"])
  })

  it("creates an empty graph and adds it to the list", async () => {
    const creating = store.create("  New one ")
    const request = http.expectOne({ method: "POST", url: "/api/v1/graphs" })
    expect(request.request.body).toEqual({ name: "New one", nodes: [], links: [] })
    request.flush(graph("n", 1, "New one"))
    expect((await creating)?.id).toBe("n")
    expect(store.graphs().map((g) => g.id)).toEqual(["n"])
  })

  it("removes a deleted graph and shows the gateway's problem detail on failure", async () => {
    const loading = store.load()
    http.expectOne("/api/v1/graphs").flush([graph("a", 1, "Alpha")])
    await loading
    const failing = store.remove("a")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/graphs/a" })
      .flush({ title: "Not found", detail: "Graph a does not exist" }, { status: 404, statusText: "Not Found" })
    await failing
    expect(store.error()).toBe("Graph a does not exist")
    expect(store.graphs()).toHaveLength(1)
    const removing = store.remove("a")
    http.expectOne({ method: "DELETE", url: "/api/v1/graphs/a" }).flush(null, { status: 204, statusText: "No Content" })
    await removing
    expect(store.graphs()).toEqual([])
    expect(store.error()).toBeNull()
  })

  it("signs out when the gateway rejects the token", async () => {
    const loading = store.load()
    http.expectOne("/api/v1/graphs").flush({ detail: "expired" }, { status: 401, statusText: "Unauthorized" })
    await loading
    await settled()
    expect(TestBed.inject(SessionStore).signedIn()).toBe(false)
    expect(store.error()).toBe("expired")
  })
})
