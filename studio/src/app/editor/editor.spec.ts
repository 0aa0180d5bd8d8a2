import { HttpErrorResponse } from "@angular/common/http"
import { TestBed } from "@angular/core/testing"
import { provideRouter } from "@angular/router"
import { describe, expect, it } from "vitest"
import type { BlockDescriptor, ExecutionDetail, Graph, GraphFile } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { Editor } from "./editor"
import { EditorStore } from "./editor-store"
import { GraphCanvas } from "./graph-canvas"

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
  dynamicOutput: false,
  credentials: {}
}

const graph = (version: number, nodeIds: ReadonlyArray<string> = ["calc"]): Graph => ({
  id: "g1",
  version,
  name: "Sums",
  description: "",
  nodes: nodeIds.map((id, i) => ({
    id,
    block: { id: "Calculator" },
    inputDefault: { a: 1 },
    metadata: { position: { x: i * 250, y: 0 } }
  })),
  links:
    nodeIds.length > 1
      ? [{ id: "link-0", sourceId: "calc", sourceName: "result", sinkId: "calc2", sinkName: "b", isStatic: false }]
      : [],
  isActive: true,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z"
})

const execution: ExecutionDetail = {
  id: "e1",
  graphId: "g1",
  graphVersion: 2,
  userId: "u1",
  status: "FAILED",
  inputs: {},
  outputs: {},
  stuckNodes: [],
  stats: {},
  parentExecutionId: null,
  createdAt: "",
  startedAt: null,
  endedAt: null,
  nodeExecutions: [
    {
      id: "x1",
      executionId: "e1",
      nodeId: "calc",
      status: "FAILED",
      pins: {},
      input: null,
      error: "division by zero",
      attempt: 1,
      createdSeq: 1,
      endSeq: 2,
      queuedAt: null,
      startedAt: null,
      endedAt: null,
      outputs: [{ nodeExecutionId: "x1", seq: 0, pin: "error", value: "division by zero", runSeq: 1, at: "" }]
    }
  ]
}

/** A gateway that serves versions 1-3 of g1 (3 is active, saved with a message) and records saves. */
const gateway = (options: { failSave?: HttpErrorResponse } = {}) => {
  const saved: Array<{ readonly file: GraphFile; readonly message: string | undefined }> = []
  const requested: Array<string> = []
  return {
    saved,
    requested,
    blocks: async () => [calculator],
    graph: async () => graph(3, ["calc", "calc2"]),
    graphAt: async (_id: string, version: number) => {
      requested.push(`graph v${version}`)
      return graph(version)
    },
    graphVersions: async (): Promise<ReadonlyArray<Graph>> => [
      { ...graph(3, ["calc", "calc2"]), versionMessage: "sums two numbers" }
    ],
    execution: async (id: string) => {
      requested.push(`execution ${id}`)
      return execution
    },
    updateGraph: async (_id: string, file: GraphFile, message?: string): Promise<Graph> => {
      if (options.failSave !== undefined) throw options.failSave
      saved.push({ file, message })
      return {
        ...graph(4, ["calc", "calc2"]),
        name: file.name,
        ...(message === undefined ? {} : { versionMessage: message })
      }
    }
  }
}

/** Waits until the zoneless renderer shows what `ready` looks for. */
const until = async (fixture: { whenStable(): Promise<unknown> }, ready: () => boolean) => {
  for (let attempt = 0; attempt < 50 && !ready(); attempt++) await fixture.whenStable()
  expect(ready()).toBe(true)
}

const mount = async (fake: ReturnType<typeof gateway>, executionId?: string) => {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: GatewayApi, useValue: fake satisfies Partial<GatewayApi> }]
  })
  const fixture = TestBed.createComponent(Editor)
  fixture.componentRef.setInput("graphId", "g1")
  if (executionId !== undefined) fixture.componentRef.setInput("executionId", executionId)
  const element: HTMLElement = fixture.nativeElement
  await until(fixture, () => element.querySelector("[data-node-id='calc']") !== null)
  return { fixture, element, store: fixture.debugElement.injector.get(EditorStore) }
}

const key = (target: EventTarget, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init }))

