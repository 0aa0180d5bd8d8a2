import { HttpErrorResponse } from "@angular/common/http"
import { describe, expect, it } from "vitest"
import { graphProblemsOf, withoutNodePrefix } from "./graph-problems"

const problem = (status: number, body: object) => new HttpErrorResponse({ status, error: body })

const submitted = {
  nodes: [{ id: "in" }, { id: "tpl" }, { id: "out" }],
  links: [{ id: "in:result->tpl:values_#_name" }, { id: "tpl:output->out:value" }]
}

describe("graphProblemsOf", () => {
  it("puts an invalid graph's issues on their nodes and pins", () => {
    const problems = graphProblemsOf(
      problem(422, {
        type: "https://weft.dev/problems/invalid-graph",
        status: 422,
        title: "Invalid graph",
        detail: 'graph is invalid (2 issues):\n  [missing_input] node "tpl": ...',
        issues: [
          {
            nodeId: "tpl",
            pin: "format",
            code: "missing_input",
            message: 'node "tpl": required input "format" of FillTextTemplate has no default value and no inbound link'
          },
          {
            nodeId: "out",
            linkId: "link-1",
            pin: "value",
            code: "incompatible_pin",
            message: 'node "out": link "link-1" carries string, but input "value" expects number'
          }
        ],
        fileProblems: []
      }),
      submitted
    )
    expect(problems?.title).toBe("graph is invalid")
    expect(problems?.entries).toHaveLength(2)
    expect(problems?.byNode.get("tpl")?.pins.get("format")).toEqual([
      'required input "format" of FillTextTemplate has no default value and no inbound link'
    ])
    expect(problems?.byNode.get("out")?.messages).toHaveLength(1)
    // The server's `link-1` is the second link sent, which the editor knows by its own id.
    expect([...(problems?.byLink.keys() ?? [])]).toEqual(["tpl:output->out:value"])
    expect(problems?.byNode.has("in")).toBe(false)
  })

  it("places file problems by their path in what was sent", () => {
    const problems = graphProblemsOf(
      problem(422, {
        detail: "invalid graph file",
        issues: [],
        fileProblems: [
          { path: "nodes[1].inputDefault.format", message: "Expected string" },
          { path: "links[0].sinkName", message: "Expected a non-empty string" },
          { path: "", message: "Unexpected token" }
        ]
      }),
      submitted
    )
    expect(problems?.entries.map((e) => [e.nodeId, e.pin, e.linkId])).toEqual([
      ["tpl", "format", undefined],
      [undefined, undefined, "in:result->tpl:values_#_name"],
      [undefined, undefined, undefined]
    ])
    expect(problems?.byNode.get("tpl")?.pins.get("format")).toEqual(["nodes[1].inputDefault.format: Expected string"])
  })

  it("reads a rejected run's node errors and unknown inputs", () => {
    const problems = graphProblemsOf(
      problem(422, {
        type: "https://weft.dev/problems/run-rejected",
        detail: "the run was rejected",
        nodeErrors: { in: ['value: Expected number, got "x"'] },
        unknownInputs: ["nmae"]
      }),
      submitted
    )
    expect(problems?.byNode.get("in")?.messages).toEqual(['value: Expected number, got "x"'])
    expect(problems?.entries.map((e) => e.message)).toContain('No AgentInput node is named "nmae"')
  })

  it("is null for failures that say nothing about the graph", () => {
    expect(graphProblemsOf(problem(404, { detail: 'graph "g" does not exist' }), submitted)).toBeNull()
    expect(graphProblemsOf(new HttpErrorResponse({ status: 0 }), submitted)).toBeNull()
    expect(graphProblemsOf(new Error("boom"), submitted)).toBeNull()
  })
})

describe("withoutNodePrefix", () => {
  it("drops only the node's own prefix", () => {
    expect(withoutNodePrefix('node "a": broken', "a")).toBe("broken")
    expect(withoutNodePrefix('node "b": broken', "a")).toBe('node "b": broken')
  })
})
