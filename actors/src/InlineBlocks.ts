/**
 * Runs instant built-in blocks (BlockCatalog.runsInline) in this process, wherever a run's step is computed: inside
 * a driver's step, or at the starter for a run that ends within its first commit (InstantRun). Such a block needs
 * no credentials, sub-graphs or timeout (the catalog admits only built-ins marked `inline` without retries or a
 * timeout), so this needs only the registry, and a gateway can run them as well as a runner.
 */
import { Context, Effect, Layer, Stream } from "effect"
import { BlockError } from "@weft/block-sdk"
import { BlockRegistry, SubgraphRunner } from "@weft/runtime"
import { blockContext, decodeInput, runBlock, runInstant } from "./BlockRun.ts"
import type { ExecuteRequest } from "./RunDeps.ts"
import { BlockFailure, type NodeEventMessage } from "./RunProtocol.ts"

/** Inline blocks run no sub-graphs; the block services still name the runner, so one that refuses stands in. */
const noSubgraphs = SubgraphRunner.of({
  run: () => Stream.fail(new BlockError({ message: "an inline block cannot run a sub-graph", retryable: false }))
})

export class InlineBlocks extends Context.Service<
  InlineBlocks,
  {
    /** One attempt of an inline node execution, here and now: its checked yields, in order. */
    readonly execute: (request: ExecuteRequest) => Effect.Effect<ReadonlyArray<NodeEventMessage>, BlockFailure>
  }
>()("@weft/actors/InlineBlocks") {
  static readonly layer = Layer.effect(
    InlineBlocks,
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      const execute = (request: ExecuteRequest): Effect.Effect<ReadonlyArray<NodeEventMessage>, BlockFailure> => {
        const block = registry.resolveSync(request.block)
        if (block === undefined) {
          return Effect.fail(new BlockFailure({ message: `unknown block ${request.block.id}`, retryable: false }))
        }
        const yields = block.instant
        return Effect.flatMap(decodeInput(block, request.input), (input) =>
          yields !== undefined
            ? runInstant(block, yields, input)
            : Stream.runCollect(
                runBlock(block, input, blockContext(request, {})).pipe(
                  Stream.provideService(SubgraphRunner, noSubgraphs)
                )
              )
        )
      }
      return InlineBlocks.of({ execute })
    })
  )
}
