/**
 * Sub-graph runs for the AgentExecutor block (semantics.md "Sub-graphs"). The child's id derives from the parent
 * node execution, so when the parent node is re-run after a crash it re-attaches to the same child instead of
 * starting a second one; the child's outputs stream back as they arrive (past ones first, which the parent's
 * driver drops as already applied).
 */
import { Context, Effect, Layer, Stream } from "effect"
import { BlockError } from "@weft/block-sdk"
import type { SubgraphRunner } from "@weft/runtime"
import { Executions } from "./Executions.ts"

export interface NodeIdentity {
  readonly executionId: string
  readonly nodeExecutionId: string
  readonly userId: string
}

export class SubgraphRunnerLive extends Context.Service<
  SubgraphRunnerLive,
  {
    readonly forNode: (node: NodeIdentity) => SubgraphRunner["Service"]
  }
>()("@weft/actors/SubgraphRunnerLive") {
  static readonly layer = Layer.effect(
    SubgraphRunnerLive,
    Effect.gen(function* () {
      const executions = yield* Executions
      const forNode = (node: NodeIdentity): SubgraphRunner["Service"] => ({
        run: (request) =>
          Stream.unwrap(
            Effect.gen(function* () {
              const childId = `${node.nodeExecutionId}.sub`
              yield* executions
                .start({
                  graphId: request.graphId,
                  graphVersion: request.graphVersion,
                  inputs: request.inputs,
                  userId: node.userId,
                  parentExecutionId: node.executionId,
                  executionId: childId
                })
                .pipe(Effect.mapError((e) => new BlockError({ message: `sub-graph: ${e.message}`, retryable: false })))
              return executions.watch(childId).pipe(
                Stream.mapError(
                  (e) => new BlockError({ message: `sub-graph run ${e.executionId} not found`, retryable: false })
                ),
                Stream.mapEffect((event) =>
                  event._tag === "Output"
                    ? Effect.succeed([{ name: event.name, value: event.value }])
                    : event.status === "COMPLETED"
                      ? Effect.succeed([])
                      : Effect.fail(
                          new BlockError({
                            message: `sub-graph run ${childId} ended ${event.status}`,
                            retryable: false
                          })
                        )
                ),
                Stream.flattenIterable
              )
            })
          )
      })
      return SubgraphRunnerLive.of({ forNode })
    })
  )
}
