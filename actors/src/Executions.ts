/**
 * Starting, watching and cancelling runs: the one door to the engine for the CLI, the gateway and sub-graphs.
 * A start is validated by the pure engine before anything is stored (semantics.md "Starting a run"), then the
 * run and its starting node executions are written in one transaction, then the run's GraphRun entity is told.
 */
import { randomUUID } from "node:crypto"
import { Context, Deferred, Effect, FiberSet, Layer, Result, Stream } from "effect"
import * as Engine from "@weft/runtime"
import { Access, GraphId, GraphVersion, type StoreError, UserId } from "@weft/runtime"
import { ExecutionWriter, type WriteOp } from "./ExecutionWriter.ts"
import { GraphVersions } from "./GraphVersions.ts"
import { InlineBlocks } from "./InlineBlocks.ts"
import { isInstantGraph, runInstantly } from "./InstantRun.ts"
import { ProcessIdentity } from "./ProcessIdentity.ts"
import { encodeBatches } from "./RunEvents.ts"
import { makeStep, plan } from "./RunPlan.ts"
import { makeRunBroadcast, type RunBroadcast } from "./RunBroadcast.ts"
import { type FreshRun, GraphRun, type RunEnd, type RunEvent, type RunNotFound } from "./RunProtocol.ts"
import { RunnerBlocks } from "./RunnerBlocks.ts"
import type { StepContext } from "./RunSteps.ts"

export interface StartRequest {
  readonly graphId: string
  /** The active version when omitted. */
  readonly graphVersion?: number
  readonly inputs: Readonly<Record<string, unknown>>
  readonly userId: string
  readonly parentExecutionId?: string
  /** Given for sub-graph runs, whose id derives from the parent node execution so a re-run finds it again. */
  readonly executionId?: string
  /** Admins may run any graph; everyone else only their own (the default). */
  readonly asAdmin?: boolean
}

export class Executions extends Context.Service<
  Executions,
  {
    readonly start: (
      request: StartRequest
    ) => Effect.Effect<
      { readonly executionId: string },
      Engine.StartRejected | Engine.GraphNotFound | Engine.GraphAccessDenied | StoreError
    >
    /**
     * Like `start`, but this process follows only the run's end: one cluster request and one reply for the whole
     * run (`watch` streams every output). The request is held in the background until the run ends, keeping its
     * entity alive, whether or not anyone awaits `end` (undefined if the run was lost before it ended).
     */
    readonly launch: (request: StartRequest) => Effect.Effect<
      {
        readonly executionId: string
        readonly end: Effect.Effect<RunEnd | undefined>
        /** The end already, for a run that ran instantly (InstantRun). */
        readonly ended: RunEnd | undefined
      },
      Engine.StartRejected | Engine.GraphNotFound | Engine.GraphAccessDenied | StoreError
    >
    /** The end of a run started earlier (resuming it if no runner drives it); undefined if it is unknown. */
    readonly awaitEnd: (executionId: string) => Effect.Effect<RunEnd | undefined>
    /** Every output of the run (past ones first), then `Finished`. Resumes the run if no runner drives it. */
    readonly watch: (executionId: string) => Stream.Stream<RunEvent, RunNotFound>
    /** Idempotent; true when this call ended a run that was still going. */
    readonly cancel: (executionId: string) => Effect.Effect<boolean>
  }
