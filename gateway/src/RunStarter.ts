/**
 * Starting a run for the API and for webhooks: honours `Idempotency-Key` (the same key from the same user
 * returns the first run instead of starting another) and `?wait=` (answer with the run's status and outputs
 * if it ends within the wait, capped by WEFT_MAX_WAIT_SECONDS; else the id at once). The gateway follows only a
 * run's end (Executions.launch): one cluster request and one reply per run, not a stream of its outputs.
 *
 * Idempotency: the key is claimed with the run's id before the run is started, in one INSERT; a concurrent
 * request with the same key finds the claim and answers with that id. A start that is rejected releases the
 * claim, so nothing half-written remains. The claim also records a digest of the request (graph, version,
 * inputs, canonical JSON): the same key with a different request is refused (`IdempotencyKeyMismatch`).
 */
import { Context, Duration, Effect, Layer, Option, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeCrypto from "node:crypto"
import { Executions, type RunEnd } from "@weft/actors"
import { mapStoreErrors, type UserId } from "@weft/runtime"
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

const makeStarter = Effect.gen(function* () {
  const executions = yield* Executions
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

  const start = Effect.fn("RunStarter.start")(function* (options: StartOptions) {
    const fresh = NodeCrypto.randomUUID()
    const key = options.idempotencyKey
    const existing = key === undefined ? undefined : yield* claim(options.userId, key, digestOf(options), fresh)
    const executionId = existing ?? fresh
    const wait = Math.min(options.waitSeconds ?? 0, config.maxWaitSeconds)
    let end: Effect.Effect<RunEnd | undefined>
    let ended: RunEnd | undefined
    if (existing === undefined) {
      const launched = yield* executions
        .launch({
          graphId: options.graphId,
          ...(options.graphVersion === undefined ? {} : { graphVersion: options.graphVersion }),
          inputs: options.inputs,
          userId: options.userId,
          asAdmin: options.asAdmin,
          executionId
        })
        .pipe(Effect.tapError(() => (key === undefined ? Effect.void : release(options.userId, key))))
      end = launched.end
      ended = launched.ended
    } else {
      end = executions.awaitEnd(executionId)
    }
    const accepted: StartOutcome = { _tag: "Accepted", executionId }
    if (wait <= 0) return accepted
    // A run that ran instantly has its end already: no timer to set.
    const last =
      ended === undefined ? yield* end.pipe(Effect.timeoutOption(Duration.seconds(wait))) : Option.some(ended)
    if (Option.isNone(last) || last.value === undefined) return accepted
    const { status, outputs, stuckNodes } = last.value
    return status === "COMPLETED" || status === "FAILED" || status === "TERMINATED"
      ? ({ _tag: "Finished", executionId, status, outputs, stuckNodes } satisfies StartOutcome)
      : accepted
  })

  return { start }
})

export class RunStarter extends Context.Service<RunStarter, Effect.Success<typeof makeStarter>>()(
  "@weft/gateway/RunStarter"
) {
  static readonly layer = Layer.effect(RunStarter, makeStarter)
}
