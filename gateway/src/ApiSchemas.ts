/**
 * The bodies the API accepts and returns, as Schemas shared by the server, the OpenAPI document and the generated
 * client. Domain records (Graph, ExecutionRecord, ...) come from @weft/runtime unchanged; what is here is what
 * only the HTTP face needs: request bodies, summaries and the one-time secrets of keys and webhook tokens.
 */
import { Schema } from "effect"
import { StuckNodeReport } from "@weft/actors"
import { CredentialMetadata, ExecutionDetail, ExecutionRecord, ExecutionStatus } from "@weft/runtime"

export { CredentialMetadata, ExecutionDetail, ExecutionRecord }

export const Scope = Schema.Literals(["read", "execute", "manage"])
export type Scope = typeof Scope.Type
export const allScopes: ReadonlyArray<Scope> = ["read", "execute", "manage"]

export const Me = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  email: Schema.NullOr(Schema.String),
  isAdmin: Schema.Boolean,
  authenticatedBy: Schema.Literals(["jwt", "api-key"]),
  scopes: Schema.Array(Scope)
})

export const BlockDescriptor = Schema.Struct({
  id: Schema.String,
  version: Schema.String,
  package: Schema.optionalKey(Schema.String),
  packageVersion: Schema.optionalKey(Schema.String),
  name: Schema.String,
  description: Schema.String,
  categories: Schema.Array(Schema.String),
  inputSchema: Schema.Unknown,
  outputSchema: Schema.Unknown,
  staticOutput: Schema.Boolean,
  dynamicOutput: Schema.Boolean,
  credentials: Schema.Record(
    Schema.String,
    Schema.Struct({ provider: Schema.String, description: Schema.optionalKey(Schema.String) })
  )
})
export type BlockDescriptor = typeof BlockDescriptor.Type

export const SetActiveVersion = Schema.Struct({ version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)) })

/** 202: the run is stored and queued; poll it or watch it over the WebSocket. */
export const RunAccepted = Schema.Struct({
  executionId: Schema.String,
  status: Schema.Literals(["QUEUED", "RUNNING"])
})

/** 200 for `?wait=`: the run ended within the wait. */
export const RunFinished = Schema.Struct({
  executionId: Schema.String,
  status: Schema.Literals(["COMPLETED", "FAILED", "TERMINATED"]),
  outputs: Schema.Record(Schema.String, Schema.Array(Schema.Unknown)),
  stuckNodes: Schema.Array(StuckNodeReport)
})
export type RunFinished = typeof RunFinished.Type

export const StartExecution = Schema.Struct({
  graphId: Schema.NonEmptyString,
  /** The active version when omitted. */
  graphVersion: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  inputs: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown))
})

/** `?wait=<seconds>`: 0 (the default) answers at once; the server caps it (WEFT_MAX_WAIT_SECONDS). */
export const WaitQuery = Schema.optionalKey(
  Schema.NumberFromString.check(Schema.isBetween({ minimum: 0, maximum: 3600 }))
)

export const ExecutionPage = Schema.Struct({
  items: Schema.Array(ExecutionRecord),
  nextCursor: Schema.NullOr(Schema.String)
})

export const CancelResult = Schema.Struct({
  executionId: Schema.String,
  /** True when this call ended a run that was still going; false when it had already ended. */
  cancelled: Schema.Boolean,
  status: ExecutionStatus
})

export const NewCredential = Schema.Struct({
  provider: Schema.NonEmptyString.check(Schema.isMaxLength(100)),
  name: Schema.NonEmptyString.check(Schema.isMaxLength(200)),
  /** Write-only: encrypted at rest, never returned by any endpoint. */
  secret: Schema.NonEmptyString.check(Schema.isMaxLength(16_384))
})

export const NewApiKey = Schema.Struct({
  name: Schema.NonEmptyString.check(Schema.isMaxLength(200)),
  scopes: Schema.Array(Scope).check(Schema.isMinLength(1))
})

export const ApiKeyMetadata = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  scopes: Schema.Array(Scope),
  /** The first characters of the key, to tell keys apart in a list. */
  prefix: Schema.String,
  createdAt: Schema.String,
  lastUsedAt: Schema.NullOr(Schema.String)
})
export type ApiKeyMetadata = typeof ApiKeyMetadata.Type

/** Returned once, at creation: `key` is not stored (only its salted hash) and cannot be shown again. */
export const CreatedApiKey = Schema.Struct({ ...ApiKeyMetadata.fields, key: Schema.String })

export const WebhookMetadata = Schema.Struct({
  id: Schema.String,
  graphId: Schema.String,
  prefix: Schema.String,
  createdAt: Schema.String
})
export type WebhookMetadata = typeof WebhookMetadata.Type

/** Returned once: `token` goes into `POST /hooks/{token}`; only its hash is stored. */
export const CreatedWebhook = Schema.Struct({ ...WebhookMetadata.fields, token: Schema.String, url: Schema.String })

export const Health = Schema.Struct({ status: Schema.Literal("ok") })

/** The local admin's login, offered to the studio by `weft dev` on loopback only. */
export const LocalSession = Schema.Struct({ token: Schema.String, name: Schema.String })

export const Readiness = Schema.Struct({
  status: Schema.Literals(["ready", "degraded"]),
  database: Schema.Literals(["up", "down"]),
  rateLimiter: Schema.Struct({
    backend: Schema.Literals(["redis", "memory"]),
    reachable: Schema.Boolean,
    /** What happens to requests while Redis is unreachable. */
    onFailure: Schema.Literals(["open", "closed"])
  }),
  runners: Schema.Int
})
