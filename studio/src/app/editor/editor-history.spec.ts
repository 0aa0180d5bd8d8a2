import { describe, expect, it } from "vitest"
import { EditorHistory } from "./editor-history"

describe("EditorHistory", () => {
  it("walks back and forth through recorded states", () => {
    const history = new EditorHistory<string>()
    history.record("a")
    history.record("b")
    expect(history.undo("c")).toBe("b")
    expect(history.undo("b")).toBe("a")
    expect(history.undo("a")).toBeNull()
    expect(history.redo("a")).toBe("b")
    expect(history.redo("b")).toBe("c")
    expect(history.redo("c")).toBeNull()
  })

  it("forgets the redo steps when a new change is recorded", () => {
    const history = new EditorHistory<string>()
    history.record("a")
    history.undo("b")
    expect(history.canRedo).toBe(true)
    history.record("a")
    expect(history.canRedo).toBe(false)
  })

  it("keeps only the most recent states up to its limit", () => {
    const history = new EditorHistory<number>(3)
    for (let state = 0; state < 10; state++) history.record(state)
    expect(history.depth).toBe(3)
    expect(history.undo(10)).toBe(9)
    expect(history.undo(9)).toBe(8)
    expect(history.undo(8)).toBe(7)
    expect(history.undo(7)).toBeNull()
  })

  it("clears both directions", () => {
    const history = new EditorHistory<string>()
    history.record("a")
    history.undo("b")
    history.clear()
    expect([history.canUndo, history.canRedo]).toEqual([false, false])
  })
})
