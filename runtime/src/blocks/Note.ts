/**
 * Note: a text annotation on the canvas. It has no outputs and the engine never runs it.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Schema } from "effect"

export const NoteBlock = Block.instant({
  id: "Note",
  version: "1.0.0",
  name: "Note",
  description: "A note on the graph; ignored when the graph runs.",
  categories: ["basic"],
  input: {
    text: Schema.String.pipe(Pin.annotate({ title: "Text" }), Pin.withDefault(""))
  },
  output: {},
  yields: () => []
})
