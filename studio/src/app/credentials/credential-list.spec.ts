import { TestBed } from "@angular/core/testing"
import { describe, expect, it } from "vitest"
import type { CredentialMetadata, NewCredential } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { CredentialList } from "./credential-list"

describe("CredentialList", () => {
  it("empties the secret field as soon as the form is sent and never shows the secret", async () => {
    const sent: Array<NewCredential> = []
    TestBed.configureTestingModule({
      providers: [
        {
          provide: GatewayApi,
          useValue: {
            credentials: async (): Promise<ReadonlyArray<CredentialMetadata>> => [],
            createCredential: async (body: NewCredential): Promise<CredentialMetadata> => {
              sent.push(body)
              return {
                id: "c1",
                userId: "u1",
                provider: body.provider,
                name: body.name,
                createdAt: "2026-01-01T00:00:00Z"
              }
            }
          } satisfies Partial<GatewayApi>
        }
      ]
    })
    const fixture = TestBed.createComponent(CredentialList)
    await fixture.whenStable()
    const element: HTMLElement = fixture.nativeElement
    const field = (label: string): HTMLInputElement => {
      const found = [...element.querySelectorAll("label")].find((l) => l.textContent?.trim().startsWith(label))
      const input = found?.querySelector("input")
      if (!input) throw new Error(`no field ${label}`)
      return input
    }
    for (const [label, value] of [
      ["Provider", "openai"],
      ["Name", "Work"],
      ["Secret", "sk-very-secret"]
    ] as const) {
      const input = field(label)
      input.value = value
      input.dispatchEvent(new Event("input"))
    }
    expect(field("Secret").type).toBe("password")
    element.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }))
    expect(field("Secret").value).toBe("")
    await fixture.whenStable()
    expect(sent).toEqual([{ provider: "openai", name: "Work", secret: "sk-very-secret" }])
    expect(element.querySelector("[aria-label='Credentials']")?.textContent).toContain("Work")
    expect(element.textContent).not.toContain("sk-very-secret")
  })
})
