import { TestBed } from "@angular/core/testing"
import { describe, expect, it } from "vitest"
import type { Graph } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { BlocksStore } from "./blocks-store"
import { EditorStore } from "./editor-store"
import { LinkPicker, sourceKey } from "./link-picker"
import { testBlock, until } from "../../spec-helpers"

const blocks = [
  testBlock("Text", { format: { type: "string" } }, { output: { type: "string" } }),
  testBlock("Calc", { a: { type: "number" }, b: { type: "number" } }, { result: { type: "number" } })
]

const graph: Graph = {
  id: "g1",
  version: 1,
  name: "Sums",
  description: "",
  nodes: [
    { id: "text", block: { id: "Text" }, inputDefault: {}, metadata: {} },
    { id: "calc", block: { id: "Calc" }, inputDefault: {}, metadata: {} },
    { id: "calc2", block: { id: "Calc" }, inputDefault: {}, metadata: {} }
  ],
  links: [],
  isActive: true,
  ownerId: "u1",
  createdAt: ""
}

const mount = async () => {
  TestBed.configureTestingModule({
    providers: [EditorStore, { provide: GatewayApi, useValue: { blocks: async () => blocks } }]
  })
  await TestBed.inject(BlocksStore).load()
  const store = TestBed.inject(EditorStore)
  store.open(graph)
  const fixture = TestBed.createComponent(LinkPicker)
  fixture.componentRef.setInput("node", graph.nodes[1])
  await fixture.whenStable()
  const element: HTMLElement = fixture.nativeElement
  const select = (id: string) => element.querySelector<HTMLSelectElement>(`#connect-calc-${id}`)
  const choose = (id: string, value: string) => {
    const field = select(id)
    if (field === null) throw new Error(`no ${id} select`)
    field.value = value
    field.dispatchEvent(new Event("change"))
  }
  const button = (text: string) => [...element.querySelectorAll("button")].find((b) => b.textContent?.trim() === text)
  return { fixture, element, store, select, choose, button }
}

describe("LinkPicker", () => {
  it("links a chosen input from a compatible output, and lists the refused ones disabled with the reason", async () => {
    const { fixture, element, store, select, choose, button } = await mount()
    const toggle = button("Connect…")
    expect(toggle?.getAttribute("aria-expanded")).toBe("false")
    toggle?.click()
    await until(fixture, () => select("input") !== null)
    expect(element.querySelector("form")?.getAttribute("aria-label")).toBe("Connect an input of calc")
    expect([...(select("input")?.options ?? [])].map((o) => o.value)).toEqual(["a", "b"])
    const options = [...(select("source")?.options ?? [])].map((o) => ({
      text: o.textContent?.trim(),
      off: o.disabled
    }))
    expect(options).toEqual([
      { text: "Choose an output…", off: false },
      { text: "calc2 · result", off: false },
      { text: "text · output: string output cannot feed a number input", off: true }
    ])
    expect(button("Add link")?.disabled).toBe(true)

    choose("input", "b")
    choose("source", sourceKey({ sourceId: "calc2", sourcePin: "result" }))
    await until(fixture, () => button("Add link")?.disabled === false)
    button("Add link")?.click()
    expect(store.links().map((l) => `${l.sourceId}.${l.sourceName}->${l.sinkId}.${l.sinkName}`)).toEqual([
      "calc2.result->calc.b"
    ])
    expect(store.notice()).toBe("Linked calc2.result to calc.b")
    await until(fixture, () => select("input")?.options.length === 1)
    expect(select("input")?.value).toBe("a")
    expect(button("Add link")?.disabled).toBe(true)
  })

  it("says so when every input is linked, and closes when another node is shown", async () => {
    const { fixture, element, store, button } = await mount()
    store.connect("calc2", "result", "calc", "a")
    store.connect("calc2", "result", "calc", "b")
    button("Connect…")?.click()
    await until(fixture, () => element.textContent?.includes("Every input of calc is linked.") === true)
    fixture.componentRef.setInput("node", graph.nodes[2])
    await until(fixture, () => element.querySelector("form") === null)
    expect(button("Connect…")?.getAttribute("aria-expanded")).toBe("false")
  })
})
