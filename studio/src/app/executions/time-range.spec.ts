import { describe, expect, it } from "vitest"
import { isoToLocalInput, localInputToIso } from "./time-range"

describe("time range inputs", () => {
  it("round-trips a local wall-clock time through an ISO instant", () => {
    const iso = localInputToIso("2026-03-01T09:30")
    expect(iso).toBe(new Date(2026, 2, 1, 9, 30).toISOString())
    expect(isoToLocalInput(iso)).toBe("2026-03-01T09:30")
  })

  it("treats empty and unreadable input as no bound", () => {
    expect(localInputToIso("")).toBe("")
    expect(localInputToIso("yesterday-ish")).toBe("")
    expect(isoToLocalInput("")).toBe("")
  })
})
