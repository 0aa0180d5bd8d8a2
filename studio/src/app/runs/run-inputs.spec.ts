import { describe, expect, it } from "vitest"
import type { GraphNode } from "../api/api-types"
import { runInputFields, runInputs, runInputValue } from "./run-inputs"

const node = (id: string, blockId: string, inputDefault: object, pkg?: string): GraphNode => ({
  id,
  block: pkg === undefined ? { id: blockId } : { id: blockId, package: pkg, version: "1.0.0" },
  inputDefault: { ...inputDefault },
  metadata: {}
})

describe("runInputFields", () => {
  const fields = runInputFields([
    node("key", "AgentInput", { name: "api_key", secret: true }),
    node("n", "AgentInput", { name: "name", title: "Your name", description: "Who to greet", value: "Ada" }),
    node("extra", "AgentInput", { name: "style", advanced: true, placeholder_values: ["formal", 1] }),
    node("dup", "AgentInput", { name: "name" }),
    node("unnamed", "AgentInput", {}),
    node("tpl", "FillTextTemplate", { format: "x" }),
    node("fake", "AgentInput", { name: "plugin" }, "@acme/blocks")
  ])

  it("asks for each named built-in AgentInput once, advanced ones last", () => {
    expect(fields.map((f) => f.name)).toEqual(["api_key", "name", "style"])
  })

  it("describes each input from its node", () => {
    expect(fields[1]).toMatchObject({
      label: "Your name",
      description: "Who to greet",
      defaultValue: "Ada",
      secret: false
    })
    expect(fields[0]).toMatchObject({ label: "api_key", secret: true, defaultValue: undefined })
    expect(fields[2]).toMatchObject({ advanced: true, suggestions: ["formal", "1"] })
  })
})

describe("runInputs", () => {
  const fields = runInputFields([
    node("key", "AgentInput", { name: "api_key", secret: true }),
    node("n", "AgentInput", { name: "count" }),
    node("t", "AgentInput", { name: "text" })
  ])

  it("leaves empty fields out, parses JSON-looking values, keeps secrets as typed", () => {
    expect(
      runInputs(
        fields,
        new Map([
          ["api_key", "123"],
          ["count", "42"],
          ["text", ""]
        ])
      )
    ).toEqual({ api_key: "123", count: 42 })
  })

  it("reads JSON scalars, lists and objects, and everything else as text", () => {
    expect(runInputValue("[1, 2]")).toEqual([1, 2])
    expect(runInputValue("true")).toBe(true)
    expect(runInputValue("null")).toBe("null")
    expect(runInputValue("hello world")).toBe("hello world")
  })
})