describe("Editor", () => {
  it("renders the graph's nodes with their pins and the palette by category", async () => {
    const { element } = await mount(gateway())
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

  it("deletes the selection with Delete, but not while the user types, and undoes it with Ctrl+Z", async () => {
    const { element, store } = await mount(gateway())
    store.selection.set(["calc2"])
    const name = element.querySelector<HTMLInputElement>("[aria-label='Graph name']")
    if (name === null) throw new Error("no name field")
    key(name, { key: "Delete" })
    key(name, { key: "Backspace" })
    expect(store.nodes().map((n) => n.id)).toEqual(["calc", "calc2"])
    key(document.body, { key: "Delete" })
    expect(store.nodes().map((n) => n.id)).toEqual(["calc"])
    expect(store.links()).toEqual([])
    key(document.body, { key: "z", ctrlKey: true })
    expect(store.nodes().map((n) => n.id)).toEqual(["calc", "calc2"])
    expect(store.links()).toHaveLength(1)
  })

  it("records a drag when the next command runs, so an undo right after a drag undoes it", async () => {
    const { fixture, element, store } = await mount(gateway())
    const canvas: GraphCanvas = fixture.debugElement.query(
      (d) => d.componentInstance instanceof GraphCanvas
    ).componentInstance
    const drawn = canvas.canvasNodes().find((n) => n.id === "calc2")
    // ngx-vflow moves a dragged node through its point signal; its change stream reports it only later.
    drawn?.point.set({ x: 400, y: 120 })
    key(document.body, { key: "z", ctrlKey: true })
    expect(store.nodes().find((n) => n.id === "calc2")?.metadata).toEqual({ position: { x: 250, y: 0 } })
    await until(fixture, () => drawn?.point().x === 250)
    key(document.body, { key: "z", ctrlKey: true, shiftKey: true })
    expect(store.nodes().find((n) => n.id === "calc2")?.metadata).toEqual({ position: { x: 400, y: 120 } })
    expect(element.querySelector("[data-node-id='calc2']")).not.toBeNull()
  })

  it("lists the shortcuts when ? is pressed", async () => {
    const { fixture, element } = await mount(gateway())
    key(document.body, { key: "?", shiftKey: true })
    await until(fixture, () => element.querySelector("weft-shortcut-help") !== null)
    expect(element.querySelector("weft-shortcut-help")?.textContent).toContain("Undo")
    key(document.body, { key: "Escape" })
    await until(fixture, () => element.querySelector("weft-shortcut-help") === null)
  })

  it("shows which inputs come from links, as disabled fields naming the source pin", async () => {
    const { fixture, element, store } = await mount(gateway())
    store.selection.set(["calc2"])
    await until(fixture, () => element.querySelector("weft-node-form") !== null)
    const linked = element.querySelector<HTMLInputElement>("#pin-calc2-b")
    expect(linked?.disabled).toBe(true)
    expect(linked?.value).toBe("from calc.result")
    expect(element.querySelector<HTMLInputElement>("#pin-calc2-a")?.disabled).toBe(false)
  })

  it("saves with the message typed in the save dialog, and the version history shows each version's message", async () => {
    const fake = gateway()
    const { fixture, element, store } = await mount(fake)
    store.setInput("calc", "a", 2)
    const button = (root: ParentNode, text: string) =>
      [...root.querySelectorAll("button")].find((b) => b.textContent?.trim() === text)
    await until(fixture, () => button(element, "Save")?.disabled === false)
    button(element, "Save")?.click()
    await until(fixture, () => element.querySelector("weft-save-dialog input") !== null)
    const dialog = element.querySelector("weft-save-dialog")
    const message = dialog?.querySelector("input")
    if (dialog === null || dialog === undefined || message === null || message === undefined)
      throw new Error("no save dialog")
    expect(message.maxLength).toBe(500)
    message.value = "doubles a"
    button(dialog, "Save")?.click()
    await until(fixture, () => element.querySelector("weft-save-dialog") === null)
    expect(fake.saved.map((s) => s.message)).toEqual(["doubles a"])
    button(element, "History")?.click()
    await until(fixture, () => element.querySelectorAll("weft-version-history .message").length === 2)
    expect([...element.querySelectorAll("weft-version-history .message")].map((m) => m.textContent?.trim())).toEqual([
      "doubles a",
      "sums two numbers"
    ])
  })

  it("marks the nodes and pins a refused save names, with a summary", async () => {
    const refusal = new HttpErrorResponse({
      status: 422,
      error: {
        type: "https://weft.dev/problems/invalid-graph",
        title: "Invalid graph",
        detail: "graph is invalid (1 issue):",
        issues: [
          { nodeId: "calc", pin: "b", code: "missing_input", message: 'node "calc": required input "b" is missing' }
        ],
        fileProblems: []
      }
    })
    const { fixture, element, store } = await mount(gateway({ failSave: refusal }))
    store.setInput("calc", "a", 2)
    expect(await store.save("try")).toBeNull()
    await until(fixture, () => element.querySelector("[data-node-id='calc'].has-problem") !== null)
    const pin = element.querySelector("[data-node-id='calc'] .pin-problem")
    expect(pin?.textContent?.trim()).toBe("b")
    expect(pin?.getAttribute("title")).toBe('required input "b" is missing')
    expect(element.querySelector("[aria-label='Problems']")?.textContent).toContain('node "calc": required input "b"')
    expect(store.error()).toBeNull()
  })

  it("replays a past run read-only on the version it ran, with each node's status and outputs", async () => {
    const fake = gateway()
    const { fixture, element, store } = await mount(fake, "e1")
    expect(fake.requested).toEqual(["execution e1", "graph v2"])
    expect(store.mode()).toBe("replay")
    expect(store.readOnly()).toBe(true)
    await until(fixture, () => element.querySelector("[data-node-id='calc'][data-status='failed']") !== null)
    const node = element.querySelector("[data-node-id='calc']")
    expect(node?.textContent).toContain("division by zero")
    expect(element.querySelector("weft-block-palette")).toBeNull()
    expect(element.textContent).toContain("Replay of run")
    store.setInput("calc", "a", 5)
    expect(store.nodes()[0]?.inputDefault).toEqual({ a: 1 })
  })
})
