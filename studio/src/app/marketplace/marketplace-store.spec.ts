import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { MarketplacePackage } from "../api/api-types"
import { MarketplaceStore } from "./marketplace-store"

const pkg = (name: string, categories: ReadonlyArray<string>): MarketplacePackage => ({
  name,
  description: "",
  keywords: [],
  categories,
  latestVersion: "1.0.0",
  installCount: 0
})

describe("MarketplaceStore", () => {
  let http: HttpTestingController
  let store: MarketplaceStore

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] })
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(MarketplaceStore)
  })

  it("searches by text and category, keeps the gateway's ranking and pages with its cursor", async () => {
    const searching = store.search(" echo ", "text")
    http
      .expectOne("/api/v1/marketplace/packages?limit=20&text=echo&category=text")
      .flush({ packages: [pkg("@acme/echo", ["text"]), pkg("alpha-echo", ["text", "ai"])], next: "p2" })
    await searching
    expect(store.packages().map((p) => p.name)).toEqual(["@acme/echo", "alpha-echo"])
    expect(store.hasMore()).toBe(true)
    const more = store.loadMore()
    http
      .expectOne("/api/v1/marketplace/packages?limit=20&text=echo&category=text&cursor=p2")
      .flush({ packages: [pkg("zeta", ["http"])] })
    await more
    expect(store.packages().map((p) => p.name)).toEqual(["@acme/echo", "alpha-echo", "zeta"])
    expect(store.hasMore()).toBe(false)
    expect(store.categories()).toEqual(["ai", "http", "text"])
  })

  it("starts over on a new search and ignores the late answer to the previous one", async () => {
    const first = store.search("a", "")
    const second = store.search("b", "")
    http.expectOne("/api/v1/marketplace/packages?limit=20&text=b").flush({ packages: [pkg("b", [])] })
    http.expectOne("/api/v1/marketplace/packages?limit=20&text=a").flush({ packages: [pkg("a", [])], next: "z" })
    await Promise.all([first, second])
    expect(store.packages().map((p) => p.name)).toEqual(["b"])
    expect(store.hasMore()).toBe(false)
    expect(store.searched()).toBe(true)
  })

  it("says why the marketplace is unavailable", async () => {
    const searching = store.search("", "")
    http
      .expectOne("/api/v1/marketplace/packages?limit=20")
      .flush(
        { status: 503, title: "Service Unavailable", detail: "no plugin registry configured" },
        { status: 503, statusText: "Service Unavailable" }
      )
    await searching
    expect(store.error()).toBe("no plugin registry configured")
  })
})
