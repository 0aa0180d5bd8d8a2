/**
 * Supervises one node execution for its run driver: runs the block on the runner that owns the node execution,
 * forwards each yield (numbered within the attempt, so the driver can drop what an earlier attempt already
 * delivered), and retries per the block's policy when the block fails, or always (bounded) when the runner or
 * the transport fails. It reports the node's end as an event; it never touches run state itself.
 */
import { Duration, Effect, Queue, Stream } from "effect"
import type { ExecuteRequest, RunDeps } from "./RunDeps.ts"

export type NodeEvent =
  | {
      readonly _tag: "Yield"
      readonly nodeExecutionId: string
      readonly index: number
      readonly pin: string
      readonly value: unknown
    }
  | { readonly _tag: "Attempt"; readonly nodeExecutionId: string; readonly attempt: number }
  | { readonly _tag: "Started"; readonly nodeExecutionId: string; readonly runner: string }
  | { readonly _tag: "Completed"; readonly nodeExecutionId: string }
  | { readonly _tag: "Failed"; readonly nodeExecutionId: string; readonly error: string }

export const superviseNode = <E extends { readonly _tag: string }>(
  deps: RunDeps,
  request: ExecuteRequest,
  events: Queue.Queue<NodeEvent | E>
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const policy = deps.retryPolicy(request.block)
    let attempt = request.attempt
    let blockRetries = 0
    let infraRetries = 0
    while (true) {
      let index = 0
      const exit = yield* deps.execute({ ...request, attempt }).pipe(
        Stream.runForEach((m) =>
          Queue.offer(
            events,
            m._tag === "Started"
              ? { _tag: "Started", nodeExecutionId: request.nodeExecutionId, runner: m.runner }
              : { _tag: "Yield", nodeExecutionId: request.nodeExecutionId, index: index++, pin: m.pin, value: m.value }
          )
        ),
        Effect.exit
      )
      if (exit._tag === "Success") {
        yield* Queue.offer(events, { _tag: "Completed", nodeExecutionId: request.nodeExecutionId })
        return
      }
      const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
      if (failure === undefined || failure._tag !== "Fail") {
        // A defect in the block or the node runner: not retried, the node fails with the defect's message.
        yield* Queue.offer(events, {
          _tag: "Failed",
          nodeExecutionId: request.nodeExecutionId,
          error: `block crashed: ${String(exit.cause)}`
        })
        return
      }
      const error = failure.error
      let retry = false
      let delayMs = 0
      if (error._tag === "BlockFailure") {
        if (error.retryable && blockRetries < policy.times) {
          delayMs = policy.backoffMs * 2 ** blockRetries
          blockRetries++
          retry = true
        }
      } else if (infraRetries < deps.infrastructureRetries) {
        delayMs = Math.min(200 * 2 ** infraRetries, 5_000)
        infraRetries++
        retry = true
      }
      if (!retry) {
        yield* Queue.offer(events, { _tag: "Failed", nodeExecutionId: request.nodeExecutionId, error: error.message })
        return
      }
      attempt++
      yield* Queue.offer(events, { _tag: "Attempt", nodeExecutionId: request.nodeExecutionId, attempt })
      if (delayMs > 0) yield* Effect.sleep(Duration.millis(delayMs))
    }
  })
