import { describe, it, assert } from "@effect/vitest"
import { Effect, Result } from "effect"
import { NodeId } from "../model/Ids.ts"
import {
  decodeGraphFile,
  decodeGraphFileResult,
  encodeGraphFile,
  formatGraphFileProblem,
  GraphFileError,
  parseGraphFileTextResult
} from "./GraphFile.ts"

const greeting = {
  id: "0b7e2c1a-6f2d-4c1e-9a51-3f1d2f9b8e10",
  version: 1,
  name: "Greeting",
  description: "Says hello",
  nodes: [
    { id: "in", block: { id: "AgentInput" }, inputDefault: { name: "name" }, metadata: { position: { x: 0, y: 0 } } },
    { id: "tpl", block: { id: "FillTextTemplate" }, inputDefault: { format: "Hello {{ name }}" } },
    { id: "out", block: { id: "AgentOutput" }, inputDefault: { name: "greeting" } }
  ],
  links: [
    { sourceId: "in", sourceName: "result", sinkId: "tpl", sinkName: "values_#_name" },
    { sourceId: "tpl", sourceName: "output", sinkId: "out", sinkName: "value" }
  ]
}

const problemsOf = (json: unknown): Array<string> => {
  const result = decodeGraphFileResult(json)
  assert.isTrue(Result.isFailure(result), "expected the file to be rejected")
  return Result.isFailure(result) ? result.failure.problems.map(formatGraphFileProblem) : []
}

describe("decodeGraphFile", () => {
  it("decodes the graph-format.md example and fills defaults", () => {
    const result = decodeGraphFileResult(greeting)
    assert.isTrue(Result.isSuccess(result))
    if (!Result.isSuccess(result)) return
    const graph = result.success
    assert.strictEqual(graph.id, greeting.id)
    assert.strictEqual(graph.version, 1)
    assert.deepStrictEqual(graph.nodes[1], {
      id: NodeId.make("tpl"),
      block: { id: "FillTextTemplate" },
      inputDefault: { format: "Hello {{ name }}" },
      metadata: {}
    })
    assert.deepStrictEqual(graph.nodes[0]?.metadata, { position: { x: 0, y: 0 } })
    assert.deepStrictEqual(
      graph.links.map((l) => [l.id, l.isStatic]),
      [
        ["link-0", false],
        ["link-1", false]
      ]
    )
  })

  it("treats id, version, description and links as optional", () => {
    const result = decodeGraphFileResult({ name: "Empty", nodes: [{ id: "n", block: { id: "Note" } }] })
    assert.isTrue(Result.isSuccess(result))
    if (!Result.isSuccess(result)) return
    assert.isUndefined(result.success.id)
    assert.isUndefined(result.success.version)
    assert.strictEqual(result.success.description, "")
    assert.deepStrictEqual(result.success.links, [])
  })

  it("keeps explicit link ids and isStatic, and does not reuse a taken id for a generated one", () => {
    const result = decodeGraphFileResult({
      ...greeting,
      links: [
        { sourceId: "in", sourceName: "result", sinkId: "tpl", sinkName: "values_#_name" },
        { id: "link-0", sourceId: "tpl", sourceName: "output", sinkId: "out", sinkName: "value", isStatic: true }
      ]
    })
    assert.isTrue(Result.isSuccess(result))
    if (!Result.isSuccess(result)) return
    assert.deepStrictEqual(
      result.success.links.map((l) => [l.id, l.isStatic]),
      [
        ["link-0-2", false],
        ["link-0", true]
      ]
    )
  })

  it("decodes a plugin block reference", () => {
    const result = decodeGraphFileResult({
      name: "P",
      nodes: [{ id: "s", block: { package: "@acme/shout", version: "1.2.3", id: "Shout" } }]
    })
    assert.isTrue(Result.isSuccess(result))
    if (Result.isSuccess(result)) {
      assert.deepStrictEqual(result.success.nodes[0]?.block, { package: "@acme/shout", version: "1.2.3", id: "Shout" })
    }
  })

  it("rejects an unknown node field with its exact path and a suggestion", () => {
    const nodes = [...greeting.nodes, { id: "x", blok: { id: "Note" } }]
    const problems = problemsOf({ ...greeting, nodes })
    assert.isTrue(
      problems.some((p) => p.startsWith(`nodes[3].blok: unknown field, did you mean "block"?`)),
      problems.join("\n")
    )
    assert.isTrue(problems.includes("nodes[3].block: missing required field"), problems.join("\n"))
  })

  it("rejects unknown top-level, link and block-reference fields", () => {
    const problems = problemsOf({
      ...greeting,
      nmae: "typo",
      links: [{ ...greeting.links[0], static: true }],
      nodes: [{ id: "in", block: { id: "AgentInput", versoin: "1" } }]
    })
    assert.isTrue(
      problems.some((p) => p.startsWith("nmae: unknown field")),
      problems.join("\n")
    )
    assert.isTrue(
      problems.some((p) => p.startsWith("links[0].static: unknown field")),
      problems.join("\n")
    )
    assert.isTrue(
      problems.some((p) => p.startsWith(`nodes[0].block.versoin: unknown field, did you mean "version"?`)),
      problems.join("\n")
    )
  })

  it("lets metadata and inputDefault hold anything", () => {
    const result = decodeGraphFileResult({
      name: "M",
      nodes: [
        {
          id: "n",
          block: { id: "Note" },
          inputDefault: { anything: [1, { deep: true }] },
          metadata: { whatever: 1, position: "x" }
        }
      ]
    })
    assert.isTrue(Result.isSuccess(result))
  })

  it("reports wrong types and empty ids with paths", () => {
    const problems = problemsOf({ name: 3, nodes: [{ id: "", block: { id: "Note" } }], links: {} })
    assert.isTrue(
      problems.some((p) => p.startsWith("name: Expected string, got number 3")),
      problems.join("\n")
    )
    assert.isTrue(
      problems.some((p) => p.startsWith("nodes[0].id:")),
      problems.join("\n")
    )
    assert.isTrue(
      problems.some((p) => p.startsWith("links: Expected array, got an object")),
      problems.join("\n")
    )
  })

  it("rejects a plugin package without a version", () => {
    const problems = problemsOf({ name: "P", nodes: [{ id: "s", block: { package: "@acme/shout", id: "Shout" } }] })
    assert.deepStrictEqual(problems, [
      `nodes[0].block.version: missing required field (package "@acme/shout" needs a version)`
    ])
  })

  it("rejects a document that is not an object", () => {
    const problems = problemsOf([1, 2])
    assert.strictEqual(problems.length, 1)
  })

  it.effect("is available as an Effect failing with GraphFileError", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(decodeGraphFile({ nodes: [] }))
      assert.instanceOf(error, GraphFileError)
      assert.deepStrictEqual(error.problems.map(formatGraphFileProblem), ["name: missing required field"])
      assert.include(error.message, "name: missing required field")
    })
  )
})

