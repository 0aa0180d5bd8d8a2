/**
 * Wait: yields `data` after `seconds`. The delay is an interruptible `Effect.sleep` on Effect's clock, so
 * cancelling the run ends the wait at once and tests can drive it with `TestClock`.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Duration, Effect, Schema, Stream } from "effect"

export const WaitBlock = Block.make({
  id: "Wait",
  version: "1.0.0",
  name: "Wait",
  description: "Passes data on after a delay.",
  categories: ["basic"],
  input: {
    seconds: Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0)).pipe(
      Pin.annotate({ title: "Seconds", description: "How long to wait." })
    ),
    data: Schema.Unknown.pipe(
      Pin.annotate({ title: "Data", description: "The value to pass on." }),
      Pin.withDefault(null)
    )
  },
  output: {
    data: Schema.Unknown.pipe(Pin.annotate({ title: "Data" }))
  },
  run: (input) =>
    Stream.fromEffect(
      Effect.as(Effect.sleep(Duration.seconds(input.seconds)), { pin: "data" as const, value: input.data })
    )
})
