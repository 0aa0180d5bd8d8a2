import { describe, it, assert } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import { decodeGraphFileResult, encodeGraphFile, parseGraphFileTextResult } from "./GraphFile.ts"

const name = fc.string({ minLength: 1, maxLength: 8 })
const fileNode = fc.record(
  {
    id: name,
    block: fc.oneof(fc.record({ id: name }), fc.record({ package: name, version: name, id: name })),
    inputDefault: fc.dictionary(name, fc.jsonValue()),
    metadata: fc.dictionary(name, fc.jsonValue())
  },
  { requiredKeys: ["id", "block"] }
)
const fileLink = fc.record(
  { id: name, sourceId: name, sourceName: name, sinkId: name, sinkName: name, isStatic: fc.boolean() },
  { requiredKeys: ["sourceId", "sourceName", "sinkId", "sinkName"] }
)
const file = fc.record(
  {
    name: fc.string(),
    description: fc.string(),
    version: fc.integer({ min: 1, max: 100 }),
    nodes: fc.array(fileNode, { maxLength: 5 }),
    links: fc.array(fileLink, { maxLength: 5 })
  },
  { requiredKeys: ["name", "nodes"] }
)

describe("graph file properties", () => {
  it("decodes every well-formed file, and export then import is the identity on the normalised graph", () => {
    fc.assert(
      fc.property(file, (generated) => {
        // Files are JSON text: start from what survives JSON (no -0), as export output does.
        const json: typeof generated = JSON.parse(JSON.stringify(generated))
        const decoded = decodeGraphFileResult(json)
        assert.isTrue(Result.isSuccess(decoded))
        if (!Result.isSuccess(decoded)) return
        const again = decodeGraphFileResult(JSON.parse(JSON.stringify(encodeGraphFile(decoded.success))))
        assert.isTrue(Result.isSuccess(again))
        if (Result.isSuccess(again)) assert.deepStrictEqual(again.success, decoded.success)
        // Generated ids never collide with each other or with explicit ones.
        const explicit = (json.links ?? []).flatMap((l) => (l.id === undefined ? [] : [l.id]))
        if (new Set(explicit).size === explicit.length) {
          assert.strictEqual(new Set(decoded.success.links.map((l) => l.id)).size, decoded.success.links.length)
        }
      })
    )
  })

  it("never throws on arbitrary JSON or text, only fails with problems", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = decodeGraphFileResult(json)
        if (Result.isFailure(result)) assert.isAbove(result.failure.problems.length, 0)
      })
    )
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseGraphFileTextResult(text)
        if (Result.isFailure(result)) assert.isAbove(result.failure.problems.length, 0)
      })
    )
  })
})
