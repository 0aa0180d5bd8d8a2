/**
 * The Weft HTTP API as one `effect/http-api` definition: the server (ApiHandlers), the OpenAPI document at
 * `/openapi.json`, the docs UI at `/docs` and the typed client (GatewayClient.ts) are all derived from it.
 * Everything under `/api/v1` runs behind `Authentication`; `/health`, `/ready` and `/hooks/{token}` do not.
 * Request bodies are strict: a field the schema does not name is a 400, never silently dropped.
 */
import { Schema } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiMiddleware, HttpApiSchema, OpenApi } from "effect/http-api"
import { Graph, GraphFile } from "@weft/runtime"
import {
  Conflict,
  Forbidden,
  IdempotencyKeyReused,
  InvalidGraph,
  InvalidRequest,
  NotFound,
  PackageInUse,
  RateLimited,
  RunRejected,
  Unavailable
} from "./ApiProblems.ts"
import {
  ApiKeyMetadata,
  BlockDescriptor,
  CancelResult,
  CreatedApiKey,
  CreatedWebhook,
  CredentialMetadata,
  ExecutionDetail,
  ExecutionPage,
  Health,
  Me,
  NewApiKey,
  NewCredential,
  Readiness,
  RunAccepted,
  RunFinished,
  SetActiveVersion,
  StartExecution,
  LocalSession,
  WaitQuery,
  WebhookMetadata
} from "./ApiSchemas.ts"
import { Authentication } from "./Authentication.ts"
import {
  InstalledPlugin,
  MarketplaceDetail,
  MarketplacePage,
  NewInstall,
  PublishToken,
  UpgradeOutcome,
  UpgradeTo
} from "./MarketplaceGateway.ts"

const Created = HttpApiSchema.status(201)
const Accepted = HttpApiSchema.status(202)
const graphIdParam = { graphId: Schema.NonEmptyString }
/** `?message=`: the author's note on the version being saved (kept beside it, not in the graph file). */
const versionMessageQuery = { message: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(500))) }
const versionQuery = {
  version: Schema.optionalKey(Schema.NumberFromString.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1)))
}

export class SystemGroup extends HttpApiGroup.make("system", { topLevel: true })
  .add(HttpApiEndpoint.get("health", "/health", { success: Health }))
  .add(HttpApiEndpoint.get("ready", "/ready", { success: Readiness, error: Unavailable }))
  .add(
    HttpApiEndpoint.get("localSession", "/local-session", {
      success: LocalSession,
      error: [NotFound, Unavailable]
    }).annotate(
      OpenApi.Description,
      "Embedded mode (`weft dev`) only, and only to a browser on this machine: the local admin's login token"
    )
  )
  .annotateMerge(OpenApi.annotations({ title: "System", description: "Liveness and readiness probes" })) {}

export class HooksGroup extends HttpApiGroup.make("hooks")
  .add(
    HttpApiEndpoint.post("trigger", "/hooks/:token", {
      params: { token: Schema.NonEmptyString },
      query: { wait: WaitQuery },
      payload: Schema.Unknown,
      // 200: the graph's outputs when the run ended within `?wait=`; 202: the run id otherwise.
      success: [RunAccepted.pipe(Accepted), Schema.Record(Schema.String, Schema.Array(Schema.Unknown))],
      error: [NotFound, RunRejected, RateLimited, Unavailable]
    })
  )
  .annotateMerge(
    OpenApi.annotations({
      title: "Webhooks",
      description: "Starts the active version of the token's graph with the request body as its `payload` input"
    })
  ) {}

export class MeGroup extends HttpApiGroup.make("me").add(
  HttpApiEndpoint.get("get", "/me", { success: Me, error: Unavailable })
) {}

export class BlocksGroup extends HttpApiGroup.make("blocks")
  .add(HttpApiEndpoint.get("list", "/blocks", { success: Schema.Array(BlockDescriptor), error: Unavailable }))
  .add(
    HttpApiEndpoint.get("get", "/blocks/:blockId", {
      params: { blockId: Schema.NonEmptyString },
      success: BlockDescriptor,
      error: [NotFound, Unavailable]
    })
  ) {}

