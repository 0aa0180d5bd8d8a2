/**
 * FillTextTemplate: renders `format` with `values` (`{{ name }}`, `{{ a.b }}`), fed one key at a time by
 * `values_#_<key>` links. The template language is TextTemplate's: safe on untrusted templates.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Result, Schema } from "effect"
import { renderTemplate } from "./TextTemplate.ts"

export const FillTextTemplateBlock = Block.instant({
  id: "FillTextTemplate",
  version: "1.0.0",
  name: "Fill Text Template",
  description: "Fills {{ placeholders }} in a text from a dictionary of values.",
  categories: ["text"],
  input: {
    format: Schema.String.pipe(
      Pin.annotate({
        title: "Format",
        description: 'The template, e.g. "Hello {{ name }}".',
        placeholder: "Hello {{ name }}"
      })
    ),
    values: Schema.Record(Schema.String, Schema.Unknown).pipe(
      Pin.annotate({ title: "Values", description: "The values the placeholders name." }),
      Pin.withDefault({})
    )
  },
  output: {
    output: Schema.String.pipe(Pin.annotate({ title: "Output", description: "The rendered text." }))
  },
  yields: (input) => {
    const rendered = renderTemplate(input.format, input.values)
    return Result.isFailure(rendered)
      ? new BlockError({ message: rendered.failure, retryable: false })
      : [{ pin: "output", value: rendered.success }]
  }
})
