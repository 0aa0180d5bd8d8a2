import { describe, expect, it } from "vitest"
import { commandFor, isTypingTarget, type KeyPress, shortcutHelp } from "./editor-shortcuts"

const press = (key: string, modifiers: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers
})

describe("commandFor", () => {
  it("maps Ctrl and Cmd combinations alike", () => {
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(commandFor(press("z", modifier))).toBe("undo")
      expect(commandFor(press("Z", { ...modifier, shiftKey: true }))).toBe("redo")
      expect(commandFor(press("y", modifier))).toBe("redo")
      expect(commandFor(press("c", modifier))).toBe("copy")
      expect(commandFor(press("x", modifier))).toBe("cut")
      expect(commandFor(press("v", modifier))).toBe("paste")
      expect(commandFor(press("s", modifier))).toBe("save")
      expect(commandFor(press("a", modifier))).toBe("selectAll")
    }
  })

  it("deletes with Delete and Backspace, opens help with ?, clears with Escape", () => {
    expect(commandFor(press("Delete"))).toBe("delete")
    expect(commandFor(press("Backspace"))).toBe("delete")
    expect(commandFor(press("?", { shiftKey: true }))).toBe("help")
    expect(commandFor(press("Escape"))).toBe("escape")
  })

  it("leaves plain letters, Alt combinations and unknown combinations alone", () => {
    expect(commandFor(press("z"))).toBeNull()
    expect(commandFor(press("c"))).toBeNull()
    expect(commandFor(press("z", { ctrlKey: true, altKey: true }))).toBeNull()
    expect(commandFor(press("q", { ctrlKey: true }))).toBeNull()
    expect(commandFor(press("v", { ctrlKey: true, shiftKey: true }))).toBeNull()
  })
})

describe("isTypingTarget", () => {
  const make = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    setup: (e: HTMLElementTagNameMap[K]) => void = () => {}
  ) => {
    const element = document.createElement(tag)
    setup(element)
    document.body.append(element)
    return element
  }

  it("is true in text fields, text areas, selects and editable elements", () => {
    expect(isTypingTarget(make("input"))).toBe(true)
    expect(isTypingTarget(make("input", (e) => (e.type = "number")))).toBe(true)
    expect(isTypingTarget(make("textarea"))).toBe(true)
    expect(isTypingTarget(make("select"))).toBe(true)
    const editable = make("div", (e) => e.setAttribute("contenteditable", "true"))
    const inner = document.createElement("span")
    editable.append(inner)
    expect(isTypingTarget(inner)).toBe(true)
  })

  it("is true anywhere in a dialog, false on the page, buttons and checkboxes", () => {
    const dialog = make("div", (e) => e.setAttribute("role", "dialog"))
    const button = document.createElement("button")
    dialog.append(button)
    expect(isTypingTarget(button)).toBe(true)
    expect(isTypingTarget(document.body)).toBe(false)
    expect(isTypingTarget(make("button"))).toBe(false)
    expect(isTypingTarget(make("input", (e) => (e.type = "checkbox")))).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})

describe("shortcutHelp", () => {
  it("names the platform's modifier", () => {
    expect(shortcutHelp(true)[0]?.keys).toEqual(["⌘+Z"])
    expect(shortcutHelp(false)[0]?.keys).toEqual(["Ctrl+Z"])
  })
})
