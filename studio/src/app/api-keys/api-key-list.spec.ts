import { TestBed } from "@angular/core/testing"
import { describe, expect, it } from "vitest"
import type { ApiKeyMetadata, CreatedApiKey, NewApiKey } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { ApiKeyList } from "./api-key-list"
import { until } from "../../spec-helpers"

describe("ApiKeyList", () => {
  it("shows a new key's secret once, copies it, and forgets it on dismiss", async () => {
    const copied: Array<string> = []
    Object.defineProperty(globalThis.navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) }
    })
    TestBed.configureTestingModule({
      providers: [
        {
          provide: GatewayApi,
          useValue: {
            apiKeys: async (): Promise<ReadonlyArray<ApiKeyMetadata>> => [],
            createApiKey: async (body: NewApiKey): Promise<CreatedApiKey> => ({
              id: "k1",
              name: body.name,
              scopes: body.scopes,
              prefix: "wk_ab",
              createdAt: "2026-01-01T00:00:00Z",
              lastUsedAt: null,
              key: "wk_abcdef-secret"
            })
          } satisfies Partial<GatewayApi>
        }
      ]
    })
    const fixture = TestBed.createComponent(ApiKeyList)
    await fixture.whenStable()
    const element: HTMLElement = fixture.nativeElement
    const name = element.querySelector<HTMLInputElement>("form label input")
    if (name === null) throw new Error("no name field")
    name.value = "CI"
    name.dispatchEvent(new Event("input"))
    element.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }))
    const secretField = () => element.querySelector<HTMLInputElement>("input[aria-label='The new API key']")
    await until(fixture, () => secretField() !== null)
    expect(secretField()?.value).toBe("wk_abcdef-secret")
    expect(element.querySelector("[aria-label='API keys']")?.textContent).not.toContain("secret")
    const button = (label: string) =>
      [...element.querySelectorAll("button")].find((b) => b.textContent?.trim() === label)
    button("Copy")?.click()
    await until(fixture, () => element.textContent?.includes("Copied to the clipboard.") === true)
    expect(copied).toEqual(["wk_abcdef-secret"])
    button("Dismiss")?.click()
    await fixture.whenStable()
    expect(secretField()).toBeNull()
    expect(element.querySelector("[aria-label='API keys']")?.textContent).toContain("CI")
  })
})
