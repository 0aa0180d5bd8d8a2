import { HttpErrorResponse } from "@angular/common/http"
import { TestBed } from "@angular/core/testing"
import { provideRouter } from "@angular/router"
import { VflowComponent, ɵFlowEntitiesService, ɵSelectionService } from "ngx-vflow"
import { describe, expect, it } from "vitest"
import type { BlockDescriptor, Graph, GraphFile } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { Editor } from "./editor"
import { EditorStore } from "./editor-store"
import { GraphCanvas } from "./graph-canvas"
import { testExecution, testNodeExecution, until } from "../../spec-helpers"

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

const execution = testExecution({
  status: "FAILED",
  nodeExecutions: [
    testNodeExecution({
      nodeId: "calc",
      status: "FAILED",
      error: "division by zero",
      outputs: [{ nodeExecutionId: "x1", seq: 0, pin: "error", value: "division by zero", runSeq: 1, at: "" }]
    })
  ]
})

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

const click = (target: Element | null, init: MouseEventInit = {}) => {
  if (target === null) throw new Error("nothing to click")
  target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...init }))
}

type Fixture = Awaited<ReturnType<typeof mount>>["fixture"]

const canvasOf = (fixture: Fixture): GraphCanvas =>
  fixture.debugElement.query((d) => d.componentInstance instanceof GraphCanvas).componentInstance

const flowOf = (fixture: Fixture): VflowComponent =>
  fixture.debugElement.query((d) => d.componentInstance instanceof VflowComponent).componentInstance

/** The node ids the store has selected, and the ones the canvas draws selected. */
const selected = (fixture: Fixture, store: EditorStore) => ({
  store: [...store.selection.nodeIds()].sort(),
  drawn: canvasOf(fixture)
    .canvasNodes()
    .filter((n) => n.selected())
    .map((n) => n.id)
    .sort()
})

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

  it("selects only the clicked node right after a dropped node was selected, and keeps it so", async () => {
    const { fixture, element, store } = await mount(gateway())
    // ngx-vflow reports every change of a drawn node's selection on its own stream, 25 ms late; the canvas used
    // to take the selection from there, and a click then left the dropped node selected beside the clicked one.
    const reported = new Map<string, boolean>()
    const reportsArrived = new Promise<void>((resolve) => {
      flowOf(fixture).nodesChange$.subscribe((changes) => {
        for (const change of changes) if (change.type === "select") reported.set(change.id, change.selected)
        if (reported.get("calc") === true && reported.get("calculator-1") === false) resolve()
      })
    })
    store.addNode(calculator, { x: 0, y: 200 })
    await until(fixture, () => element.querySelector("[aria-label='Inputs of calculator-1']") !== null)
    expect(selected(fixture, store)).toEqual({ store: ["calculator-1"], drawn: ["calculator-1"] })

    click(element.querySelector("[data-node-id='calc'] .node-id"))
    expect(selected(fixture, store).store).toEqual(["calc"])
    await reportsArrived
    await fixture.whenStable()
    expect(selected(fixture, store)).toEqual({ store: ["calc"], drawn: ["calc"] })
    await until(fixture, () => element.querySelector("[aria-label='Inputs of calc']") !== null)
    expect(element.textContent).not.toContain("nodes and")
  })

  it("adds Shift, Ctrl and Cmd clicks to the selection; a node's title button selects it alone", async () => {
    const { fixture, element, store } = await mount(gateway())
    const node = (id: string) => element.querySelector(`[data-node-id='${id}']`)
    for (const modifier of [{ shiftKey: true }, { ctrlKey: true }, { metaKey: true }]) {
      click(node("calc"))
      expect(selected(fixture, store).store).toEqual(["calc"])
      click(node("calc2"), modifier)
      expect(selected(fixture, store).store).toEqual(["calc", "calc2"])
    }
    await until(fixture, () => element.textContent?.includes("2 nodes and 0 links selected.") === true)
    expect(selected(fixture, store).drawn).toEqual(["calc", "calc2"])

    // Enter or Space on the focused title button clicks it (the browser's part), which selects the node.
    const select = element.querySelector<HTMLButtonElement>("button[aria-label='Select Calculator calc2']")
    select?.click()
    expect(selected(fixture, store).store).toEqual(["calc2"])
    await until(fixture, () => element.querySelector("[aria-label='Inputs of calc2']") !== null)
  })

  it("takes the selections ngx-vflow makes itself (edge clicks, boxes) over from the drawing in one piece", async () => {
    const { fixture, store } = await mount(gateway())
    store.selection.set(["calc", "calc2"])
    await until(fixture, () => selected(fixture, store).drawn.length === 2)
    // What a click on an edge does in ngx-vflow: that edge selected, every other node and edge not.
    const link = "calc:result->calc2:b"
    const flow = fixture.debugElement.query((d) => d.componentInstance instanceof VflowComponent).injector
    const edge = flow
      .get(ɵFlowEntitiesService)
      .edges()
      .find((e) => e.edge.id === link)
    if (edge === undefined) throw new Error("the link is not drawn")
    flow.get(ɵSelectionService).select(edge)
    await until(fixture, () => store.selection.linkIds().has(link))
    expect(selected(fixture, store)).toEqual({ store: [], drawn: [] })
    expect([...store.selection.linkIds()]).toEqual([link])

    // What a selection box ends with: the nodes it covered marked selected, the rest not.
    edge.selected.set(false)
    for (const node of canvasOf(fixture).canvasNodes()) node.selected.set(true)
    await until(fixture, () => store.selection.nodeIds().size === 2)
    expect(selected(fixture, store)).toEqual({ store: ["calc", "calc2"], drawn: ["calc", "calc2"] })
    expect(store.selection.linkIds().size).toBe(0)
  })

  it("names each node and each pin for assistive technology, and keeps a named status for its notices", async () => {
    const { fixture, element, store } = await mount(gateway())
    const node = element.querySelector("[data-node-id='calc']")
    expect(node?.getAttribute("role")).toBe("group")
    expect(node?.getAttribute("aria-label")).toBe("Calculator calc")
    const labels = (selector: string) =>
      [...(node?.querySelectorAll(selector) ?? [])].map((e) => e.getAttribute("aria-label"))
    expect(labels("button")).toEqual(["Select Calculator calc"])
    expect(labels("ul")).toEqual(["Input pins of calc", "Output pins of calc"])
    expect(labels("ul > li")).toEqual([
      "input a of calc",
      "input b of calc",
      "input precision of calc",
      "output result of calc",
      "output error of calc"
    ])

    // The live region is there before anything is said in it, so that what is said is announced.
    const notices = element.querySelector("[role='status'][aria-label='Editor notices']")
    expect(notices?.textContent?.trim()).toBe("")
    store.setNotice("Saved as version 4")
    await until(fixture, () => notices?.textContent?.trim() === "Saved as version 4")
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
