import { HttpErrorResponse } from "@angular/common/http"
import { describe, expect, it } from "vitest"
import { graphsUsingPackage, problemLines } from "./problem-details"

const failure = (status: number, body: unknown) => new HttpErrorResponse({ status, statusText: "x", error: body })

describe("problemLines", () => {
  it("lists an invalid graph's file problems with positions and its issues with their node", () => {
    const lines = problemLines(
      failure(422, {
        title: "Invalid graph",
        detail: "graph is invalid",
        fileProblems: [
          { path: "nodes[0].blok", message: "unknown field" },
          { path: "", message: "Unexpected token", line: 3, column: 7 }
        ],
        issues: [
          { nodeId: "tpl", pin: "format", code: "missing_input", message: "required input is not set" },
          { nodeId: "x", code: "unknown_block", message: 'node "x": block "Nope" does not exist' }
        ]
      })
    )
    expect(lines).toEqual([
      "nodes[0].blok: unknown field",
      "Unexpected token (line 3, column 7)",
      'node "tpl", pin "format": required input is not set',
      'node "x": block "Nope" does not exist'
    ])
  })

  it("turns request schema errors into paths without the request slot", () => {
    const lines = problemLines(
      failure(400, {
        detail: "Request validation failed",
        errors: [{ path: ["payload", "nodes", 2, "block", "id"], message: "Expected a string" }]
      })
    )
    expect(lines).toEqual(["nodes[2].block.id: Expected a string"])
  })

  it("is empty for failures without a list, or that are not HTTP problems", () => {
    expect(problemLines(failure(404, { detail: "gone" }))).toEqual([])
    expect(problemLines(new Error("boom"))).toEqual([])
  })
})

describe("graphsUsingPackage", () => {
  const inUse = {
    detail: "@acme/echo@1.0.0 is used by active graphs",
    package: "@acme/echo",
    version: "1.0.0",
    graphs: [{ id: "g1", version: 2, name: "Echoes" }, { id: "bad" }]
  }

  it("reads the well-formed graphs of a 409 package-in-use problem", () => {
    expect(graphsUsingPackage(failure(409, inUse))).toEqual([{ id: "g1", version: 2, name: "Echoes" }])
  })

  it("ignores other statuses", () => {
    expect(graphsUsingPackage(failure(404, inUse))).toEqual([])
  })
})
