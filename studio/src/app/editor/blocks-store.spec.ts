import { TestBed } from "@angular/core/testing"
import { describe, expect, it } from "vitest"
import type { BlockDescriptor } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { BlocksStore, blockKey, groupByCategory } from "./blocks-store"

const block = (id: string, categories: ReadonlyArray<string>, description = ""): BlockDescriptor => ({
  id,
  version: "1.0.0",
  name: id,
  description,
  categories,
  inputSchema: {},
  outputSchema: {},
  staticOutput: false,
  dynamicOutput: false,
  credentials: {}
})

describe("groupByCategory", () => {
  const blocks = [block("Calculator", ["math"]), block("AgentInput", ["io", "basic"]), block("Wait", [], "Pause")]

  it("groups blocks by each of their categories, sorted", () => {
    const groups = groupByCategory(blocks)
    expect(groups.map((g) => [g.name, g.blocks.map((b) => b.id)])).toEqual([
      ["basic", ["AgentInput"]],
      ["io", ["AgentInput"]],
      ["math", ["Calculator"]],
      ["other", ["Wait"]]
    ])
  })

  it("filters by name, description or category, ignoring case", () => {
    expect(groupByCategory(blocks, "CALC").map((g) => g.name)).toEqual(["math"])
    expect(groupByCategory(blocks, "pause").flatMap((g) => g.blocks.map((b) => b.id))).toEqual(["Wait"])
    expect(groupByCategory(blocks, "zzz")).toEqual([])
  })
})

describe("blockKey", () => {
  it("tells built-in and plugin blocks apart", () => {
    expect(blockKey({ id: "Calculator" })).toBe("Calculator")
    expect(blockKey({ id: "Get", package: "@weft/http" })).toBe("@weft/http#Get")
  })
})

describe("BlocksStore", () => {
  it("fetches the catalogue once, and again on reload so newly installed blocks appear", async () => {
    let catalogue = [block("Calculator", ["math"])]
    let fetches = 0
    TestBed.configureTestingModule({
      providers: [
        {
          provide: GatewayApi,
          useValue: {
            blocks: async () => {
              fetches++
              return catalogue
            }
          } satisfies Partial<GatewayApi>
        }
      ]
    })
    const store = TestBed.inject(BlocksStore)
    await store.load()
    await store.load()
    expect(fetches).toBe(1)
    catalogue = [...catalogue, { ...block("Shout", ["text"]), package: "@acme/shout", packageVersion: "1.0.0" }]
    await store.reload()
    expect(fetches).toBe(2)
    expect(store.find({ id: "Shout", package: "@acme/shout" })?.name).toBe("Shout")
    expect(store.categories().map((c) => c.name)).toEqual(["math", "text"])
  })
})
