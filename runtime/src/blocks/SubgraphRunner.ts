/**
 * The seam between the AgentExecutor block and the engine: starting a child run of another graph and
 * streaming the values that reach its AgentOutput nodes. The actor layer implements it (it owns runs and
 * cancellation); interrupting the stream must cancel the child run (semantics.md "Sub-graphs").
 */
import type { BlockError } from "@weft/block-sdk"
import type { Stream } from "effect"
import { Context } from "effect"

export interface SubgraphRequest {
  readonly graphId: string
  readonly graphVersion: number
  /** Keyed by the child graph's AgentInput names. */
  readonly inputs: Readonly<Record<string, unknown>>
  readonly parentExecutionId: string
  readonly parentNodeExecutionId: string
}

/** One value that reached the child's AgentOutput node named `name`. */
export interface SubgraphOutput {
  readonly name: string
  readonly value: unknown
}

export class SubgraphRunner extends Context.Service<
  SubgraphRunner,
  {
    /**
     * Starts the child run and emits its outputs as they arrive; ends when the child run ends. A child run that
     * fails or is rejected fails the stream with a `BlockError`.
     */
    readonly run: (request: SubgraphRequest) => Stream.Stream<SubgraphOutput, BlockError>
  }
>()("@weft/runtime/blocks/SubgraphRunner") {}
