/**
 * The blocks this runner can run, with the engine's view of each (see BlockCatalog), built once per runner.
 */
import { Context, Effect, Layer } from "effect"
import { BlockRegistry } from "@weft/runtime"
import { type BlockCatalog, makeBlockCatalog } from "./BlockCatalog.ts"

export class RunnerBlocks extends Context.Service<
  RunnerBlocks,
  {
    readonly catalog: BlockCatalog
  }
>()("@weft/actors/RunnerBlocks") {
  static readonly layer = Layer.effect(
    RunnerBlocks,
    Effect.gen(function* () {
      const registry = yield* BlockRegistry
      return RunnerBlocks.of({ catalog: makeBlockCatalog(registry.resolveSync) })
    })
  )
}
