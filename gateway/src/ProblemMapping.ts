/**
 * The one place where domain errors become HTTP problems (RFC 9457). Handlers pipe their effects through
 * `problems`; the type of the result names exactly the problems the domain errors can turn into, so an
 * endpoint that forgets to declare one fails to compile. Another user's resource is reported as missing (404,
 * never 403) so ids do not leak.
 */
import { Effect } from "effect"
import type {
  CredentialNotFound,
  ExecutionNotFound,
  GraphAccessDenied,
  GraphFileError,
  GraphNotFound,
  GraphValidationError,
  InvalidCursor,
  StartRejected,
  StoreError,
  UnknownBlockError
} from "@weft/runtime"
import {
  IdempotencyKeyReused,
  InvalidGraph,
  InvalidRequest,
  NotFound,
  PackageInUse,
  RunRejected,
  Unavailable
} from "./ApiProblems.ts"
import type { ApiKeyNotFound } from "./ApiKeys.ts"
import type { MarketplaceUnavailable, PackageNotFound, PluginInUse, PluginRejected } from "./MarketplaceGateway.ts"
import type { IdempotencyKeyMismatch } from "./RunStarter.ts"
import type { WebhookNotFound } from "./Webhooks.ts"

type Missing =
  | GraphNotFound
  | GraphAccessDenied
  | ExecutionNotFound
  | CredentialNotFound
  | ApiKeyNotFound
  | WebhookNotFound
  | UnknownBlockError
  | PackageNotFound

/** Every domain error a handler may meet; the ones above all answer 404. */
export type DomainError =
  | Missing
  | StoreError
  | StartRejected
  | GraphValidationError
  | GraphFileError
  | InvalidCursor
  | PluginInUse
  | PluginRejected
  | MarketplaceUnavailable
  | IdempotencyKeyMismatch

export type ProblemOf<E> = E extends Missing
  ? NotFound
  : E extends StoreError | MarketplaceUnavailable
    ? Unavailable
    : E extends StartRejected
      ? RunRejected
      : E extends GraphValidationError | GraphFileError
        ? InvalidGraph
        : E extends InvalidCursor | PluginRejected
          ? InvalidRequest
          : E extends PluginInUse
            ? PackageInUse
            : E extends IdempotencyKeyMismatch
              ? IdempotencyKeyReused
              : never

export const notFound = (resource: string, id: string): NotFound =>
  new NotFound({ resource, id, detail: `${resource} "${id}" does not exist` })

const convert = (
  error: DomainError
): NotFound | Unavailable | RunRejected | InvalidGraph | InvalidRequest | PackageInUse | IdempotencyKeyReused => {
  switch (error._tag) {
    case "GraphNotFound":
    case "GraphAccessDenied":
      return notFound("graph", error.graphId)
    case "ExecutionNotFound":
      return notFound("execution", error.id)
    case "CredentialNotFound":
      return notFound("credential", error.credentialId)
    case "ApiKeyNotFound":
      return notFound("api key", error.keyId)
    case "WebhookNotFound":
      return notFound("webhook", error.webhookId)
    case "UnknownBlockError":
      return notFound("block", error.blockId)
    case "StoreError":
      // The message can name tables and constraints: it goes to the log, not to the caller.
      return new Unavailable({ detail: "the database could not complete the request; retry later" })
    case "StartRejected":
      return new RunRejected({
        detail: error.message,
        nodeErrors: error.nodeErrors,
        unknownInputs: error.unknownInputs
      })
    case "GraphValidationError":
      return new InvalidGraph({ detail: error.message, issues: error.issues, fileProblems: [] })
    case "GraphFileError":
      return new InvalidGraph({ detail: error.message, issues: [], fileProblems: error.problems })
    case "InvalidCursor":
      return new InvalidRequest({ detail: "the cursor is not one this API returned", field: "cursor" })
    case "PackageNotFound":
      return new NotFound({
        resource: "package",
        id: error.version === undefined ? error.package : `${error.package}@${error.version}`,
        detail: error.message
      })
    case "PluginRejected":
      return new InvalidRequest({ detail: error.message, field: "version" })
    case "PluginInUse":
      return new PackageInUse({
        detail: error.message,
        package: error.package,
        version: error.version,
        graphs: error.graphs
      })
    case "MarketplaceUnavailable":
      return new Unavailable({ detail: error.message })
    case "IdempotencyKeyMismatch":
      return new IdempotencyKeyReused({ detail: error.message })
  }
}

const toProblem = <E extends DomainError>(error: E): Effect.Effect<never, ProblemOf<E>> =>
  Effect.andThen(
    error._tag === "StoreError" ? Effect.logError("store failure", error) : Effect.void,
    // `convert` returns the problem `ProblemOf<E>` names for this tag; TypeScript cannot follow a switch into
    // a conditional type, hence the one cast.
    Effect.fail(convert(error) as ProblemOf<E>)
  )

/** Maps every domain error of `self` to its problem; other failures pass through unchanged. */
export const problems = <A, E, R>(
  self: Effect.Effect<A, E, R>
): Effect.Effect<A, Exclude<E, DomainError> | ProblemOf<Extract<E, DomainError>>, R> =>
  Effect.catchIf(self, isDomainError, toProblem) as Effect.Effect<
    A,
    Exclude<E, DomainError> | ProblemOf<Extract<E, DomainError>>,
    R
  >

const domainTags: ReadonlySet<string> = new Set([
  "GraphNotFound",
  "GraphAccessDenied",
  "ExecutionNotFound",
  "CredentialNotFound",
  "ApiKeyNotFound",
  "WebhookNotFound",
  "UnknownBlockError",
  "StoreError",
  "StartRejected",
  "GraphValidationError",
  "GraphFileError",
  "InvalidCursor",
  "PackageNotFound",
  "PluginInUse",
  "PluginRejected",
  "MarketplaceUnavailable",
  "IdempotencyKeyMismatch"
])

const isDomainError = <E>(error: E): error is Extract<E, DomainError> =>
  typeof error === "object" &&
  error !== null &&
  "_tag" in error &&
  typeof error._tag === "string" &&
  domainTags.has(error._tag)
