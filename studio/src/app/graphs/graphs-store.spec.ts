import { provideHttpClient, withInterceptors } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { Graph, GraphFileDocument } from "../api/api-types"
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

/** Lets a chain of awaited calls in the store reach its next request. */
const settle = async () => {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve()
}

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

describe("GraphsStore file operations", () => {
  let http: HttpTestingController
  let store: GraphsStore

  const exported: GraphFileDocument = {
    id: "a",
    version: 2,
    name: "Alpha",
    description: "first",
    nodes: [{ id: "in", block: { id: "AgentInput" }, inputDefault: { name: "x" } }],
    links: [{ id: "l1", sourceId: "in", sourceName: "result", sinkId: "in", sinkName: "value" }]
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()]
    })
    TestBed.inject(SessionStore).signIn("tok")
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(GraphsStore)
    const loading = store.load()
    http.expectOne("/api/v1/graphs").flush([graph("a", 2, "Alpha", true)])
    await loading
  })

  it("renames by saving the exported active version under the new name", async () => {
    const renaming = store.rename("a", "  Beta ")
    http.expectOne({ method: "GET", url: "/api/v1/graphs/a/export" }).flush(exported)
    await settle()
    const put = http.expectOne({ method: "PUT", url: "/api/v1/graphs/a" })
    expect(put.request.body).toEqual({
      name: "Beta",
      description: "first",
      nodes: [{ id: "in", block: { id: "AgentInput" }, inputDefault: { name: "x" }, metadata: {} }],
      links: exported.links
    })
    put.flush(graph("a", 3, "Beta", true))
    expect(await renaming).toBe(true)
    expect(store.visible().map((g) => [g.name, g.version])).toEqual([["Beta", 3]])
  })

  it("refuses an empty name without asking the gateway", async () => {
    expect(await store.rename("a", "   ")).toBe(false)
    expect(store.error()).toBe("A graph needs a name.")
    http.verify()
  })

  it("duplicates through export and import, without the original's id and version", async () => {
    const duplicating = store.duplicate("a")
    http.expectOne("/api/v1/graphs/a/export").flush(exported)
    await settle()
    const post = http.expectOne({ method: "POST", url: "/api/v1/graphs/import" })
    expect(post.request.body).toEqual({
      name: "Alpha (copy)",
      description: "first",
      nodes: exported.nodes,
      links: exported.links
    })
    post.flush(graph("b", 1, "Alpha (copy)", true))
    expect((await duplicating)?.id).toBe("b")
    expect(store.visible().map((g) => g.name)).toEqual(["Alpha", "Alpha (copy)"])
  })

  it("reports malformed JSON itself and sends nothing", async () => {
    expect(await store.importText("{ nope")).toBeNull()
    expect(store.error()).toMatch(/^The file is not valid JSON: /)
    expect(await store.importText("[1, 2]")).toBeNull()
    expect(store.error()).toMatch(/no graph/)
    http.verify()
  })

  it("lists the validation problems of a refused import", async () => {
    const importing = store.importText(JSON.stringify({ name: "Bad", nodes: [{ id: "x", block: { id: "Nope" } }] }))
    http.expectOne({ method: "POST", url: "/api/v1/graphs/import" }).flush(
      {
        title: "Invalid graph",
        detail: "graph is invalid (1 issue)",
        issues: [{ nodeId: "x", code: "unknown_block", message: 'node "x": unknown block "Nope"' }],
        fileProblems: []
      },
      { status: 422, statusText: "Unprocessable Entity" }
    )
    expect(await importing).toBeNull()
    expect(store.error()).toBe("The graph file was not imported: 1 problem.")
    expect(store.importProblems()).toEqual(['node "x": unknown block "Nope"'])
    expect(store.importIdTaken()).toBe(false)
  })

  it("offers to import a file whose id is taken as a new graph", async () => {
    const importing = store.importText(JSON.stringify({ ...exported, name: "Again" }))
    http
      .expectOne({ method: "POST", url: "/api/v1/graphs/import" })
      .flush({ detail: 'a graph with id "a" exists; import it without an id' }, { status: 409, statusText: "Conflict" })
    await importing
    expect(store.error()).toBe('a graph with id "a" exists; import it without an id')
    expect(store.importIdTaken()).toBe(true)
    const again = store.importAsNew()
    const post = http.expectOne({ method: "POST", url: "/api/v1/graphs/import" })
    expect(post.request.body).not.toHaveProperty("id")
    expect(post.request.body).not.toHaveProperty("version")
    expect(post.request.body).toMatchObject({ name: "Again" })
    post.flush(graph("n", 1, "Again", true))
    expect((await again)?.id).toBe("n")
    expect(store.importIdTaken()).toBe(false)
    expect(store.error()).toBeNull()
  })
})
