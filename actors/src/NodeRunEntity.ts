/**
 * The NodeRun entity: a worker slot that runs node executions sent from run drivers on other runners (see
 * NodeExecutor for the slots and the local fast path), streaming each attempt's yields back.
 */
import { Duration, Effect } from "effect"
import { BlockExecutor } from "./BlockExecutor.ts"
import { NodeRun } from "./RunProtocol.ts"

export const NodeRunLayer = NodeRun.toLayer(
  Effect.gen(function* () {
    const executor = yield* BlockExecutor
    return NodeRun.of({ Execute: ({ payload }) => executor.execute(payload, true) })
  }),
  { concurrency: "unbounded", maxIdleTime: Duration.minutes(5) }
)
