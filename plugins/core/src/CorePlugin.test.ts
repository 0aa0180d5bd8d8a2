/** `@weft/blocks-core` as users get it: built, `npm publish`ed to a registry, installed, run in the sandbox. */
import { assert, describe, it } from "@effect/vitest"
import { loadPlugin } from "@weft/plugin-host"
import { buildPluginPackage } from "@weft/plugin-host/testing"
import { installPackage } from "@weft/registry"
import { npmPublish, testRegistry } from "@weft/registry/testing"
import { type AnyBlock, BlockError, BlockTestKit, describeBlock } from "@weft/block-sdk"
import { Clock, Effect } from "effect"
import * as NodePath from "node:path"
import * as CoreBlocks from "./index.ts"

/** One call of every block, with what it yields: run in the sandbox, each proves its pins survive the trip. */
const calls: ReadonlyArray<readonly [id: string, input: unknown, yields: Record<string, Array<unknown>>]> = [
  ["ChangeCase", { text: "Plugin Blocks", to: "kebab" }, { result: ["plugin-blocks"] }],
  ["JoinText", { items: ["a", "b"] }, { text: ["a,b"] }],
  ["RegexMatch", { text: "a1", pattern: "\\d" }, { match: ["1"], groups: [[]], matched: [true] }],
  ["RegexReplace", { text: "a1b2", pattern: "\\d" }, { result: ["ab"] }],
  ["SplitText", { text: "a,b" }, { items: [["a", "b"]] }],
  ["TextLength", { text: "añ👋" }, { length: [3] }],
  ["TrimText", { text: "..a..", characters: ".", side: "start" }, { result: ["a.."] }],
  ["TextContains", { text: "Weft", search: "EF", ignore_case: true }, { result: [true] }],
  ["JsonParse", { text: "[1]" }, { value: [[1]] }],
  ["JsonStringify", { value: { a: 1 }, indent: 0 }, { text: ['{"a":1}'] }],
  ["GetPath", { value: { a: { b: [7] } }, path: "a.b.0" }, { result: [7] }],
  ["SetPath", { value: {}, path: "a.b", set: 1 }, { result: [{ a: { b: 1 } }] }],
  ["ListAppend", { item: { x: 1 } }, { list: [[{ x: 1 }]] }],
  ["ListGetItem", { list: [1, 2, 3], index: -1 }, { item: [3] }],
  ["ListLength", { list: [1, 2] }, { length: [2] }],
  ["ListSlice", { list: [1, 2, 3], start: 1 }, { list: [[2, 3]] }],
  ["ListConcat", { lists: [[1], [2]] }, { list: [[1, 2]] }],
  ["ListIndexOf", { list: [{ a: 1 }], item: { a: 1 } }, { index: [0], found: [true] }],
  ["ListSort", { list: [{ n: "b" }, { n: "a" }], key: "n", order: "descending" }, { list: [[{ n: "b" }, { n: "a" }]] }],
  ["ListUnique", { list: [1, 1, 2] }, { list: [[1, 2]] }],
  ["ListReverse", { list: [1, 2] }, { list: [[2, 1]] }],
  ["DictKeys", { dictionary: { a: 1 } }, { keys: [["a"]] }],
  ["DictValues", { dictionary: { a: 1 } }, { values: [[1]] }],
  ["DictEntries", { dictionary: { a: 1 } }, { entries: [[{ key: "a", value: 1 }]] }],
  ["DictFromEntries", { entries: [["a", 1], { key: "b", value: 2 }] }, { dictionary: [{ a: 1, b: 2 }] }],
  [
    "DictMerge",
    { dictionaries: [{ a: { x: 1 } }, { a: { y: 2 } }], deep: true },
    { dictionary: [{ a: { x: 1, y: 2 } }] }
  ],
  ["DictRemoveKey", { dictionary: { a: 1, b: 2 }, key: "a" }, { dictionary: [{ b: 2 }] }],
  ["DictHasKey", { dictionary: { a: null }, key: "a" }, { result: [true] }],
  ["Compare", { a: "10", operator: "<", b: "9" }, { result: [true], yes_output: ["10"] }],
  ["Switch", { value: "b", cases: ["a", "b"] }, { matched_index: [1], matched: ["b"] }],
  ["Range", { start: 1, stop: 4 }, { list: [[1, 2, 3]] }],
  ["MathOps", { operation: "Round", value: 1.005, decimals: 2 }, { result: [1.01] }],
  ["AggregateNumbers", { numbers: [1, 2, 6], operation: "Average" }, { result: [3] }],
  ["Clamp", { value: 11, min: 0, max: 10 }, { result: [10] }],
  [
    "FormatTime",
    { time: 0, timezone: "Asia/Kolkata", pattern: "YYYY-MM-DD HH:mm Z" },
    { text: ["1970-01-01 05:30 +05:30"] }
  ],
  ["FormatTime", { time: 0, intl: { dateStyle: "medium" } }, { text: ["Jan 1, 1970"] }],
  [
    "AddTime",
    { time: "2024-01-31T10:00:00Z", months: 1 },
    { iso: ["2024-02-29T10:00:00.000Z"], epoch_ms: [1709200800000] }
  ],
  ["TimeDifference", { start: 0, end: 90_000, unit: "minutes" }, { difference: [1.5] }]
]

