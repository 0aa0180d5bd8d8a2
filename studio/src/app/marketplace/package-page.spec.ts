import { TestBed } from "@angular/core/testing"
import { provideRouter } from "@angular/router"
import { describe, expect, it } from "vitest"
import type { InstalledPlugin, MarketplaceDetail } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { PackagePage } from "./package-page"
import { until } from "../../spec-helpers"

const detail: MarketplaceDetail = {
  name: "@acme/echo",
  description: "Echoes",
  keywords: [],
  categories: ["text"],
  latestVersion: "1.0.0",
  installCount: 1,
  readme: '# Echo\n\n<img src=x onerror="alert(1)"> **bold**',
  versions: [
    {
      version: "1.0.0",
      description: "first",
      blocks: [
        { id: "Echo", name: "Echo text", description: "Repeats", categories: [], inputSchema: {}, outputSchema: {} }
      ],
      permissions: { net: ["api.acme.dev"], env: [], fs: "none" },
      integrity: "sha512-x",
      publishedAt: null,
      deprecated: null
    }
  ]
}

describe("PackagePage", () => {
  it("shows the readme as text, the blocks and the permissions of the chosen version", async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: GatewayApi,
          useValue: {
            packageDetail: async (): Promise<MarketplaceDetail> => detail,
            installs: async (): Promise<ReadonlyArray<InstalledPlugin>> => []
          } satisfies Partial<GatewayApi>
        }
      ]
    })
    const fixture = TestBed.createComponent(PackagePage)
    fixture.componentRef.setInput("name", "@acme/echo")
    const element: HTMLElement = fixture.nativeElement
    await until(fixture, () => element.querySelector("h1") !== null)
    expect(element.querySelector("h1")?.textContent).toBe("@acme/echo")
    const readme = element.querySelector(".readme")
    expect(readme?.querySelector("img")).toBeNull()
    expect(readme?.textContent).toContain('<img src=x onerror="alert(1)"> bold')
    expect(element.querySelector("[aria-label='Permissions']")?.textContent).toContain("api.acme.dev")
    expect(element.querySelector("[aria-label='Blocks']")?.textContent).toContain("Echo text")
    expect(element.textContent).toContain("Not installed.")
    expect([...element.querySelectorAll("button")].map((b) => b.textContent?.trim())).toContain("Install 1.0.0")
  })
})