export class GraphsGroup extends HttpApiGroup.make("graphs")
  .add(HttpApiEndpoint.get("list", "/graphs", { success: Schema.Array(Graph), error: Unavailable }))
  .add(
    HttpApiEndpoint.post("create", "/graphs", {
      payload: GraphFile,
      success: Graph.pipe(Created),
      error: [InvalidGraph, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.post("import", "/graphs/import", {
      payload: GraphFile,
      success: Graph.pipe(Created),
      error: [InvalidGraph, Conflict, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.get("get", "/graphs/:graphId", {
      params: graphIdParam,
      query: versionQuery,
      success: Graph,
      error: [NotFound, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.put("update", "/graphs/:graphId", {
      params: graphIdParam,
      query: versionMessageQuery,
      payload: GraphFile,
      success: Graph,
      error: [NotFound, InvalidGraph, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.get("versions", "/graphs/:graphId/versions", {
      params: graphIdParam,
      success: Schema.Array(Graph),
      error: [NotFound, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.put("setActive", "/graphs/:graphId/active", {
      params: graphIdParam,
      payload: SetActiveVersion,
      success: Graph,
      error: [NotFound, Unavailable]
    })
  )
  .add(HttpApiEndpoint.delete("delete", "/graphs/:graphId", { params: graphIdParam, error: [NotFound, Unavailable] }))
  .add(
    HttpApiEndpoint.get("export", "/graphs/:graphId/export", {
      params: graphIdParam,
      query: versionQuery,
      success: Schema.toEncoded(GraphFile),
      error: [NotFound, Unavailable]
    })
  ) {}

export class ExecutionsGroup extends HttpApiGroup.make("executions")
  .add(
    HttpApiEndpoint.post("start", "/executions", {
      payload: StartExecution,
      query: { wait: WaitQuery },
      headers: {
        "idempotency-key": Schema.optionalKey(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)))
      },
      success: [RunAccepted.pipe(Accepted), RunFinished],
      error: [NotFound, RunRejected, Conflict, IdempotencyKeyReused, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.get("list", "/executions", {
      query: {
        graphId: Schema.optionalKey(Schema.NonEmptyString),
        status: Schema.optionalKey(
          Schema.Literals(["INCOMPLETE", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "TERMINATED", "REVIEW"])
        ),
        limit: Schema.optionalKey(
          Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 500 }))
        ),
        cursor: Schema.optionalKey(Schema.String),
        /** ISO 8601 times: runs created at or after `from`, before `to`. */
        from: Schema.optionalKey(Schema.DateFromString),
        to: Schema.optionalKey(Schema.DateFromString)
      },
      success: ExecutionPage,
      error: [InvalidRequest, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.get("get", "/executions/:executionId", {
      params: { executionId: Schema.NonEmptyString },
      success: ExecutionDetail,
      error: [NotFound, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.post("cancel", "/executions/:executionId/cancel", {
      params: { executionId: Schema.NonEmptyString },
      success: CancelResult,
      error: [NotFound, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.delete("delete", "/executions/:executionId", {
      params: { executionId: Schema.NonEmptyString },
      error: [NotFound, Unavailable]
    })
  ) {}

export class CredentialsGroup extends HttpApiGroup.make("credentials")
  .add(
    HttpApiEndpoint.post("create", "/credentials", {
      payload: NewCredential,
      success: CredentialMetadata.pipe(Created),
      error: Unavailable
    })
  )
  .add(HttpApiEndpoint.get("list", "/credentials", { success: Schema.Array(CredentialMetadata), error: Unavailable }))
  .add(
    HttpApiEndpoint.delete("delete", "/credentials/:credentialId", {
      params: { credentialId: Schema.NonEmptyString },
      error: [NotFound, Unavailable]
    })
  ) {}

export class ApiKeysGroup extends HttpApiGroup.make("apiKeys")
  .add(
    HttpApiEndpoint.post("create", "/api-keys", {
      payload: NewApiKey,
      success: CreatedApiKey.pipe(Created),
      error: Unavailable
    })
  )
  .add(HttpApiEndpoint.get("list", "/api-keys", { success: Schema.Array(ApiKeyMetadata), error: Unavailable }))
  .add(
    HttpApiEndpoint.delete("revoke", "/api-keys/:keyId", {
      params: { keyId: Schema.NonEmptyString },
      error: [NotFound, Unavailable]
    })
  ) {}

export class WebhooksGroup extends HttpApiGroup.make("webhooks")
  .add(
    HttpApiEndpoint.post("create", "/graphs/:graphId/webhooks", {
      params: graphIdParam,
      success: CreatedWebhook.pipe(Created),
      error: [NotFound, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.get("list", "/graphs/:graphId/webhooks", {
      params: graphIdParam,
      success: Schema.Array(WebhookMetadata),
      error: [NotFound, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.delete("revoke", "/webhooks/:webhookId", {
      params: { webhookId: Schema.NonEmptyString },
      error: [NotFound, Unavailable]
    })
  ) {}

/**
 * The plugin marketplace and the caller's workspace installs. Package names may be scoped (`@scope/name`):
 * in a path they are one URL-encoded segment (`@scope%2Fname`).
 */
export class MarketplaceGroup extends HttpApiGroup.make("marketplace")
  .add(
    HttpApiEndpoint.get("search", "/marketplace/packages", {
      query: {
        text: Schema.optionalKey(Schema.String),
        category: Schema.optionalKey(Schema.String),
        keyword: Schema.optionalKey(Schema.String),
        limit: Schema.optionalKey(
          Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 100 }))
        ),
        cursor: Schema.optionalKey(Schema.String)
      },
      success: MarketplacePage,
      error: Unavailable
    })
  )
  .add(
    HttpApiEndpoint.get("detail", "/marketplace/packages/:name", {
      params: { name: Schema.NonEmptyString },
      success: MarketplaceDetail,
      error: [NotFound, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.post("install", "/marketplace/installs", {
      payload: NewInstall,
      success: InstalledPlugin.pipe(Created),
      error: [NotFound, InvalidRequest, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.put("upgrade", "/marketplace/installs/:package", {
      params: { package: Schema.NonEmptyString },
      payload: UpgradeTo,
      success: UpgradeOutcome,
      error: [NotFound, InvalidRequest, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.delete("uninstall", "/marketplace/installs/:package/:version", {
      params: { package: Schema.NonEmptyString, version: Schema.NonEmptyString },
      error: [NotFound, PackageInUse, Unavailable]
    })
  )
  .add(
    HttpApiEndpoint.get("installs", "/marketplace/installs", {
      success: Schema.Array(InstalledPlugin),
      error: Unavailable
    })
  )
  .add(
    HttpApiEndpoint.post("publishToken", "/marketplace/publish-tokens", {
      success: PublishToken.pipe(Created),
      error: [Forbidden, Unavailable]
    }).annotate(
      OpenApi.Description,
      "A token for `npm publish` to the plugin registry; admins and WEFT_PLUGIN_PUBLISHERS"
    )
  )
  .annotateMerge(
    OpenApi.annotations({
      title: "Marketplace",
      description: "Search plugin packages; install them into your workspace"
    })
  ) {}

/** Everything a caller must authenticate for, under `/api/v1`. */
export class Api extends HttpApi.make("weft")
  .add(MeGroup)
  .add(BlocksGroup)
  .add(GraphsGroup)
  .add(ExecutionsGroup)
  .add(CredentialsGroup)
  .add(ApiKeysGroup)
  .add(WebhooksGroup)
  .add(MarketplaceGroup)
  .middleware(Authentication)
  .prefix("/api/v1")
  .add(SystemGroup)
  .add(HooksGroup)
  .middleware(HttpApiMiddleware.ProblemDetails)
  .annotate(HttpApi.ParseOptions, { onExcessProperty: "error" })
  .annotate(HttpApi.HeadersParseOptions, {})
  .annotateMerge(
    OpenApi.annotations({
      title: "Weft API",
      version: "1",
      description:
        "REST API of Weft. Authenticate with `Authorization: Bearer <JWT>` or `X-API-Key: <key>`. Request bodies are " +
        "limited to 1 MiB (WEFT_MAX_BODY_BYTES); unknown fields are rejected. Errors are RFC 9457 problem details."
    })
  ) {}

export { Forbidden }
