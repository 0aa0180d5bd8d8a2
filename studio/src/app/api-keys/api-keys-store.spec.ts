import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { ApiKeyMetadata, CreatedApiKey } from "../api/api-types"
import { ApiKeysStore } from "./api-keys-store"

const metadata = (id: string, createdAt: string): ApiKeyMetadata => ({
  id,
  name: `key ${id}`,
  scopes: ["read"],
  prefix: `wk_${id}`,
  createdAt,
  lastUsedAt: null
})

describe("ApiKeysStore", () => {
  let http: HttpTestingController
  let store: ApiKeysStore

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] })
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(ApiKeysStore)
  })

  it("lists keys newest first", async () => {
    const loading = store.load()
    http
      .expectOne("/api/v1/api-keys")
      .flush([metadata("old", "2026-01-01T00:00:00Z"), metadata("new", "2026-02-01T00:00:00Z")])
    await loading
    expect(store.keys().map((k) => k.id)).toEqual(["new", "old"])
  })

  it("holds a new key's secret once, outside the list, until dismissed", async () => {
    const creating = store.create(" CI ", ["read", "execute"])
    const post = http.expectOne({ method: "POST", url: "/api/v1/api-keys" })
    expect(post.request.body).toEqual({ name: "CI", scopes: ["read", "execute"] })
    post.flush({ ...metadata("k1", "2026-03-01T00:00:00Z"), name: "CI", key: "wk_k1_secret" } satisfies CreatedApiKey)
    expect(await creating).toBe(true)
    expect(store.created()?.key).toBe("wk_k1_secret")
    expect(store.keys()).toHaveLength(1)
    expect(store.keys()[0]).not.toHaveProperty("key")
    store.dismissCreated()
    expect(store.created()).toBeNull()
  })

  it("needs a name and a scope", async () => {
    expect(await store.create("CI", [])).toBe(false)
    expect(await store.create("  ", ["read"])).toBe(false)
    expect(store.error()).toBe("An API key needs a name and at least one scope.")
    http.verify()
  })

  it("revokes a key, dropping its one-time secret with it", async () => {
    const creating = store.create("CI", ["manage"])
    http
      .expectOne("/api/v1/api-keys")
      .flush({ ...metadata("k1", "2026-03-01T00:00:00Z"), key: "secret" } satisfies CreatedApiKey)
    await creating
    const revoking = store.revoke("k1")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/api-keys/k1" })
      .flush(null, { status: 204, statusText: "No Content" })
    await revoking
    expect(store.keys()).toEqual([])
    expect(store.created()).toBeNull()
  })

  it("shows the gateway's reason when a revoke fails", async () => {
    const revoking = store.revoke("gone")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/api-keys/gone" })
      .flush({ title: "Not Found", detail: 'api key "gone" does not exist' }, { status: 404, statusText: "Not Found" })
    await revoking
    expect(store.error()).toBe('api key "gone" does not exist')
  })
})
