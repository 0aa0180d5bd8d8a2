/**
 * Starting a run for the API and for webhooks: honours `Idempotency-Key` (the same key from the same user
 * returns the first run instead of starting another) and `?wait=` (answer with the run's status and outputs
 * if it ends within the wait, capped by WEFT_MAX_WAIT_SECONDS; else the id at once). The gateway does not follow
 * its runs over the cluster: it launches them (Executions.startDetached) and learns their end from their last
 * event, which every gateway receives anyway (EventHub).
 *
 * Idempotency: the key is claimed with the run's id before the run is started, in one INSERT; a concurrent
 * request with the same key finds the claim and answers with that id. A start that is rejected releases the
 * claim, so nothing half-written remains. The claim also records a digest of the request (graph, version,
 * inputs, canonical JSON): the same key with a different request is refused (`IdempotencyKeyMismatch`).
 */
import { Context, Deferred, Duration, Effect, Exit, Layer, Option, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import { Executions, type RunEventWire } from "@weft/actors"
import {
  ExecutionId,
  type ExecutionStatus,
  ExecutionStore,
  isFinal,
  mapStoreErrors,
  type StuckNode,
  type UserId
} from "@weft/runtime"
import { EventHub } from "./EventHub.ts"
import { GatewayConfig } from "./GatewayConfig.ts"

export interface StartOptions {
  readonly graphId: string
  readonly graphVersion?: number | undefined
  readonly inputs: Readonly<Record<string, unknown>>
  readonly userId: UserId
  readonly asAdmin: boolean
  readonly idempotencyKey?: string | undefined
  readonly waitSeconds?: number | undefined
}

export type StartOutcome =
  | { readonly _tag: "Accepted"; readonly executionId: string }
  | {
      readonly _tag: "Finished"
      readonly executionId: string
      readonly status: "COMPLETED" | "FAILED" | "TERMINATED"
      readonly outputs: Readonly<Record<string, ReadonlyArray<unknown>>>
      readonly stuckNodes: ReadonlyArray<{
        readonly nodeExecutionId: string
        readonly nodeId: string
        readonly missingPins: ReadonlyArray<string>
      }>
    }

export class IdempotencyKeyMismatch extends Schema.TaggedError<IdempotencyKeyMismatch>()("IdempotencyKeyMismatch", {
  key: Schema.String
}) {
  override get message(): string {
    return `the Idempotency-Key "${this.key}" was already used for a different request`
  }
}

/** JSON with object keys sorted at every level, so equal values have one text. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

const digestOf = (options: StartOptions): string =>
  NodeCrypto.createHash("sha256")
    .update(
      canonicalJson({ graphId: options.graphId, graphVersion: options.graphVersion ?? null, inputs: options.inputs })
    )
    .digest("base64url")

/** A finished outcome; only ended runs are reported this way. */
const finished = (
  executionId: string,
  status: ExecutionStatus,
  outputs: Readonly<Record<string, ReadonlyArray<unknown>>>,
  stuckNodes: ReadonlyArray<StuckNode>
): StartOutcome =>
  status === "COMPLETED" || status === "FAILED" || status === "TERMINATED"
    ? { _tag: "Finished", executionId, status, outputs, stuckNodes }
    : { _tag: "Accepted", executionId }

const makeStarter = Effect.gen(function* () {
  const executions = yield* Executions
  const hub = yield* EventHub
  const store = yield* ExecutionStore
  const sql = yield* SqlClient.SqlClient
  const config = yield* GatewayConfig

  /** The id a key already names, or undefined after claiming the key for `executionId`. */
  const claim = (userId: UserId, key: string, digest: string, executionId: string) =>
    Effect.gen(function* () {
      const inserted = yield* sql`insert into gateway_idempotency (user_id, key, execution_id, request_digest)
        values (${userId}, ${key}, ${executionId}, ${digest}) on conflict do nothing returning execution_id`
      if (inserted.length > 0) return undefined
      const rows = yield* sql<{ execution_id: string; request_digest: string | null }>`
        select execution_id, request_digest from gateway_idempotency where user_id = ${userId} and key = ${key}`
      const row = rows[0]
      if (row !== undefined && row.request_digest !== null && row.request_digest !== digest) {
        return yield* new IdempotencyKeyMismatch({ key })
      }
      return row?.execution_id
    }).pipe(mapStoreErrors("RunStarter.claim"))

  const release = (userId: UserId, key: string) =>
    sql`delete from gateway_idempotency where user_id = ${userId} and key = ${key}`.pipe(
      mapStoreErrors("RunStarter.release"),
      Effect.ignore
    )

  /** The run's end as the store has it, when it has ended (or undefined). */
  const storedEnd = (executionId: string) =>
    store.get(ExecutionId.make(executionId)).pipe(
      Effect.map((run) =>
        isFinal(run.status) ? finished(executionId, run.status, run.outputs, run.stuckNodes) : undefined
      ),
      Effect.orElseSucceed(() => undefined)
    )

  const start = Effect.fn("RunStarter.start")(function* (options: StartOptions) {
    const fresh = NodeCrypto.randomUUID()
    const key = options.idempotencyKey
    const existing = key === undefined ? undefined : yield* claim(options.userId, key, digestOf(options), fresh)
    const executionId = existing ?? fresh
    const launch =
      existing !== undefined
        ? Effect.void
        : executions
            .startDetached({
              graphId: options.graphId,
              ...(options.graphVersion === undefined ? {} : { graphVersion: options.graphVersion }),
              inputs: options.inputs,
              userId: options.userId,
              asAdmin: options.asAdmin,
              executionId
            })
            .pipe(Effect.tapError(() => (key === undefined ? Effect.void : release(options.userId, key))))
    const accepted: StartOutcome = { _tag: "Accepted", executionId }
    const wait = Math.min(options.waitSeconds ?? 0, config.maxWaitSeconds)
    if (wait <= 0) return yield* Effect.as(launch, accepted)
    // The end arrives as the run's last event (EventHub): listen before starting, so it cannot be missed.
    return yield* Effect.scoped(
      Effect.gen(function* () {
        const ended = yield* Deferred.make<RunEventWire & { readonly _tag: "graph" }>()
        yield* hub.subscribeRun(executionId, (batch) => {
          for (const event of batch.events) {
            if (event._tag === "graph" && isFinal(event.status)) Deferred.doneUnsafe(ended, Exit.succeed(event))
          }
        })
        yield* launch
        // A run started earlier under the same key may have ended before this request listened.
        const before = existing === undefined ? undefined : yield* storedEnd(executionId)
        if (before !== undefined) return before
        const end = yield* Deferred.await(ended).pipe(Effect.timeoutOption(Duration.seconds(wait)))
        if (Option.isNone(end)) return accepted
        const event = end.value
        if (event.outputs !== undefined && event.stuckNodes !== undefined) {
          return finished(executionId, event.status, event.outputs, event.stuckNodes)
        }
        // Too large to travel with the event: read from the store.
        return (yield* storedEnd(executionId)) ?? accepted
      })
    )
  })

  return { start }
})

export class RunStarter extends Context.Service<RunStarter, Effect.Success<typeof makeStarter>>()(
  "@weft/gateway/RunStarter"
) {
  static readonly layer = Layer.effect(RunStarter, makeStarter)
}
