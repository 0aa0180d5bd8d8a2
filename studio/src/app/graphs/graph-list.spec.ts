import { TestBed } from "@angular/core/testing"
import { provideRouter } from "@angular/router"
import { describe, expect, it } from "vitest"
import type { ExecutionPage, Graph } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { GraphList } from "./graph-list"
import { until } from "../../spec-helpers"

const graph = (id: string, name: string): Graph => ({
  id,
  version: 4,
  name,
  description: "",
  nodes: [],
  links: [],
  isActive: true,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z"
})

describe("GraphList", () => {
  it("shows each graph's active version and its latest run, linked to the replay", async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: GatewayApi,
          useValue: {
            graphs: async (): Promise<ReadonlyArray<Graph>> => [graph("a", "Alpha"), graph("b", "Beta")],
            executions: async (): Promise<ExecutionPage> => ({
              items: [
                {
                  id: "r1",
                  graphId: "a",
                  graphVersion: 4,
                  userId: "u1",
                  status: "FAILED",
                  inputs: {},
                  outputs: {},
                  stuckNodes: [],
                  stats: {},
                  parentExecutionId: null,
                  createdAt: "2026-01-01T00:00:00Z",
                  startedAt: null,
                  endedAt: null
                }
              ],
              nextCursor: null
            })
          } satisfies Partial<GatewayApi>
        }
      ]
    })
    const fixture = TestBed.createComponent(GraphList)
    const element: HTMLElement = fixture.nativeElement
    const latest = () => element.querySelector<HTMLAnchorElement>(".last-run a")
    await until(fixture, () => latest() !== null)
    expect(latest()?.getAttribute("href")).toBe("/graphs/a/executions/r1")
    expect(latest()?.textContent?.replace(/\s+/g, " ").trim()).toBe("Latest run of Alpha: failed")
    const rows = [...element.querySelectorAll(".graphs > li")].map((li) => li.textContent ?? "")
    expect(rows[0]).toContain("active v4")
    expect(rows[1]).toContain("never run")
    for (const action of ["Rename", "Duplicate", "Delete"]) {
      expect(element.querySelector(`[aria-label='${action} Beta']`)).not.toBeNull()
    }
    expect(element.querySelector("[aria-label='Export Beta as JSON']")).not.toBeNull()
  })
})
