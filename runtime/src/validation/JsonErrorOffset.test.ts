import { describe, expect, it } from "vitest"
import { jsonErrorOffset } from "./JsonErrorOffset.ts"

describe("jsonErrorOffset", () => {
  it("points at the first character that cannot continue the JSON", () => {
    expect(jsonErrorOffset('{ "name": "x", "nodes": [ }')).toBe(26)
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8)
    expect(jsonErrorOffset('{"a": tru}')).toBe(6)
    expect(jsonErrorOffset('["a" "b"]')).toBe(5)
    expect(jsonErrorOffset('{"a": "\\q"}')).toBe(8)
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9)
    expect(jsonErrorOffset('{"a": ')).toBe(6)
  })
  it("finds nothing wrong in valid JSON", () => {
    expect(jsonErrorOffset('{"a": [1, -2.5e3, true, false, null, "\\u00e9"], "b": {}}')).toBe(-1)
  })
})
