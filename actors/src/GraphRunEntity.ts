/**
 * The GraphRun entity: one per execution, living on the runner that owns the execution's shard. `Start` makes
 * sure a driver runs the execution here (loading and replaying it if needed) and streams its events; later
 * `Start`s join the same driver. The driver lives in the entity's scope, so when the shard moves away (a
 * runner joins or this one stops) the driver stops with it and the new owner resumes the run.
 */
import { Effect, Queue, Semaphore, Stream } from "effect"
import { Entity } from "effect/cluster"
import { SqlClient } from "effect/sql"
import { isFinal } from "@weft/runtime"
import { ActiveRuns } from "./ActiveRuns.ts"
import { ProcessIdentity } from "./ProcessIdentity.ts"
import { ExecutionWriter } from "./ExecutionWriter.ts"
import { makeRunBroadcast, type RunBroadcast } from "./RunBroadcast.ts"
import { type DriverEvent, driveRun } from "./RunDriver.ts"
import type { RunDeps } from "./RunDeps.ts"
import { freshRun, type LoadedRun, loadRun } from "./RunJournal.ts"
import { type FreshRun, GraphRun, RunNotFound } from "./RunProtocol.ts"
import { RunnerBlocks } from "./RunnerBlocks.ts"
import { RunnerSettings } from "./RunnerSettings.ts"
import { InlineBlocks } from "./InlineBlocks.ts"
import { NodeExecutor } from "./NodeExecutor.ts"

export const GraphRunLayer = GraphRun.toLayer(
  Effect.gen(function* () {
    const address = yield* Entity.CurrentAddress
    const identity = yield* ProcessIdentity
    const executionId = address.entityId
    const scope = yield* Effect.scope
    const sql = yield* SqlClient.SqlClient
    const writer = yield* ExecutionWriter
    const blocks = yield* RunnerBlocks
    const settings = yield* RunnerSettings
    const executor = yield* NodeExecutor
    const inline = yield* InlineBlocks
    const active = yield* ActiveRuns
    const client = yield* GraphRun.client
    const lock = Semaphore.makeUnsafe(1)
    let current: { broadcast: RunBroadcast; events: Queue.Queue<DriverEvent> } | undefined

    const cancelChildren = (parentId: string) =>
      Effect.gen(function* () {
        const children = yield* sql<{ id: string }>`
          SELECT id FROM executions
          WHERE parent_execution_id = ${parentId} AND status NOT IN ('COMPLETED', 'FAILED', 'TERMINATED')`
        yield* Effect.forEach(children, (c) => client(c.id).Cancel({ executionId: c.id }), {
          concurrency: "unbounded",
          discard: true
        })
      }).pipe(Effect.orDie)

    const deps: RunDeps = {
      runner: identity,
      writer,
      blockInfo: blocks.catalog.blockInfo,
      compile: blocks.compile,
      retryPolicy: blocks.catalog.retryPolicy,
      runsInline: blocks.catalog.runsInline,
      execute: executor.execute,
      executeInline: inline.execute,
      runsHere: executor.isLocal,
      cancelChildren,
      runConcurrency: settings.runConcurrency,
      infrastructureRetries: settings.infrastructureRetries
    }

    /** A run that already ended replays its outputs and end to whoever watches. */
    const replayEnded = (run: LoadedRun, broadcast: RunBroadcast) => {
      for (const [name, values] of Object.entries(run.outputs)) {
        for (const value of values) broadcast.emit({ _tag: "Output", name, value })
      }
      broadcast.emit({ _tag: "Finished", status: run.status, outputs: run.outputs, stuckNodes: run.stuckNodes })
    }

    /** Drives `run`; if it was not as fresh as its starter said, loads it from the store and drives that. */
    const drive = (run: LoadedRun, broadcast: RunBroadcast, events: Queue.Queue<DriverEvent>) =>
      Effect.flatMap(driveRun(deps, run, broadcast, { events }), (outcome) =>
        outcome !== "Reload"
          ? Effect.void
          : Effect.flatMap(loadRun(executionId).pipe(Effect.orDie), (loaded) => {
              if (loaded === undefined) {
                broadcast.abort(`run ${executionId} no longer exists`)
                return Effect.void
              }
              if (isFinal(loaded.status)) {
                replayEnded(loaded, broadcast)
                return Effect.void
              }
              return Effect.asVoid(driveRun(deps, loaded, broadcast, { events }))
            })
      )

    const ensureDriver = (fresh: FreshRun | undefined) =>
      lock.withPermits(1)(
        Effect.gen(function* () {
          if (current !== undefined && !current.broadcast.isFinished()) return current
          // Only the first driver of this entity may trust a starter's FreshRun; any later one loads the run.
          const run =
            fresh !== undefined && current === undefined
              ? yield* freshRun(executionId, fresh).pipe(Effect.orDie)
              : yield* loadRun(executionId).pipe(Effect.orDie)
          if (run === undefined) return yield* new RunNotFound({ executionId })
          const broadcast = makeRunBroadcast()
          const events = yield* Queue.unbounded<DriverEvent>()
          current = { broadcast, events }
          if (isFinal(run.status)) {
            replayEnded(run, broadcast)
            return current
          }
          active.add(executionId)
          yield* drive(run, broadcast, events).pipe(
            Effect.ensuring(Effect.sync(() => active.delete(executionId))),
            Effect.tapCause((cause) => Effect.logError("run driver stopped", cause)),
            Effect.forkIn(scope)
          )
          return current
        })
      )

    return GraphRun.of({
      Start: ({ payload }) => Stream.unwrap(Effect.map(ensureDriver(payload.fresh), (c) => c.broadcast.subscribe)),
      Await: ({ payload }) =>
        Effect.gen(function* () {
          const c = yield* ensureDriver(payload.fresh)
          const last = yield* Stream.runLast(c.broadcast.subscribe)
          if (last._tag === "Some" && last.value._tag === "Finished") {
            const { status, outputs, stuckNodes } = last.value
            return { status, outputs, stuckNodes }
          }
          return yield* Effect.die(new Error(`run ${executionId} stopped without an end`))
        }),
      Cancel: () =>
        Effect.gen(function* () {
          const c = yield* ensureDriver(undefined).pipe(Effect.catchTag("RunNotFound", () => Effect.succeed(undefined)))
          if (c === undefined || c.broadcast.isFinished()) return false
          yield* Queue.offer(c.events, { _tag: "Cancel" })
          yield* Stream.runDrain(c.broadcast.subscribe)
          return true
        })
    })
  }),
  // An ended run's entity only serves late watchers, who can load the run again: at hundreds of runs a second,
  // keeping each for long would hold thousands of finished runs in memory.
  { concurrency: "unbounded", maxIdleTime: "5 seconds" }
)
