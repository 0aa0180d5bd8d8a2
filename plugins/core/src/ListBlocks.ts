/**
 * List blocks: append, get, length, slice, concatenate, find, sort, deduplicate and reverse. Every block
 * returns a new list and leaves its input as it was (the same value may have gone to other nodes too). Items
 * are compared by content (JsonValues), so `{ "a": 1 }` is found in a list that holds an equal object.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Effect, Schema, Stream } from "effect"
import { canonicalJson, describeType, jsonEqual } from "./JsonValues.ts"
import { getAt, parsePath } from "./ValuePath.ts"

const List = Schema.Array(Schema.Unknown)
const listPin = List.pipe(Pin.annotate({ title: "List" }))
const itemPin = Schema.Unknown.pipe(Pin.annotate({ title: "Item" }))
const keyPin = Schema.String.pipe(
  Pin.annotate({
    title: "Key path",
    description: "Compare items by the value at this dotted path (e.g. user.age) instead of the whole item.",
    placeholder: "user.age"
  })
)

const invalid = (message: string) => new BlockError({ message, retryable: false })

export const ListAppend = Block.make({
  id: "ListAppend",
  version: "1.0.0",
  name: "Append to list",
  description: "Returns the list with an item added at the end.",
  categories: ["data"],
  input: { list: listPin.pipe(Pin.withDefault([])), item: itemPin },
  output: { list: listPin },
  run: (input) => Stream.make({ pin: "list" as const, value: [...input.list, input.item] })
})

export const ListGetItem = Block.make({
  id: "ListGetItem",
  version: "1.0.0",
  name: "Get list item",
  description: "The item at an index; negative indexes count from the end (-1 is the last). Fails when out of range.",
  categories: ["data"],
  input: { list: listPin, index: Schema.Int.pipe(Pin.annotate({ title: "Index" }), Pin.withDefault(0)) },
  output: { item: itemPin },
  run: (input) => {
    const position = input.index < 0 ? input.list.length + input.index : input.index
    return position >= 0 && position < input.list.length
      ? Stream.make({ pin: "item" as const, value: input.list[position] })
      : Stream.fail(invalid(`Index ${input.index} is out of range for a list of ${input.list.length} items`))
  }
})

export const ListLength = Block.make({
  id: "ListLength",
  version: "1.0.0",
  name: "List length",
  description: "The number of items in a list.",
  categories: ["data"],
  input: { list: listPin },
  output: { length: Schema.Int.pipe(Pin.annotate({ title: "Length" })) },
  run: (input) => Stream.make({ pin: "length" as const, value: input.list.length })
})

export const ListSlice = Block.make({
  id: "ListSlice",
  version: "1.0.0",
  name: "Slice list",
  description: "The items from `start` up to, not including, `end`; negative positions count from the end.",
  categories: ["data"],
  input: {
    list: listPin,
    start: Schema.Int.pipe(Pin.annotate({ title: "Start" }), Pin.withDefault(0)),
    end: Pin.optional(Schema.Int.pipe(Pin.annotate({ title: "End", description: "Up to the end when unset." })))
  },
  output: { list: listPin },
  run: (input) => Stream.make({ pin: "list" as const, value: input.list.slice(input.start, input.end) })
})

export const ListConcat = Block.make({
  id: "ListConcat",
  version: "1.0.0",
  name: "Concatenate lists",
  description: "Joins lists into one, in order (feed them through lists_$_0, lists_$_1, ...).",
  categories: ["data"],
  input: { lists: Schema.Array(List).pipe(Pin.annotate({ title: "Lists" })) },
  output: { list: listPin },
  run: (input) => Stream.make({ pin: "list" as const, value: input.lists.flat() })
})

export const ListIndexOf = Block.make({
  id: "ListIndexOf",
  version: "1.0.0",
  name: "Find in list",
  description: "Whether a list contains an item (compared by content) and the index of its first occurrence (-1).",
  categories: ["data"],
  input: { list: listPin, item: itemPin },
  output: {
    index: Schema.Int.pipe(Pin.annotate({ title: "Index", description: "-1 when the list lacks the item." })),
    found: Schema.Boolean.pipe(Pin.annotate({ title: "Found" }))
  },
  run: (input) => {
    const index = input.list.findIndex((candidate) => jsonEqual(candidate, input.item))
    return Stream.make({ pin: "index" as const, value: index }, { pin: "found" as const, value: index >= 0 })
  }
})

/** Each item with the value it is compared by: the item itself, or the value at the key path. */
const keyed = (list: ReadonlyArray<unknown>, key: string | undefined) =>
  Effect.gen(function* () {
    if (key === undefined) return list.map((item) => ({ item, key: item }))
    const path = yield* parsePath(key)
    return yield* Effect.forEach(list, (item, index) => {
      const value = getAt(item, path)
      return value === undefined
        ? Effect.fail(invalid(`Item ${index} has no value at key path "${key}"`))
        : Effect.succeed({ item, key: value })
    })
  })

