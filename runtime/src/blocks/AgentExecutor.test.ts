import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit, describeBlock } from "@weft/block-sdk"
import { Deferred, Effect, Exit, Fiber, Layer, Ref, Schema, Stream } from "effect"
import { AgentExecutorBlock } from "./AgentExecutor.ts"
import { type SubgraphOutput, type SubgraphRequest, SubgraphRunner } from "./SubgraphRunner.ts"

/** A fake child run: records the request and plays back `outputs` (then `end`). */
const fakeRunner = (
  requests: Ref.Ref<Array<SubgraphRequest>>,
  outputs: ReadonlyArray<SubgraphOutput>,
  end: Stream.Stream<SubgraphOutput, BlockError> = Stream.empty
) =>
  Layer.succeed(SubgraphRunner, {
    run: (request) =>
      Stream.fromEffect(Ref.update(requests, (all) => [...all, request])).pipe(
        Stream.drain,
        Stream.concat(Stream.fromIterable(outputs)),
        Stream.concat(end)
      )
  })

const input = { graph_id: "child-graph", graph_version: 2, inputs: { topic: "cats" } }

describe("AgentExecutor", () => {
  it.effect("starts the child run with the parent's ids and yields one pin per output, in order", () =>
    Effect.gen(function* () {
      const requests = yield* Ref.make<Array<SubgraphRequest>>([])
      const yields = yield* BlockTestKit.runBlock(AgentExecutorBlock, input, {
        executionId: "parent-run",
        nodeExecutionId: "parent-node-run"
      }).pipe(
        Effect.provide(
          fakeRunner(requests, [
            { name: "summary", value: "short" },
            { name: "count", value: 1 },
            { name: "summary", value: "shorter" }
          ])
        )
      )
      assert.deepStrictEqual(yields, [
        { pin: "summary", value: "short" },
        { pin: "count", value: 1 },
        { pin: "summary", value: "shorter" }
      ])
      assert.deepStrictEqual(yield* Ref.get(requests), [
        {
          graphId: "child-graph",
          graphVersion: 2,
          inputs: { topic: "cats" },
          parentExecutionId: "parent-run",
          parentNodeExecutionId: "parent-node-run"
        }
      ])
    })
  )

  it.effect("defaults inputs to an empty object", () =>
    Effect.gen(function* () {
      const requests = yield* Ref.make<Array<SubgraphRequest>>([])
      yield* BlockTestKit.runBlock(AgentExecutorBlock, { graph_id: "g", graph_version: 1 }).pipe(
        Effect.provide(fakeRunner(requests, []))
      )
      assert.deepStrictEqual((yield* Ref.get(requests))[0]?.inputs, {})
    })
  )

  it.effect("keeps what was yielded before the child run failed, then fails", () =>
    Effect.gen(function* () {
      const requests = yield* Ref.make<Array<SubgraphRequest>>([])
      const seen: Array<unknown> = []
      const exit = yield* Stream.runForEach(
        AgentExecutorBlock.run(
          { ...input, inputs: {}, input_schema: {}, output_schema: {} },
          BlockTestKit.testContext()
        ),
        (y) => Effect.sync(() => seen.push(y))
      ).pipe(
        Effect.provide(
          fakeRunner(
            requests,
            [{ name: "partial", value: 1 }],
            Stream.fail(new BlockError({ message: "child failed" }))
          )
        ),
        Effect.exit
      )
      assert.deepStrictEqual(seen, [{ pin: "partial", value: 1 }])
      assert.isTrue(Exit.isFailure(exit))
    })
  )

  it.effect("interrupting the block interrupts the child run's stream", () =>
    Effect.gen(function* () {
      const started = yield* Deferred.make<void>()
      const cancelled = yield* Deferred.make<void>()
      const runner = Layer.succeed(SubgraphRunner, {
        run: () =>
          Stream.fromEffect(Deferred.succeed(started, undefined)).pipe(
            Stream.drain,
            Stream.concat(Stream.never),
            Stream.onExit(() => Deferred.succeed(cancelled, undefined))
          )
      })
      const fiber = yield* Effect.forkChild(
        BlockTestKit.runBlock(AgentExecutorBlock, input).pipe(Effect.provide(runner))
      )
      yield* Deferred.await(started)
      yield* Fiber.interrupt(fiber)
      yield* Deferred.await(cancelled)
      assert.isTrue(Exit.hasInterrupts(yield* Fiber.await(fiber)))
    })
  )

  it.effect("rejects a missing graph id or a version below 1", () =>
    Effect.gen(function* () {
      const requests = yield* Ref.make<Array<SubgraphRequest>>([])
      const run = (value: unknown) =>
        Effect.flip(BlockTestKit.runBlock(AgentExecutorBlock, value).pipe(Effect.provide(fakeRunner(requests, []))))
      assert.isTrue(Schema.isSchemaError(yield* run({ graph_version: 1 })))
      assert.isTrue(Schema.isSchemaError(yield* run({ graph_id: "g", graph_version: 0 })))
      assert.deepStrictEqual(yield* Ref.get(requests), [])
    })
  )

  it("declares dynamic output and hides the schema pins under advanced", () => {
    const descriptor = describeBlock(AgentExecutorBlock)
    assert.isTrue(descriptor.dynamicOutput)
    assert.strictEqual(descriptor.outputSchema["additionalProperties"], true)
    const properties = descriptor.inputSchema["properties"] as Record<string, Record<string, unknown>>
    assert.strictEqual(properties["input_schema"]?.["advanced"], true)
    assert.deepStrictEqual([...(descriptor.inputSchema["required"] as Array<string>)].sort(), [
      "graph_id",
      "graph_version"
    ])
  })
})