describe("parseGraphFileText", () => {
  it("reports malformed JSON with line and column", () => {
    const text = `{\n  "name": "x",\n  "nodes": [\n    { "id": "a" "block": {} }\n  ]\n}`
    const result = parseGraphFileTextResult(text)
    assert.isTrue(Result.isFailure(result))
    if (!Result.isFailure(result)) return
    const [problem] = result.failure.problems
    assert.strictEqual(problem?.line, 4)
    assert.strictEqual(problem?.column, 17)
    assert.match(problem?.message ?? "", /^malformed JSON at line 4, column 17/)
  })

  it("reports empty text", () => {
    const result = parseGraphFileTextResult("  ")
    assert.isTrue(Result.isFailure(result))
    if (Result.isFailure(result)) assert.match(result.failure.problems[0]?.message ?? "", /^malformed JSON/)
  })

  it("decodes valid text", () => {
    const result = parseGraphFileTextResult(JSON.stringify(greeting, null, 2))
    assert.isTrue(Result.isSuccess(result))
  })
})

describe("encodeGraphFile", () => {
  it("round-trips a decoded graph and drops store-only fields", () => {
    const decoded = decodeGraphFileResult(greeting)
    assert.isTrue(Result.isSuccess(decoded))
    if (!Result.isSuccess(decoded)) return
    const stored = { ...decoded.success, isActive: true, ownerId: "u1", createdAt: "2025-01-01T00:00:00Z" }
    const file = encodeGraphFile(stored)
    assert.deepStrictEqual(Object.keys(file), ["id", "version", "name", "description", "nodes", "links"])
    assert.isUndefined(file.nodes[1]?.metadata)
    assert.deepStrictEqual(file.links?.[0], {
      id: "link-0",
      sourceId: "in",
      sourceName: "result",
      sinkId: "tpl",
      sinkName: "values_#_name",
      isStatic: false
    })
    const again = decodeGraphFileResult(JSON.parse(JSON.stringify(file)))
    assert.isTrue(Result.isSuccess(again))
    if (Result.isSuccess(again)) assert.deepStrictEqual(again.success, decoded.success)
  })
})