describe("@weft/blocks-core", () => {
  it("exports only blocks, under their own ids, each describable as JSON Schema", () => {
    const exported: ReadonlyArray<readonly [string, AnyBlock]> = Object.entries(CoreBlocks)
    for (const [name, block] of exported) {
      assert.strictEqual(block.id, name)
      const descriptor = describeBlock(block)
      assert.strictEqual(JSON.parse(JSON.stringify(descriptor)).id, name)
      assert.includeMembers(["text", "data", "logic", "time"], [...block.categories], name)
    }
    assert.sameMembers(
      [...new Set(calls.map(([id]) => id)), "Now"],
      exported.map(([name]) => name),
      "every block has a sandbox call below"
    )
  })

  it.live(
    "publishes, installs and runs its blocks in a sandbox",
    () =>
      Effect.gen(function* () {
        const registry = yield* testRegistry
        const built = yield* buildPluginPackage(NodePath.resolve(import.meta.dirname, ".."))
        yield* npmPublish(built, registry.url, registry.token)
        const installed = yield* installPackage({
          registryUrl: registry.url,
          cacheDir: NodePath.join(registry.dataDir, "plugins"),
          name: "@weft/blocks-core",
          version: "0.1.0"
        })
        const plugin = yield* loadPlugin(installed.directory)
        assert.deepStrictEqual(plugin.blocks.map((b) => b.id).sort(), Object.keys(CoreBlocks).sort())
        const block = (id: string): AnyBlock =>
          plugin.blocks.find((b) => b.id === id) ?? assert.fail(`the plugin has no block ${id}`)
        for (const [id, input, yields] of calls) {
          assert.deepStrictEqual(yield* BlockTestKit.runBlockByPin(block(id), input), yields, id)
        }

        const before = yield* Clock.currentTimeMillis
        const now = yield* BlockTestKit.runBlockByPin(block("Now"), { timezone: "UTC" })
        const after = yield* Clock.currentTimeMillis
        const epoch = now.epoch_ms?.[0]
        assert.isTrue(typeof epoch === "number" && epoch >= before && epoch <= after, String(epoch))
        assert.deepStrictEqual(now.iso, [new Date(Number(epoch)).toISOString()])

        const outOfRange = yield* Effect.flip(BlockTestKit.runBlockByPin(block("ListGetItem"), { list: [], index: 0 }))
        assert.instanceOf(outOfRange, BlockError)
        assert.include(outOfRange.message, "Index 0 is out of range for a list of 0 items")
      }).pipe(Effect.scoped),
    120_000
  )
})
