import { assert, describe, it } from "@effect/vitest"
import { describeBlock } from "@weft/block-sdk"
import { builtinBlocks, builtinBlocksById } from "./BuiltinBlocks.ts"

/** The pin table of graph-format.md, "Built-in blocks". */
const table: Record<string, { readonly inputs: ReadonlyArray<string>; readonly outputs: ReadonlyArray<string> }> = {
  AgentInput: {
    inputs: ["name", "value", "title", "description", "placeholder_values", "advanced", "secret"],
    outputs: ["result"]
  },
  AgentOutput: { inputs: ["name", "value", "title", "description", "format"], outputs: ["output"] },
  StoreValue: { inputs: ["input", "data"], outputs: ["output"] },
  Note: { inputs: ["text"], outputs: [] },
  FillTextTemplate: { inputs: ["format", "values"], outputs: ["output"] },
  Calculator: { inputs: ["operation", "a", "b", "round_result"], outputs: ["result"] },
  Condition: {
    inputs: ["value1", "operator", "value2", "yes_value", "no_value"],
    outputs: ["result", "yes_output", "no_output"]
  },
  StepThroughItems: { inputs: ["items", "items_object", "items_str"], outputs: ["item", "key"] },
  CreateList: { inputs: ["values"], outputs: ["list"] },
  CreateDictionary: { inputs: ["values"], outputs: ["dictionary"] },
  AgentExecutor: { inputs: ["graph_id", "graph_version", "inputs", "input_schema", "output_schema"], outputs: [] },
  Wait: { inputs: ["seconds", "data"], outputs: ["data"] }
}

describe("builtinBlocks", () => {
  it("are exactly the blocks of the table, with its pin names, at version 1.0.0", () => {
    assert.deepStrictEqual(builtinBlocks.map((block) => block.id).sort(), Object.keys(table).sort())
    for (const block of builtinBlocks) {
      const expected = table[block.id]
      assert.isDefined(expected)
      assert.strictEqual(block.version, "1.0.0", block.id)
      assert.deepStrictEqual(Object.keys(block.input), expected?.inputs, `${block.id} inputs`)
      assert.deepStrictEqual(Object.keys(block.output), expected?.outputs, `${block.id} outputs`)
    }
  })

  it("mark static output exactly on AgentInput and StoreValue, dynamic output on AgentExecutor", () => {
    const staticIds = builtinBlocks.filter((block) => block.staticOutput === true).map((block) => block.id)
    assert.deepStrictEqual(staticIds.sort(), ["AgentInput", "StoreValue"])
    const dynamicIds = builtinBlocks.filter((block) => block.dynamicOutput === true).map((block) => block.id)
    assert.deepStrictEqual(dynamicIds, ["AgentExecutor"])
  })

  it("all describe to JSON with the implicit error pin", () => {
    for (const block of builtinBlocks) {
      const descriptor = describeBlock(block)
      assert.deepStrictEqual(JSON.parse(JSON.stringify(descriptor)), descriptor, block.id)
      assert.property(descriptor.outputSchema["properties"], "error", block.id)
    }
  })

  it("are indexed by id", () => {
    assert.strictEqual(builtinBlocksById["Calculator"]?.id, "Calculator")
    assert.strictEqual(Object.keys(builtinBlocksById).length, builtinBlocks.length)
  })
})
