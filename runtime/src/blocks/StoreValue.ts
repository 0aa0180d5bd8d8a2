/**
 * StoreValue: holds a value for re-use. Its output is static, so whatever it yields is kept on its links and
 * fed to every later execution downstream. Yields `data` when given (not null), else `input`.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Schema } from "effect"

export const StoreValueBlock = Block.instant({
  id: "StoreValue",
  version: "1.0.0",
  name: "Store Value",
  description: "Forwards a value and keeps it available to every later execution downstream.",
  categories: ["basic"],
  input: {
    input: Schema.Unknown.pipe(
      Pin.annotate({ title: "Input", description: "Triggers the block; forwarded when data is unset." })
    ),
    data: Pin.optional(
      Schema.Unknown.pipe(Pin.annotate({ title: "Data", description: "The value to store, if not the input." }))
    )
  },
  output: {
    output: Schema.Unknown.pipe(Pin.annotate({ title: "Output", description: "The stored value." }))
  },
  staticOutput: true,
  yields: (input) => [
    { pin: "output", value: input.data === undefined || input.data === null ? input.input : input.data }
  ]
})
