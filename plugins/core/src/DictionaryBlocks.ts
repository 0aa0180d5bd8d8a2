/**
 * Dictionary blocks: keys, values, entries and back, merging, removing a key and testing for one. Keys are
 * taken literally (a key may contain dots; GetPath/SetPath are for paths). New objects are built with
 * `Object.fromEntries`, which defines a `__proto__` key as an ordinary key instead of replacing the prototype.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Schema, Stream } from "effect"
import { isPlainObject } from "./JsonValues.ts"

const Dictionary = Schema.Record(Schema.String, Schema.Unknown)
const dictionaryPin = Dictionary.pipe(Pin.annotate({ title: "Dictionary" }))
const keyPin = Schema.String.pipe(Pin.annotate({ title: "Key" }))
const Entry = Schema.Struct({ key: Schema.String, value: Schema.Unknown })

export const DictKeys = Block.make({
  id: "DictKeys",
  version: "1.0.0",
  name: "Dictionary keys",
  description: "The keys of a dictionary, in its order.",
  categories: ["data"],
  input: { dictionary: dictionaryPin },
  output: { keys: Schema.Array(Schema.String).pipe(Pin.annotate({ title: "Keys" })) },
  run: (input) => Stream.make({ pin: "keys" as const, value: Object.keys(input.dictionary) })
})

export const DictValues = Block.make({
  id: "DictValues",
  version: "1.0.0",
  name: "Dictionary values",
  description: "The values of a dictionary, in its key order.",
  categories: ["data"],
  input: { dictionary: dictionaryPin },
  output: { values: Schema.Array(Schema.Unknown).pipe(Pin.annotate({ title: "Values" })) },
  run: (input) => Stream.make({ pin: "values" as const, value: Object.values(input.dictionary) })
})

export const DictEntries = Block.make({
  id: "DictEntries",
  version: "1.0.0",
  name: "Dictionary entries",
  description: "The dictionary as a list of { key, value } objects.",
  categories: ["data"],
  input: { dictionary: dictionaryPin },
  output: { entries: Schema.Array(Entry).pipe(Pin.annotate({ title: "Entries" })) },
  run: (input) =>
    Stream.make({
      pin: "entries" as const,
      value: Object.entries(input.dictionary).map(([key, value]) => ({ key, value }))
    })
})

export const DictFromEntries = Block.make({
  id: "DictFromEntries",
  version: "1.0.0",
  name: "Dictionary from entries",
  description: "Builds a dictionary from { key, value } objects or [key, value] pairs; a later key wins.",
  categories: ["data"],
  input: {
    entries: Schema.Array(Schema.Union([Entry, Schema.Tuple([Schema.String, Schema.Unknown])])).pipe(
      Pin.annotate({ title: "Entries" })
    )
  },
  output: { dictionary: dictionaryPin },
  run: (input) =>
    Stream.make({
      pin: "dictionary" as const,
      value: Object.fromEntries(input.entries.map((entry) => ("key" in entry ? [entry.key, entry.value] : entry)))
    })
})

/** `target` with `source`'s keys laid over it; with `deep`, objects under the same key are merged too. */
const mergeInto = (
  target: Readonly<Record<string, unknown>>,
  source: Readonly<Record<string, unknown>>,
  deep: boolean
): Record<string, unknown> => {
  const merged = new Map(Object.entries(target))
  for (const [key, value] of Object.entries(source)) {
    const existing = merged.get(key)
    merged.set(key, deep && isPlainObject(existing) && isPlainObject(value) ? mergeInto(existing, value, true) : value)
  }
  return Object.fromEntries(merged)
}

export const DictMerge = Block.make({
  id: "DictMerge",
  version: "1.0.0",
  name: "Merge dictionaries",
  description:
    "Merges dictionaries in order (feed them through dictionaries_$_0, dictionaries_$_1, ...); a later key " +
    "wins. Deep merging also merges dictionaries under the same key; lists are replaced, not joined.",
  categories: ["data"],
  input: {
    dictionaries: Schema.Array(Dictionary).pipe(Pin.annotate({ title: "Dictionaries" })),
    deep: Schema.Boolean.pipe(Pin.annotate({ title: "Deep" }), Pin.withDefault(false))
  },
  output: { dictionary: dictionaryPin },
  run: (input) =>
    Stream.make({
      pin: "dictionary" as const,
      value: input.dictionaries.reduce<Record<string, unknown>>((acc, next) => mergeInto(acc, next, input.deep), {})
    })
})

export const DictRemoveKey = Block.make({
  id: "DictRemoveKey",
  version: "1.0.0",
  name: "Remove dictionary key",
  description: "The dictionary without a key (unchanged when it lacks the key).",
  categories: ["data"],
  input: { dictionary: dictionaryPin, key: keyPin },
  output: { dictionary: dictionaryPin },
  run: (input) =>
    Stream.make({
      pin: "dictionary" as const,
      value: Object.fromEntries(Object.entries(input.dictionary).filter(([key]) => key !== input.key))
    })
})

export const DictHasKey = Block.make({
  id: "DictHasKey",
  version: "1.0.0",
  name: "Dictionary has key",
  description: "Whether a dictionary has a key (its own, whatever the value, null included).",
  categories: ["data"],
  input: { dictionary: dictionaryPin, key: keyPin },
  output: { result: Schema.Boolean.pipe(Pin.annotate({ title: "Result" })) },
  run: (input) => Stream.make({ pin: "result" as const, value: Object.hasOwn(input.dictionary, input.key) })
})
