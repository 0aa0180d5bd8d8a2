/**
 * CreateDictionary: yields its `values` as one object. The engine assembles `values` from `values_#_<key>`
 * links (semantics.md "Dynamic pins") before the block runs.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Schema } from "effect"

export const CreateDictionaryBlock = Block.instant({
  id: "CreateDictionary",
  version: "1.0.0",
  name: "Create Dictionary",
  description: "Collects key/value pairs into an object.",
  categories: ["basic"],
  input: {
    values: Schema.Record(Schema.String, Schema.Unknown).pipe(
      Pin.annotate({ title: "Values", description: "The object's entries." })
    )
  },
  output: {
    dictionary: Schema.Record(Schema.String, Schema.Unknown).pipe(Pin.annotate({ title: "Dictionary" }))
  },
  yields: (input) => [{ pin: "dictionary", value: input.values }]
})
