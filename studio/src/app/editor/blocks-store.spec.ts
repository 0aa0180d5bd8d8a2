import { describe, expect, it } from "vitest"
import type { BlockDescriptor } from "../api/api-types"
import { blockKey, groupByCategory } from "./blocks-store"

const block = (id: string, categories: ReadonlyArray<string>, description = ""): BlockDescriptor => ({
  id,
  version: "1.0.0",
  name: id,
  description,
  categories,
  inputSchema: {},
  outputSchema: {},
  staticOutput: false,
  dynamicOutput: false
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
