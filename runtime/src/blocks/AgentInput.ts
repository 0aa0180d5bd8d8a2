/**
 * AgentInput: a graph's input. The engine sets `value` from the run's `inputs[name]` (or the node's default);
 * the block yields it on `result` only when there is one. The other pins describe the input for the graph's
 * derived input schema and the studio. Static output: every later execution downstream re-uses the value.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Schema } from "effect"

export const AgentInputBlock = Block.instant({
  id: "AgentInput",
  version: "1.0.0",
  name: "Agent Input",
  description: "An input of the graph, supplied when the graph is run.",
  categories: ["input"],
  input: {
    name: Schema.String.pipe(
      Pin.annotate({ title: "Name", description: "The key of this input in the run's inputs." })
    ),
    value: Pin.optional(Schema.Unknown.pipe(Pin.annotate({ title: "Value", description: "The value, or a default." }))),
    title: Pin.optional(Schema.String.pipe(Pin.annotate({ title: "Title", description: "Label shown to users." }))),
    description: Pin.optional(Schema.String.pipe(Pin.annotate({ title: "Description" }))),
    placeholder_values: Pin.optional(
      Schema.Array(Schema.Unknown).pipe(
        Pin.annotate({ title: "Placeholder values", description: "Suggested values offered to users." }),
        Pin.advanced
      )
    ),
    advanced: Schema.Boolean.pipe(
      Pin.annotate({ title: "Advanced", description: "Hide this input under advanced settings." }),
      Pin.advanced,
      Pin.withDefault(false)
    ),
    secret: Schema.Boolean.pipe(
      Pin.annotate({ title: "Secret", description: "Mask this input's value." }),
      Pin.advanced,
      Pin.withDefault(false)
    )
  },
  output: {
    result: Schema.Unknown.pipe(Pin.annotate({ title: "Result", description: "The input's value." }))
  },
  staticOutput: true,
  yields: (input) => (input.value === undefined || input.value === null ? [] : [{ pin: "result", value: input.value }])
})
