import { describe, it, assert } from "@effect/vitest"
import { closestName } from "./ClosestName.ts"

describe("closestName", () => {
  it("suggests typos, swaps included", () => {
    assert.strictEqual(closestName("blok", ["id", "block", "metadata"]), "block")
    assert.strictEqual(closestName("nmae", ["id", "name", "nodes"]), "name")
    assert.strictEqual(closestName("valuez", ["format", "values"]), "values")
  })

  it("suggests nothing for unrelated names", () => {
    assert.isUndefined(closestName("zzz", ["format", "values"]))
    assert.isUndefined(closestName("x", []))
  })
})
