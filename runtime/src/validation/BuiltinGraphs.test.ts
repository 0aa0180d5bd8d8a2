// Contract check against the real built-in blocks (runtime/src/blocks): the graph-format.md example must
// validate, and the pin names of the built-ins table must be accepted or rejected as that document says.
import { describe, it, assert } from "@effect/vitest"
import { Result } from "effect"
import { BlockRegistry } from "../blocks/BlockRegistry.ts"
import { builtinBlocks } from "../blocks/BuiltinBlocks.ts"
import { decodeGraphFileResult } from "./GraphFile.ts"
import { formatIssue } from "./GraphIssue.ts"
import { validateGraph } from "./GraphValidation.ts"

const registry = BlockRegistry.make({ builtins: builtinBlocks })

const issuesOf = (json: unknown): Array<string> => {
  const decoded = decodeGraphFileResult(json)
  if (Result.isFailure(decoded)) return [decoded.failure.message]
  return validateGraph(decoded.success, registry.resolveSync).map(formatIssue)
}

describe("validation with the built-in blocks", () => {
  it("accepts the graph-format.md greeting example", () => {
    assert.deepStrictEqual(
      issuesOf({
        name: "Greeting",
        description: "Says hello",
        nodes: [
          {
            id: "in",
            block: { id: "AgentInput" },
            inputDefault: { name: "name" },
            metadata: { position: { x: 0, y: 0 } }
          },
          { id: "tpl", block: { id: "FillTextTemplate" }, inputDefault: { format: "Hello {{ name }}" } },
          { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "greeting" } }
        ],
        links: [
          { sourceId: "in", sourceName: "result", sinkId: "tpl", sinkName: "values_#_name" },
          { sourceId: "tpl", sourceName: "output", sinkId: "out", sinkName: "value" }
        ]
      }),
      []
    )
  })

  it("accepts a counting loop through Calculator and Condition", () => {
    assert.deepStrictEqual(
      issuesOf({
        name: "Loop",
        nodes: [
          { id: "start", block: { id: "StoreValue" }, inputDefault: { input: 0 } },
          { id: "inc", block: { id: "Calculator" }, inputDefault: { operation: "Add", b: 1 } },
          { id: "check", block: { id: "Condition" }, inputDefault: { operator: "<", value2: 3 } },
          { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "n" } }
        ],
        links: [
          { sourceId: "start", sourceName: "output", sinkId: "inc", sinkName: "a" },
          { sourceId: "inc", sourceName: "result", sinkId: "check", sinkName: "value1" },
          { sourceId: "check", sourceName: "yes_output", sinkId: "inc", sinkName: "a" },
          { sourceId: "check", sourceName: "no_output", sinkId: "out", sinkName: "value" }
        ]
      }),
      []
    )
  })

  it("rejects a misspelt pin and a string fed into Calculator's number pin", () => {
    const issues = issuesOf({
      name: "Bad",
      nodes: [
        { id: "tpl", block: { id: "FillTextTemplate" }, inputDefault: { format: "x", values: {} } },
        { id: "calc", block: { id: "Calculator" }, inputDefault: { operation: "Add", b: 1 } }
      ],
      links: [
        { sourceId: "tpl", sourceName: "output", sinkId: "calc", sinkName: "a" },
        { sourceId: "tpl", sourceName: "outptu", sinkId: "calc", sinkName: "b" }
      ]
    })
    assert.strictEqual(issues.length, 2, issues.join("\n"))
    assert.match(
      issues[0] ?? "",
      /^\[incompatible_pin\] node "calc": .* carries string, but input "a" of Calculator expects number/
    )
    assert.match(
      issues[1] ?? "",
      /^\[unknown_pin\] node "tpl": link from unknown output pin "outptu" of FillTextTemplate \(did you mean "output"\?/
    )
  })
})