/** Compares item indexes by their keys: numbers numerically, strings by code unit; nothing else can be sorted. */
const sortKeys = (keys: ReadonlyArray<unknown>): Effect.Effect<(a: number, b: number) => number, BlockError> => {
  if (keys.every((k) => typeof k === "number")) return Effect.succeed((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0))
  if (keys.every((k) => typeof k === "string")) {
    return Effect.succeed((a, b) => {
      const x = keys[a] ?? ""
      const y = keys[b] ?? ""
      return x < y ? -1 : x > y ? 1 : 0
    })
  }
  const odd = keys.findIndex((k) => typeof k !== "number" && typeof k !== "string")
  return Effect.fail(
    invalid(
      odd >= 0
        ? `Cannot sort: item ${odd} is compared as a ${describeType(keys[odd])}; only numbers or strings can be sorted`
        : "Cannot sort a list that mixes numbers and strings"
    )
  )
}

const Order = Schema.Literals(["ascending", "descending"])

export const ListSort = Block.make({
  id: "ListSort",
  version: "1.0.0",
  name: "Sort list",
  description:
    'Sorts numbers, or strings by character code (case-sensitive: "B" before "a"), optionally by a key path. ' +
    "Equal items keep their order. Fails when the items are not all numbers or all strings.",
  categories: ["data"],
  input: {
    list: listPin,
    key: Pin.optional(keyPin),
    order: Order.pipe(Pin.annotate({ title: "Order" }), Pin.withDefault("ascending"))
  },
  output: { list: listPin },
  run: (input) =>
    Stream.fromEffect(
      Effect.gen(function* () {
        const items = yield* keyed(input.list, input.key)
        const compare = yield* sortKeys(items.map(({ key }) => key))
        const direction = input.order === "ascending" ? 1 : -1
        const order = items.map((_, index) => index).sort((a, b) => direction * compare(a, b))
        return { pin: "list" as const, value: order.map((index) => items[index]?.item) }
      })
    )
})

export const ListUnique = Block.make({
  id: "ListUnique",
  version: "1.0.0",
  name: "Remove duplicates",
  description: "Keeps the first of items that are equal by content, or that have an equal value at a key path.",
  categories: ["data"],
  input: { list: listPin, key: Pin.optional(keyPin) },
  output: { list: listPin },
  run: (input) =>
    Stream.fromEffect(
      Effect.map(keyed(input.list, input.key), (items) => {
        const seen = new Set<string>()
        const unique = items.filter(({ key }) => {
          const text = canonicalJson(key)
          if (seen.has(text)) return false
          seen.add(text)
          return true
        })
        return { pin: "list" as const, value: unique.map(({ item }) => item) }
      })
    )
})

export const ListReverse = Block.make({
  id: "ListReverse",
  version: "1.0.0",
  name: "Reverse list",
  description: "The items in reverse order.",
  categories: ["data"],
  input: { list: listPin },
  output: { list: listPin },
  run: (input) => Stream.make({ pin: "list" as const, value: [...input.list].reverse() })
})
