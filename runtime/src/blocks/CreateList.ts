/**
 * CreateList: yields its `values` as one list. The engine assembles `values` from `values_$_<n>` links
 * (semantics.md "Dynamic pins") before the block runs.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Schema } from "effect"

export const CreateListBlock = Block.instant({
  id: "CreateList",
  version: "1.0.0",
  name: "Create List",
  description: "Collects values into a list.",
  categories: ["basic"],
  input: {
    values: Schema.Array(Schema.Unknown).pipe(Pin.annotate({ title: "Values", description: "The list's elements." }))
  },
  output: {
    list: Schema.Array(Schema.Unknown).pipe(Pin.annotate({ title: "List" }))
  },
  yields: (input) => [{ pin: "list", value: input.values }]
})
