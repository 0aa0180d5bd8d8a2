import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { Effect, Exit, Fiber, Schema } from "effect"
import { TestClock } from "effect/testing"
import { WaitBlock } from "./Wait.ts"

describe("Wait", () => {
  it.effect("yields data only once the delay has passed", () =>
    Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(BlockTestKit.runBlock(WaitBlock, { seconds: 5, data: { x: 1 } }))
      yield* TestClock.adjust("4 seconds")
      assert.isUndefined(fiber.pollUnsafe(), "still waiting after 4 of 5 seconds")
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual(yield* Fiber.join(fiber), [{ pin: "data", value: { x: 1 } }])
    })
  )

  it.effect("waits fractions of a second and defaults data to null", () =>
    Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(BlockTestKit.runBlock(WaitBlock, { seconds: 0.5 }))
      yield* TestClock.adjust("500 millis")
      assert.deepStrictEqual(yield* Fiber.join(fiber), [{ pin: "data", value: null }])
    })
  )

  it.effect("yields at once for zero seconds", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* BlockTestKit.runBlock(WaitBlock, { seconds: 0, data: "now" }), [
        { pin: "data", value: "now" }
      ])
    })
  )

  it.effect("is interrupted without yielding", () =>
    Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(BlockTestKit.runBlock(WaitBlock, { seconds: 3600, data: 1 }))
      yield* TestClock.adjust("1 second")
      yield* Fiber.interrupt(fiber)
      const exit = yield* Fiber.await(fiber)
      assert.isTrue(Exit.hasInterrupts(exit))
    })
  )

  it.effect("rejects negative or missing seconds", () =>
    Effect.gen(function* () {
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(BlockTestKit.runBlock(WaitBlock, { seconds: -1 }))))
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(BlockTestKit.runBlock(WaitBlock, { data: 1 }))))
    })
  )
})
