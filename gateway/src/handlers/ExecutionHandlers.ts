/** The `executions` group: start (202, or 200 with `?wait=`), list, get, cancel, delete; owner-checked. */
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { Executions } from "@weft/actors"
import { ExecutionId, ExecutionNotFound, ExecutionStore, GraphId } from "@weft/runtime"
import { Api } from "../Api.ts"
import { CurrentPrincipal, mayAccess, type Principal } from "../Authentication.ts"
import { problems } from "../ProblemMapping.ts"
import { RunStarter } from "../RunStarter.ts"

export const ExecutionHandlers = HttpApiBuilder.group(
  Api,
  "executions",
  Effect.fn(function* (handlers) {
    const store = yield* ExecutionStore
    const executions = yield* Executions
    const starter = yield* RunStarter

    /** The run if the caller may see it; another user's run is reported missing. */
    const owned = (principal: Principal, id: string) =>
      Effect.flatMap(store.get(ExecutionId.make(id)), (detail) =>
        mayAccess(principal, detail.userId)
          ? Effect.succeed(detail)
          : Effect.fail(new ExecutionNotFound({ table: "executions", id }))
      )

    return handlers.handleAll({
      start: ({ payload, query, headers }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const outcome = yield* starter.start({
            graphId: payload.graphId,
            graphVersion: payload.graphVersion,
            inputs: payload.inputs ?? {},
            userId: principal.userId,
            asAdmin: principal.isAdmin,
            idempotencyKey: headers["idempotency-key"],
            waitSeconds: query.wait
          })
          if (outcome._tag === "Accepted") return { executionId: outcome.executionId, status: "QUEUED" as const }
          return {
            executionId: outcome.executionId,
            status: outcome.status,
            outputs: outcome.outputs,
            stuckNodes: outcome.stuckNodes
          }
        }).pipe(problems),
      list: ({ query }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          return yield* store.list({
            // Admins see every user's runs; everyone else only their own.
            userId: principal.isAdmin ? undefined : principal.userId,
            graphId: query.graphId === undefined ? undefined : GraphId.make(query.graphId),
            statuses: query.status === undefined ? undefined : [query.status],
            createdFrom: query.from,
            createdBefore: query.to,
            limit: query.limit,
            cursor: query.cursor
          })
        }).pipe(problems),
      get: ({ params }) =>
        Effect.flatMap(CurrentPrincipal, (principal) => owned(principal, params.executionId)).pipe(problems),
      cancel: ({ params }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          yield* owned(principal, params.executionId)
          const cancelled = yield* executions.cancel(params.executionId)
          const after = yield* store.get(ExecutionId.make(params.executionId))
          return { executionId: params.executionId, cancelled, status: after.status }
        }).pipe(problems),
      delete: ({ params }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const detail = yield* owned(principal, params.executionId)
          // A run still going is ended first, so no runner writes into rows being deleted.
          if (detail.status === "QUEUED" || detail.status === "RUNNING" || detail.status === "INCOMPLETE") {
            yield* executions.cancel(params.executionId)
          }
          yield* store.delete(ExecutionId.make(params.executionId))
        }).pipe(problems)
    })
  })
)
