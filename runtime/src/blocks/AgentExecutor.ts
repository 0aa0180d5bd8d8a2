/**
 * AgentExecutor: runs another graph as a sub-graph through `SubgraphRunner` and yields one pin per child
 * output name, as values arrive (semantics.md "Sub-graphs"). `input_schema` / `output_schema` are copies of
 * the child graph's schemas kept for the studio; the child run validates the inputs itself.
 */
import { Block, Pin } from "@weft/block-sdk"
import { Schema, Stream } from "effect"
import { SubgraphRunner } from "./SubgraphRunner.ts"

const JsonObject = Schema.Record(Schema.String, Schema.Unknown)

export const AgentExecutorBlock = Block.make({
  id: "AgentExecutor",
  version: "1.0.0",
  name: "Agent Executor",
  description: "Runs another graph and yields its outputs.",
  categories: ["agent"],
  input: {
    graph_id: Schema.NonEmptyString.pipe(Pin.annotate({ title: "Graph id" })),
    graph_version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)).pipe(Pin.annotate({ title: "Graph version" })),
    inputs: JsonObject.pipe(
      Pin.annotate({ title: "Inputs", description: "The child graph's inputs, by input name." }),
      Pin.withDefault({})
    ),
    input_schema: JsonObject.pipe(Pin.annotate({ title: "Input schema" }), Pin.advanced, Pin.withDefault({})),
    output_schema: JsonObject.pipe(Pin.annotate({ title: "Output schema" }), Pin.advanced, Pin.withDefault({}))
  },
  output: Block.dynamicPins,
  dynamicOutput: true,
  run: (input, ctx) =>
    Stream.unwrap(
      SubgraphRunner.useSync((runner) =>
        runner.run({
          graphId: input.graph_id,
          graphVersion: input.graph_version,
          inputs: input.inputs,
          parentExecutionId: ctx.executionId,
          parentNodeExecutionId: ctx.nodeExecutionId
        })
      )
    ).pipe(Stream.map((output) => ({ pin: output.name, value: output.value })))
})
