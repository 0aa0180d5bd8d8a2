import { TestBed } from "@angular/core/testing"
import { describe, expect, it } from "vitest"
import type { BlockDescriptor, GraphNode } from "../api/api-types"
import type { LinkEnds } from "./editor-document"
import { basePin, linkSources, type InputChange, NodeForm } from "./node-form"

const block: BlockDescriptor = {
  id: "Http",
  version: "1.0.0",
  name: "HTTP request",
  description: "",
  categories: [],
  inputSchema: {
    type: "object",
    properties: {
      url: { type: "string" },
      retries: { type: "integer" },
      follow: { type: "boolean" },
      method: { enum: ["GET", "POST"] },
      auth: { type: "object", properties: { user: { type: "string" }, password: { type: "string", secret: true } } },
      tags: { type: "array", items: { type: "string" } },
      headers: { type: "object", additionalProperties: { type: "string" } },
      body: {},
      token: { type: "string", secret: true },
      timeout: { type: "number", advanced: true }
    }
  },
  outputSchema: { type: "object", properties: {} },
  staticOutput: false,
  dynamicOutput: false,
  credentials: {}
}

const node: GraphNode = {
  id: "req",
  block: { id: "Http" },
  inputDefault: { token: "s3cret", tags: ["a"], headers: { accept: "json" }, auth: { user: "ada" } },
  metadata: {}
}

const mount = async (inbound: ReadonlyArray<LinkEnds> = [], readOnly = false) => {
  TestBed.configureTestingModule({})
  const fixture = TestBed.createComponent(NodeForm)
  fixture.componentRef.setInput("node", node)
  fixture.componentRef.setInput("block", block)
  fixture.componentRef.setInput("inbound", inbound)
  fixture.componentRef.setInput("readOnly", readOnly)
  const changes: Array<InputChange> = []
  fixture.componentInstance.changed.subscribe((change) => changes.push(change))
  await fixture.whenStable()
  const element: HTMLElement = fixture.nativeElement
  return { fixture, element, changes }
}

const control = <T extends Element>(element: HTMLElement, id: string): T => {
  const found = element.querySelector(`[id='${id}']`)
  if (found === null) throw new Error(`no control ${id}`)
  return found as T
}

describe("NodeForm", () => {
  it("gives each kind of pin its editor, folding advanced pins", async () => {
    const { element } = await mount()
    expect(control<HTMLInputElement>(element, "pin-req-url").type).toBe("text")
    expect(control<HTMLInputElement>(element, "pin-req-retries").type).toBe("number")
    expect(control<HTMLInputElement>(element, "pin-req-follow").type).toBe("checkbox")
    expect(control(element, "pin-req-method").tagName).toBe("SELECT")
    expect(control(element, "pin-req-auth").tagName).toBe("FIELDSET")
    expect(control<HTMLInputElement>(element, "pin-req-auth.user").value).toBe("ada")
    expect(control<HTMLInputElement>(element, "pin-req-tags[0]").value).toBe("a")
    expect(control<HTMLInputElement>(element, "pin-req-headers.accept").value).toBe("json")
    expect(control(element, "pin-req-body").tagName).toBe("TEXTAREA")
    expect(control(element, "pin-req-timeout").closest("details")).not.toBeNull()
    expect(control(element, "pin-req-url").closest("details")).toBeNull()
  })

  it("masks secret pins and never shows their value", async () => {
    const { element } = await mount()
    const token = control<HTMLInputElement>(element, "pin-req-token")
    expect(token.type).toBe("password")
    expect(token.value).toBe("")
    expect(token.placeholder).toBe("••••••••")
    expect(control<HTMLInputElement>(element, "pin-req-auth.password").type).toBe("password")
  })

  it("emits whole values from nested, list and dictionary editors", async () => {
    const { fixture, element, changes } = await mount()
    const user = control<HTMLInputElement>(element, "pin-req-auth.user")
    user.value = "bob"
    user.dispatchEvent(new Event("change"))
    const buttons = [...element.querySelectorAll("button")]
    buttons.find((b) => b.textContent?.trim() === "Add item")?.click()
    buttons.find((b) => b.getAttribute("aria-label") === "Remove Headers entry accept")?.click()
    const retries = control<HTMLInputElement>(element, "pin-req-retries")
    retries.value = "1.5"
    retries.dispatchEvent(new Event("change"))
    expect(changes).toEqual([
      { pin: "auth", value: { user: "bob" } },
      { pin: "tags", value: ["a", ""] },
      { pin: "headers", value: undefined }
    ])
    await fixture.whenStable()
    expect(element.textContent).toContain("Must be a whole number")
  })

  it("shows linked pins as disabled fields naming their source, and disables everything when read-only", async () => {
    const links = [
      { sourceId: "in", sourceName: "result", sinkId: "req", sinkName: "url" },
      { sourceId: "a", sourceName: "x", sinkId: "req", sinkName: "headers_#_auth" }
    ]
    const { element } = await mount(links, true)
    const url = control<HTMLInputElement>(element, "pin-req-url")
    expect([url.disabled, url.value]).toEqual([true, "from in.result"])
    expect(control<HTMLInputElement>(element, "pin-req-headers").value).toBe("from a.x (headers_#_auth)")
    expect(control<HTMLInputElement>(element, "pin-req-retries").disabled).toBe(true)
  })
})

describe("link sources", () => {
  it("names every source of a pin, parts included", () => {
    expect(basePin("values_#_name")).toBe("values")
    expect(basePin("values")).toBe("values")
    const sources = linkSources([
      { sourceId: "a", sourceName: "o", sinkId: "n", sinkName: "values_$_0" },
      { sourceId: "b", sourceName: "o", sinkId: "n", sinkName: "values_$_1" }
    ])
    expect(sources.get("values")).toBe("from a.o (values_$_0), b.o (values_$_1)")
  })
})
