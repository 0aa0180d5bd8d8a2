/**
 * The RFC 9457 problem types the API answers with. Each is an `HttpApiError.Problem` class, so the endpoints
 * that declare it render it as `application/problem+json`, document it in OpenAPI and decode it in the generated
 * client as a typed error. Domain errors become these in one place: ProblemMapping.ts.
 */
import { Schema } from "effect"
import { HttpApiError } from "effect/http-api"
import { GraphFileProblem, GraphIssue } from "@weft/runtime"

const base = "https://weft.dev/problems"

/** Missing, or owned by someone else: both answer 404 so ids of other users' resources do not leak. */
export class NotFound extends HttpApiError.Problem<NotFound>()(
  "NotFound",
  {
    type: `${base}/not-found`,
    status: 404,
    title: "Not Found"
  },
  {
    resource: Schema.String,
    id: Schema.String
  }
) {}

export class Unauthorized extends HttpApiError.Problem<Unauthorized>()("Unauthorized", {
  type: `${base}/unauthorized`,
  status: 401,
  title: "Unauthorized"
}) {}

/** Authenticated, but the API key lacks the scope the endpoint needs. */
export class Forbidden extends HttpApiError.Problem<Forbidden>()(
  "Forbidden",
  {
    type: `${base}/forbidden`,
    status: 403,
    title: "Forbidden"
  },
  {
    requiredScope: Schema.optionalKey(Schema.String)
  }
) {}

/** The graph does not validate: one entry per node / link / pin problem, or per place in the file. */
export class InvalidGraph extends HttpApiError.Problem<InvalidGraph>()(
  "InvalidGraph",
  {
    type: `${base}/invalid-graph`,
    status: 422,
    title: "Invalid graph"
  },
  {
    issues: Schema.Array(GraphIssue),
    fileProblems: Schema.Array(GraphFileProblem)
  }
) {}

/** The run would not start with these inputs; nothing was stored. */
export class RunRejected extends HttpApiError.Problem<RunRejected>()(
  "RunRejected",
  {
    type: `${base}/run-rejected`,
    status: 422,
    title: "Run rejected"
  },
  {
    /** nodeId -> what is wrong with that starting node's input. */
    nodeErrors: Schema.Record(Schema.String, Schema.Array(Schema.String)),
    /** Input names that match no AgentInput node. */
    unknownInputs: Schema.Array(Schema.String)
  }
) {}

/** A request that is well-formed JSON but wrong in a way the schema cannot say (a bad cursor, ...). */
export class InvalidRequest extends HttpApiError.Problem<InvalidRequest>()(
  "InvalidRequest",
  {
    type: `${base}/invalid-request`,
    status: 400,
    title: "Invalid request"
  },
  {
    field: Schema.optionalKey(Schema.String)
  }
) {}

export class Conflict extends HttpApiError.Problem<Conflict>()("Conflict", {
  type: `${base}/conflict`,
  status: 409,
  title: "Conflict"
}) {}

/** An `Idempotency-Key` sent again with a different request (draft-ietf-httpapi-idempotency-key-header: 422). */
export class IdempotencyKeyReused extends HttpApiError.Problem<IdempotencyKeyReused>()("IdempotencyKeyReused", {
  type: `${base}/idempotency-key-reused`,
  status: 422,
  title: "Idempotency key reused"
}) {}

export class RateLimited extends HttpApiError.Problem<RateLimited>()(
  "RateLimited",
  {
    type: `${base}/rate-limited`,
    status: 429,
    title: "Too Many Requests"
  },
  {
    /** Seconds until the window resets (also in the Retry-After header). */
    retryAfter: Schema.Int
  }
) {}

/** The database (or Redis with fail-closed) is not reachable; retry later. */
export class Unavailable extends HttpApiError.Problem<Unavailable>()("Unavailable", {
  type: `${base}/unavailable`,
  status: 503,
  title: "Service Unavailable"
}) {}

/** Uninstall refused: the caller's active graph versions (named here) still use the plugin version. */
export class PackageInUse extends HttpApiError.Problem<PackageInUse>()(
  "PackageInUse",
  {
    type: `${base}/package-in-use`,
    status: 409,
    title: "Package in use"
  },
  {
    package: Schema.String,
    version: Schema.String,
    graphs: Schema.Array(Schema.Struct({ id: Schema.String, version: Schema.Int, name: Schema.String }))
  }
) {}
