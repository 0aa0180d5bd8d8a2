/**
 * StepThroughItems: iterates a collection, yielding `item` then `key` for each element (the index for a
 * list, the key for an object). The collection comes from the first of `items` (list), `items_object`
 * (object) or `items_str` (JSON text of a list or object) that is given and non-empty.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Result, Schema } from "effect"

type Collection = ReadonlyArray<unknown> | Readonly<Record<string, unknown>>

const JsonCollection = Schema.fromJsonString(
  Schema.Union([Schema.Array(Schema.Unknown), Schema.Record(Schema.String, Schema.Unknown)])
)
const decodeJsonCollection = Schema.decodeUnknownResult(JsonCollection)

const isEmpty = (collection: Collection): boolean =>
  Array.isArray(collection) ? collection.length === 0 : Object.keys(collection).length === 0

type ElementYield =
  | { readonly pin: "item"; readonly value: unknown }
  | { readonly pin: "key"; readonly value: string | number }

const elements = (collection: Collection): Array<ElementYield> => {
  const entries: ReadonlyArray<readonly [string | number, unknown]> = Array.isArray(collection)
    ? collection.map((item, index) => [index, item] as const)
    : Object.entries(collection)
  return entries.flatMap(
    ([key, item]): Array<ElementYield> => [
      { pin: "item", value: item },
      { pin: "key", value: key }
    ]
  )
}

export const StepThroughItemsBlock = Block.instant({
  id: "StepThroughItems",
  version: "1.0.0",
  name: "Step Through Items",
  description: "Yields each element of a list or object, with its index or key.",
  categories: ["logic"],
  input: {
    items: Pin.optional(Schema.Array(Schema.Unknown).pipe(Pin.annotate({ title: "Items", description: "A list." }))),
    items_object: Pin.optional(
      Schema.Record(Schema.String, Schema.Unknown).pipe(
        Pin.annotate({ title: "Items object", description: "An object." })
      )
    ),
    items_str: Pin.optional(
      Schema.String.pipe(
        Pin.annotate({ title: "Items (JSON)", description: "A list or object as JSON text." }),
        Pin.advanced
      )
    )
  },
  output: {
    item: Schema.Unknown.pipe(Pin.annotate({ title: "Item" })),
    key: Schema.Union([Schema.Finite, Schema.String]).pipe(Pin.annotate({ title: "Key", description: "Index or key." }))
  },
  yields: (input) => {
    if (input.items !== undefined && !isEmpty(input.items)) return elements(input.items)
    if (input.items_object !== undefined && !isEmpty(input.items_object)) {
      return elements(input.items_object)
    }
    if (input.items_str === undefined || input.items_str.trim() === "") return []
    const parsed = decodeJsonCollection(input.items_str)
    return Result.isFailure(parsed)
      ? new BlockError({
          message: `items_str is not a JSON list or object: ${parsed.failure.message}`,
          retryable: false
        })
      : elements(parsed.success)
  }
})
