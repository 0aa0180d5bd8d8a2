import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit, describeBlock } from "@weft/block-sdk"
import { Effect } from "effect"
import { NoteBlock } from "./Note.ts"

describe("Note", () => {
  it.effect("yields nothing", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(NoteBlock, { text: "remember me" }), [])
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(NoteBlock, {}), [])
    })
  )

  it("declares no output pin besides error", () => {
    assert.deepStrictEqual(Object.keys(describeBlock(NoteBlock).outputSchema["properties"] as object), ["error"])
  })
})
