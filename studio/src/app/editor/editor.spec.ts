import { TestBed } from "@angular/core/testing"
import { describe, expect, it } from "vitest"
import type { BlockDescriptor, Graph } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { Editor } from "./editor"

const calculator: BlockDescriptor = {
  id: "Calculator",
  version: "1.0.0",
  name: "Calculator",
  description: "Arithmetic",
  categories: ["math"],
  inputSchema: {
    type: "object",
    properties: { a: { type: "number" }, b: { type: "number" }, precision: { type: "integer", advanced: true } }
  },
  outputSchema: { type: "object", properties: { result: { type: "number" }, error: { type: "string" } } },
  staticOutput: false,
  dynamicOutput: false
}

const graph: Graph = {
  id: "g1",
  version: 3,
  name: "Sums",
  description: "",
  nodes: [{ id: "calc", block: { id: "Calculator" }, inputDefault: { a: 1 }, metadata: { position: { x: 0, y: 0 } } }],
  links: [],
  isActive: true,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z"
}

/** Waits until the zoneless renderer shows what `ready` looks for. */
const until = async (fixture: { whenStable(): Promise<unknown> }, ready: () => boolean) => {
  for (let attempt = 0; attempt < 50 && !ready(); attempt++) await fixture.whenStable()
  expect(ready()).toBe(true)
}

describe("Editor", () => {
  it("renders the graph's nodes with their pins and the palette by category", async () => {
    TestBed.configureTestingModule({
      providers: [{ provide: GatewayApi, useValue: { blocks: async () => [calculator], graph: async () => graph } }]
    })
    const fixture = TestBed.createComponent(Editor)
    fixture.componentRef.setInput("graphId", "g1")
    const element: HTMLElement = fixture.nativeElement
    await until(fixture, () => element.querySelector("[data-node-id='calc']") !== null)
    const node = element.querySelector("[data-node-id='calc']")
    expect(node?.textContent).toContain("Calculator")
    expect([...(node?.querySelectorAll(".pin.in") ?? [])].map((p) => p.textContent?.trim())).toEqual([
      "a",
      "b",
      "precision"
    ])
    expect(element.querySelector("weft-block-palette summary")?.textContent).toBe("math")
    expect(element.querySelector("[aria-label='Add block Calculator']")).not.toBeNull()
    expect(element.querySelector<HTMLInputElement>("[aria-label='Graph name']")?.value).toBe("Sums")
  })
})
