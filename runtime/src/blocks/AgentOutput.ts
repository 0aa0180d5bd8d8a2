/**
 * AgentOutput: a graph's output. Every value reaching it is yielded on `output` and recorded in the run's
 * `outputs[name]`; a non-empty `format` template is rendered first with `{{ value }}` (TextTemplate).
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Result, Schema } from "effect"
import { renderTemplate } from "./TextTemplate.ts"

export const AgentOutputBlock = Block.instant({
  id: "AgentOutput",
  version: "1.0.0",
  name: "Agent Output",
  description: "An output of the graph; each value it receives is recorded under its name.",
  categories: ["output"],
  input: {
    name: Schema.String.pipe(
      Pin.annotate({ title: "Name", description: "The key of this output in the run's outputs." })
    ),
    value: Schema.Unknown.pipe(Pin.annotate({ title: "Value", description: "The value to record." })),
    title: Pin.optional(Schema.String.pipe(Pin.annotate({ title: "Title" }))),
    description: Pin.optional(Schema.String.pipe(Pin.annotate({ title: "Description" }))),
    format: Pin.optional(
      Schema.String.pipe(
        Pin.annotate({ title: "Format", description: 'A template rendering the value, e.g. "Result: {{ value }}".' }),
        Pin.advanced
      )
    )
  },
  output: {
    output: Schema.Unknown.pipe(Pin.annotate({ title: "Output", description: "The (formatted) value." }))
  },
  yields: (input) => {
    if (input.format === undefined || input.format === "") return [{ pin: "output", value: input.value }]
    const rendered = renderTemplate(input.format, { value: input.value })
    return Result.isFailure(rendered)
      ? new BlockError({ message: rendered.failure, retryable: false })
      : [{ pin: "output", value: rendered.success }]
  }
})
