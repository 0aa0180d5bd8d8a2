import { describe, expect, it } from "vitest"
import { jsonFileName } from "./json-download"

describe("jsonFileName", () => {
  it("makes a lower-case slug of the graph name", () => {
    expect(jsonFileName("  My Graph: v2 ")).toBe("my-graph-v2.json")
    expect(jsonFileName("Über Straße")).toBe("über-straße.json")
  })

  it("falls back to graph.json when nothing usable is left", () => {
    expect(jsonFileName("!!!")).toBe("graph.json")
    expect(jsonFileName("")).toBe("graph.json")
  })
})