>()("@weft/actors/Executions") {
  static readonly layer = Layer.effect(
    Executions,
    Effect.gen(function* () {
      const graphs = yield* GraphVersions
      const writer = yield* ExecutionWriter
      const blocks = yield* RunnerBlocks
      const makeClient = yield* GraphRun.client
      const background = yield* FiberSet.make()
      const identity = yield* ProcessIdentity
      const inline = yield* InlineBlocks

      const remoteWatch = (executionId: string, fresh?: FreshRun) =>
        makeClient(executionId)
          .Start(fresh === undefined ? { executionId } : { executionId, fresh })
          .pipe(
            // Cluster errors here mean the cluster itself is broken: defects, not something a caller handles.
            Stream.catch((e) => (e._tag === "RunNotFound" ? Stream.fail(e) : Stream.die(e)))
          )
      /**
       * Runs started here are already watched by the call that keeps their entity alive; later watchers in this
       * process share that call's events instead of opening another one.
       */
      const local = new Map<string, RunBroadcast>()
      const watch = (executionId: string): Stream.Stream<RunEvent, RunNotFound> => {
        const shared = local.get(executionId)
        return shared === undefined ? remoteWatch(executionId) : shared.subscribe
      }

      /**
       * Validates the start against `graph` (a rejected start stores nothing) and writes the run with its starting
       * node executions, or, when `instant` and the graph is all instant blocks, the whole run (InstantRun).
       * `inserted` is false when `expectActive` and `graph` is no longer the active version (nothing written).
       */
      const insert = Effect.fnUntraced(function* (
        request: StartRequest,
        executionId: string,
        graph: Engine.Graph,
        expectActive: boolean,
        instant: boolean
      ) {
        const compiled = blocks.compile(graph)
        const started = Engine.start(compiled, executionId as Engine.ExecutionId, request.inputs)
        if (Result.isFailure(started)) return yield* started.failure
        const ops: Array<WriteOp> = [
          {
            _tag: "InsertExecution",
            id: executionId,
            graphId: graph.id,
            graphVersion: graph.version,
            userId: request.userId,
            inputs: request.inputs,
            parentExecutionId: request.parentExecutionId ?? null,
            stats: { starter: identity },
            expectActive
          }
        ]
        const step = makeStep()
        plan(started.success.state, started.success.commands, step)
        step.events.unshift({ _tag: "graph", status: "QUEUED" })
        const ctx: StepContext = {
          executionId,
          userId: request.userId,
          runner: identity,
          compiled,
          state: started.success.state,
          attempts: new Map(),
          runsInline: blocks.catalog.runsInline,
          executeInline: inline.execute,
          runSeq: 0
        }
        const ranInstantly = instant && isInstantGraph(ctx)
        const end = ranInstantly ? yield* runInstantly(ctx, step) : undefined
        const result = yield* writer.write(executionId, [
          ...ops,
          ...step.ops,
          {
            _tag: "Publish",
            executionId,
            payloads: encodeBatches({ executionId, graphId: graph.id, userId: request.userId }, step.events)
          }
        ])
        return { inserted: !result.skippedRuns.includes(executionId), ranInstantly, end }
      })

      /**
       * Writes the run (validated first: a rejected start stores nothing). Returns what its entity is told about it:
       * the run as a FreshRun, nothing when it ran instantly that far (the entity loads it), or its end.
       */
      const create = Effect.fnUntraced(function* (request: StartRequest, instant: boolean) {
        const access = request.asAdmin === true ? Access.admin : Access.owner(UserId.make(request.userId))
        const graphId = GraphId.make(request.graphId)
        const executionId = request.executionId ?? randomUUID()
        let graph: Engine.Graph
        let written: Effect.Success<ReturnType<typeof insert>>
        if (request.graphVersion !== undefined) {
          graph = yield* graphs.get(graphId, access, GraphVersion.make(request.graphVersion))
          written = yield* insert(request, executionId, graph, false, instant)
        } else {
          // The active version this process last saw, checked by the store as the run is inserted; only when it
          // changed (or the inputs do not fit it) is the store asked which version is active now.
          graph = yield* graphs.remembered(graphId, access)
          written = yield* insert(request, executionId, graph, true, instant).pipe(
            Effect.catchTag("StartRejected", () =>
              Effect.succeed({ inserted: false, ranInstantly: false, end: undefined })
            )
          )
          if (!written.inserted) {
            graphs.forget(graphId)
            graph = yield* graphs.get(graphId, access)
            written = yield* insert(request, executionId, graph, false, instant)
          }
        }
        if (written.ranInstantly) return { executionId, fresh: undefined, end: written.end }
        const fresh: FreshRun = {
          graphId: graph.id,
          graphVersion: graph.version,
          userId: request.userId,
          inputs: request.inputs,
          parentExecutionId: request.parentExecutionId ?? null
        }
        return { executionId, fresh, end: undefined }
      })

      const start = Effect.fn("Executions.start")(function* (request: StartRequest) {
        const { executionId, fresh } = yield* create(request, false)
        // Someone must hold the Start call open so the entity stays alive while its run is driven.
        const broadcast = makeRunBroadcast()
        local.set(executionId, broadcast)
        yield* FiberSet.run(
          background,
          Stream.runForEach(remoteWatch(executionId, fresh), (e) => Effect.sync(() => broadcast.emit(e))).pipe(
            Effect.ignore,
            // A watcher that joined late still gets the end when the remote call breaks off (it re-watches).
            Effect.ensuring(
              Effect.sync(() => {
                local.delete(executionId)
                broadcast.abort(`lost the run ${executionId} before it finished; watch it again`)
              })
            )
          )
        )
        return { executionId }
      })

      const launch = Effect.fn("Executions.launch")(function* (request: StartRequest) {
        const created = yield* create(request, true)
        const { executionId, fresh } = created
        if (created.end !== undefined) return { executionId, end: Effect.succeed(created.end), ended: created.end }
        const ended = yield* Deferred.make<RunEnd | undefined>()
        yield* FiberSet.run(
          background,
          makeClient(executionId)
            .Await(fresh === undefined ? { executionId } : { executionId, fresh })
            .pipe(
              Effect.tap((end) => Deferred.succeed(ended, end)),
              // The run is durable: if its entity cannot be reached now, recovery resumes it.
              Effect.catchCause((cause) =>
                Effect.andThen(
                  Effect.logWarning(`lost the run ${executionId} before it ended`, cause),
                  Deferred.succeed(ended, undefined)
                )
              )
            )
        )
        return { executionId, end: Deferred.await(ended), ended: undefined }
      })

      const awaitEnd = (executionId: string) =>
        makeClient(executionId)
          .Await({ executionId })
          .pipe(Effect.catchCause(() => Effect.succeed(undefined)))

      const cancel = Effect.fn("Executions.cancel")(function* (executionId: string) {
        return yield* makeClient(executionId).Cancel({ executionId }).pipe(Effect.orDie)
      })

      return Executions.of({ start, launch, awaitEnd, watch, cancel })
    })
  )
}
