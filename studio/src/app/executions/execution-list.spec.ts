import { TestBed } from "@angular/core/testing"
import { provideRouter } from "@angular/router"
import { describe, expect, it } from "vitest"
import type { ExecutionPage, ExecutionQuery, ExecutionRecord, Graph } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { ExecutionList } from "./execution-list"
import { until } from "../../spec-helpers"

const graph: Graph = {
  id: "g1",
  version: 2,
  name: "Greeter",
  description: "",
  nodes: [],
  links: [],
  isActive: true,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z"
}

describe("ExecutionList", () => {
  it("links each run to its replay, offers cancel only while it runs, and loads more with the cursor", async () => {
    const queries: Array<ExecutionQuery> = []
    const record = (id: string, status: "RUNNING" | "COMPLETED"): ExecutionRecord => ({
      id,
      graphId: "g1",
      graphVersion: 2,
      userId: "u1",
      status,
      inputs: {},
      outputs: {},
      stuckNodes: [],
      stats: {},
      parentExecutionId: null,
      createdAt: "2026-01-01T00:00:00Z",
      startedAt: null,
      endedAt: null
    })
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: GatewayApi,
          useValue: {
            graphs: async (): Promise<ReadonlyArray<Graph>> => [graph],
            executions: async (query: ExecutionQuery): Promise<ExecutionPage> => {
              queries.push(query)
              return query.cursor === undefined
                ? { items: [record("e1", "RUNNING")], nextCursor: "c1" }
                : { items: [record("e2", "COMPLETED")], nextCursor: null }
            }
          } satisfies Partial<GatewayApi>
        }
      ]
    })
    const fixture = TestBed.createComponent(ExecutionList)
    const element: HTMLElement = fixture.nativeElement
    await until(fixture, () => element.querySelector("tbody a")?.textContent === "Greeter")
    expect(element.querySelector("tbody a")?.getAttribute("href")).toBe("/graphs/g1/executions/e1")
    expect(element.querySelector("[aria-label='Cancel run of Greeter']")).not.toBeNull()
    const more = [...element.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Load more")
    more?.click()
    await until(fixture, () => element.querySelectorAll("tbody tr").length === 2)
    expect(queries.at(-1)?.cursor).toBe("c1")
    expect(element.querySelectorAll("[aria-label='Cancel run of Greeter']")).toHaveLength(1)
    expect([...element.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Load more")).toBe(false)
  })
})
