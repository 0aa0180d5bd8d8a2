import { provideHttpClient } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type {
  BlockDescriptor,
  InstalledPlugin,
  MarketplaceDetail,
  MarketplaceVersion,
  UpgradeOutcome
} from "../api/api-types"
import { BlocksStore } from "../editor/blocks-store"
import { PackageStore, upgradeSummary } from "./package-store"

const version = (v: string, deprecated: string | null = null): MarketplaceVersion => ({
  version: v,
  description: "",
  blocks: [{ id: "Echo", name: "Echo", description: "", categories: [], inputSchema: {}, outputSchema: {} }],
  permissions: { net: [], env: [], fs: "none" },
  integrity: "sha512-x",
  publishedAt: null,
  deprecated
})

const detail: MarketplaceDetail = {
  name: "@acme/echo",
  description: "Echoes",
  keywords: [],
  categories: ["text"],
  latestVersion: "2.0.0",
  installCount: 3,
  readme: "# Echo",
  versions: [version("2.0.0", "broken"), version("1.1.0"), version("1.0.0")]
}

const settle = async () => {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve()
}

describe("upgradeSummary", () => {
  it("names what was installed, removed and kept", () => {
    expect(
      upgradeSummary("@acme/echo", {
        installed: "2.0.0",
        removed: ["1.0.0"],
        kept: [{ version: "1.1.0", graphs: [{ id: "g", version: 1, name: "Echoes" }] }]
      })
    ).toBe('Installed @acme/echo@2.0.0. Removed 1.0.0. Kept 1.1.0: used by "Echoes".')
  })
})

describe("PackageStore", () => {
  let http: HttpTestingController
  let store: PackageStore
  let reloads: number

  beforeEach(async () => {
    reloads = 0
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        PackageStore,
        { provide: BlocksStore, useValue: { reload: async () => void reloads++ } }
      ]
    })
    http = TestBed.inject(HttpTestingController)
    store = TestBed.inject(PackageStore)
    const loading = store.load("@acme/echo")
    http.expectOne("/api/v1/marketplace/packages/%40acme%2Fecho").flush(detail)
    http.expectOne("/api/v1/marketplace/installs").flush([
      { package: "@acme/echo", version: "1.0.0", installedAt: "2026-01-01T00:00:00Z" },
      { package: "other", version: "9.9.9", installedAt: "2026-01-02T00:00:00Z" }
    ])
    await loading
  })

  it("loads the package with its installed versions and picks the newest version not deprecated", () => {
    expect(store.detail()?.name).toBe("@acme/echo")
    expect([...store.installedVersions()]).toEqual(["1.0.0"])
    expect(store.selected()?.version).toBe("1.1.0")
    store.select("2.0.0")
    expect(store.selected()?.version).toBe("2.0.0")
  })

  it("installs a version and reloads the block catalogue", async () => {
    const installing = store.install("1.1.0")
    const post = http.expectOne({ method: "POST", url: "/api/v1/marketplace/installs" })
    expect(post.request.body).toEqual({ package: "@acme/echo", version: "1.1.0" })
    post.flush({
      package: "@acme/echo",
      version: "1.1.0",
      installedAt: "2026-03-01T00:00:00Z"
    } satisfies InstalledPlugin)
    await installing
    expect([...store.installedVersions()].sort()).toEqual(["1.0.0", "1.1.0"])
    expect(store.notice()).toBe("Installed @acme/echo@1.1.0.")
    expect(reloads).toBe(1)
  })

  it("upgrades, dropping the versions the gateway removed", async () => {
    const upgrading = store.upgrade("1.1.0")
    const put = http.expectOne({ method: "PUT", url: "/api/v1/marketplace/installs/%40acme%2Fecho" })
    expect(put.request.body).toEqual({ version: "1.1.0" })
    put.flush({ installed: "1.1.0", removed: ["1.0.0"], kept: [] } satisfies UpgradeOutcome)
    await upgrading
    expect([...store.installedVersions()]).toEqual(["1.1.0"])
    expect(reloads).toBe(1)
  })

  it("keeps the graphs that block an uninstall, and the version installed", async () => {
    const uninstalling = store.uninstall("1.0.0")
    http.expectOne({ method: "DELETE", url: "/api/v1/marketplace/installs/%40acme%2Fecho/1.0.0" }).flush(
      {
        title: "Package in use",
        detail: '@acme/echo@1.0.0 is used by active graphs: "Echoes" (g1 v2)',
        package: "@acme/echo",
        version: "1.0.0",
        graphs: [{ id: "g1", version: 2, name: "Echoes" }]
      },
      { status: 409, statusText: "Conflict" }
    )
    await uninstalling
    expect(store.blockingGraphs()).toEqual([{ id: "g1", version: 2, name: "Echoes" }])
    expect(store.error()).toMatch(/still used by these active graphs/)
    expect([...store.installedVersions()]).toEqual(["1.0.0"])
    expect(reloads).toBe(0)
    expect(store.busy()).toBe(false)
  })

  it("uninstalls a version no graph uses", async () => {
    const uninstalling = store.uninstall("1.0.0")
    http
      .expectOne({ method: "DELETE", url: "/api/v1/marketplace/installs/%40acme%2Fecho/1.0.0" })
      .flush(null, { status: 204, statusText: "No Content" })
    await uninstalling
    await settle()
    expect(store.installedVersions().size).toBe(0)
    expect(store.blockingGraphs()).toEqual([])
    expect(reloads).toBe(1)
  })
})

describe("PackageStore with the editor's block catalogue", () => {
  it("makes a palette that was loaded fetch the blocks again after an install", async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), PackageStore] })
    const http = TestBed.inject(HttpTestingController)
    const blocks = TestBed.inject(BlocksStore)
    const store = TestBed.inject(PackageStore)
    const palette = blocks.load()
    http.expectOne("/api/v1/blocks").flush([])
    await palette
    const loading = store.load("@acme/echo")
    http.expectOne("/api/v1/marketplace/packages/%40acme%2Fecho").flush(detail)
    http.expectOne("/api/v1/marketplace/installs").flush([])
    await loading
    const installing = store.install("1.1.0")
    http
      .expectOne({ method: "POST", url: "/api/v1/marketplace/installs" })
      .flush({ package: "@acme/echo", version: "1.1.0", installedAt: "2026-03-01T00:00:00Z" } satisfies InstalledPlugin)
    await settle()
    const echo: BlockDescriptor = {
      id: "Echo",
      version: "1.1.0",
      package: "@acme/echo",
      packageVersion: "1.1.0",
      name: "Echo",
      description: "",
      categories: ["text"],
      inputSchema: {},
      outputSchema: {},
      staticOutput: false,
      dynamicOutput: false,
      credentials: {}
    }
    http.expectOne("/api/v1/blocks").flush([echo])
    await installing
    expect(blocks.find({ id: "Echo", package: "@acme/echo" })?.name).toBe("Echo")
  })
})
