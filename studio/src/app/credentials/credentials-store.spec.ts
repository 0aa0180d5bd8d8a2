import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { CredentialMetadata } from "../api/api-types"
import { CredentialsStore } from "./credentials-store"

const credential = (id: string, provider: string, name: string): CredentialMetadata => ({
  id,
  userId: "u1",
  provider,
  name,
  createdAt: "2026-01-01T00:00:00Z"
})

describe("CredentialsStore", () => {
  let http: HttpTestingController
  let store: CredentialsStore

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] })
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(CredentialsStore)
  })

  it("lists credentials by provider then name, and the providers in use", async () => {
    const loading = store.load()
    http
      .expectOne("/api/v1/credentials")
      .flush([credential("1", "openai", "b"), credential("2", "github", "z"), credential("3", "openai", "a")])
    await loading
    expect(store.credentials().map((c) => c.id)).toEqual(["2", "3", "1"])
    expect(store.providers()).toEqual(["github", "openai"])
  })

  it("sends the trimmed fields with the secret and keeps only the returned metadata", async () => {
    const creating = store.create({ provider: " openai ", name: " Work ", secret: "sk-123 " })
    const post = http.expectOne({ method: "POST", url: "/api/v1/credentials" })
    expect(post.request.body).toEqual({ provider: "openai", name: "Work", secret: "sk-123 " })
    post.flush(credential("9", "openai", "Work"))
    expect(await creating).toBe(true)
    expect(store.credentials()).toEqual([credential("9", "openai", "Work")])
    expect(JSON.stringify(store.credentials())).not.toContain("sk-123")
  })

  it("refuses an incomplete credential without asking the gateway", async () => {
    expect(await store.create({ provider: "openai", name: "Work", secret: "" })).toBe(false)
    expect(store.error()).toMatch(/secret/)
    http.verify()
  })

  it("deletes a credential, and keeps it with the gateway's reason when that fails", async () => {
    const loading = store.load()
    http.expectOne("/api/v1/credentials").flush([credential("1", "openai", "a")])
    await loading
    const failing = store.remove("1")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/credentials/1" })
      .flush({ detail: "the database could not complete the request; retry later" }, { status: 503, statusText: "x" })
    await failing
    expect(store.error()).toBe("the database could not complete the request; retry later")
    expect(store.credentials()).toHaveLength(1)
    const removing = store.remove("1")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/credentials/1" })
      .flush(null, { status: 204, statusText: "No Content" })
    await removing
    expect(store.credentials()).toEqual([])
  })
})
