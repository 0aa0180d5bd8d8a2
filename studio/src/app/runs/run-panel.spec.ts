import { TestBed } from "@angular/core/testing"
import { provideRouter } from "@angular/router"
import { describe, expect, it } from "vitest"
import type { Graph, RunAccepted } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { EditorStore } from "../editor/editor-store"
import { RunPanel } from "./run-panel"
import { RunStore } from "./run-store"
import { testExecution, testNodeExecution, until } from "../../spec-helpers"

const graph: Graph = {
  id: "g1",
  version: 2,
  name: "Greeting",
  description: "",
  nodes: [
    { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "name", title: "Your name" }, metadata: {} },
    { id: "key", block: { id: "AgentInput" }, inputDefault: { name: "key", secret: true }, metadata: {} }
  ],
  links: [],
  isActive: true,
  ownerId: "u1",
  createdAt: ""
}

describe("RunPanel", () => {
  it("asks for the AgentInput values in a dialog, starts the run with them, and cancels it", async () => {
    const started: Array<unknown> = []
    const cancelled: Array<string> = []
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        EditorStore,
        RunStore,
        {
          provide: GatewayApi,
          useValue: {
            startExecution: async (_g: string, _v: number, inputs: unknown): Promise<RunAccepted> => {
              started.push(inputs)
              return { executionId: "e1", status: "QUEUED" }
            },
            cancelExecution: async (id: string) => {
              cancelled.push(id)
              return { executionId: id, cancelled: true, status: "TERMINATED" }
            }
          } satisfies Partial<GatewayApi>
        }
      ]
    })
    TestBed.inject(EditorStore).open(graph)
    const fixture = TestBed.createComponent(RunPanel)
    const element: HTMLElement = fixture.nativeElement
    await fixture.whenStable()
    const button = (name: string) =>
      [...element.querySelectorAll("button")].find(
        (b) => b.textContent?.trim() === name || b.getAttribute("aria-label") === name
      )

    button("Run…")?.click()
    await until(fixture, () => element.querySelector("[role='dialog']") !== null)
    const name = element.querySelector<HTMLInputElement>("[aria-label='Run input name']")
    const key = element.querySelector<HTMLInputElement>("[aria-label='Run input key']")
    expect(key?.type).toBe("password")
    if (name === null) throw new Error("no input field")
    name.value = "Ada"
    name.dispatchEvent(new Event("input"))
    element.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }))
    await until(fixture, () => started.length === 1)
    expect(started).toEqual([{ name: "Ada" }])
    await until(
      fixture,
      () => element.querySelector("[role='dialog']") === null && button("Cancel the run")?.disabled === false
    )
    button("Cancel the run")?.click()
    await until(fixture, () => cancelled.length === 1)
    expect(cancelled).toEqual(["e1"])
  })

  it("shows a finished run's graph outputs and node outputs as named regions of terms", async () => {
    const detail = testExecution({
      outputs: { greeting: ["Hello Ada"] },
      nodeExecutions: [
        testNodeExecution({
          outputs: [{ nodeExecutionId: "x1", seq: 0, pin: "result", value: "Ada", runSeq: 1, at: "" }]
        })
      ]
    })
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        EditorStore,
        RunStore,
        { provide: GatewayApi, useValue: { execution: async () => detail } satisfies Partial<GatewayApi> }
      ]
    })
    TestBed.inject(EditorStore).open(graph, "replay")
    await TestBed.inject(RunStore).load("e1")
    const fixture = TestBed.createComponent(RunPanel)
    fixture.componentRef.setInput("replay", true)
    const element: HTMLElement = fixture.nativeElement
    await until(fixture, () => element.querySelector("dl") !== null)
    const group = (name: string) => element.querySelector(`section[aria-label='${name}'] > dl`)
    const terms = (name: string) => [...(group(name)?.querySelectorAll("dt") ?? [])].map((t) => t.textContent?.trim())
    expect(terms("Graph outputs")).toEqual(["greeting"])
    expect(group("Graph outputs")?.querySelector("dd")?.textContent).toBe("Hello Ada")
    expect(terms("Node outputs")).toEqual(["in · result"])
  })
})
