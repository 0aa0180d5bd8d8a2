/** The `graphs` group: saved graphs and their versions, owner-checked (others' graphs are 404). */
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { Access, GraphId, GraphStore, GraphVersion } from "@weft/runtime"
import { Api } from "../Api.ts"
import { Conflict } from "../ApiProblems.ts"
import { accessOf, CurrentPrincipal } from "../Authentication.ts"
import { exportGraph, prepareGraph } from "../GraphPreparation.ts"
import { problems } from "../ProblemMapping.ts"
import { Webhooks } from "../Webhooks.ts"

const versionOf = (version: number | undefined) => (version === undefined ? undefined : GraphVersion.make(version))

export const GraphHandlers = HttpApiBuilder.group(
  Api,
  "graphs",
  Effect.fn(function* (handlers) {
    const graphs = yield* GraphStore
    const webhooks = yield* Webhooks

    return handlers.handleAll({
      list: () => Effect.flatMap(CurrentPrincipal, (principal) => graphs.list(principal.userId)).pipe(problems),
      create: ({ payload }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const document = yield* prepareGraph(payload, accessOf(principal), principal.userId)
          return yield* graphs.create(principal.userId, document)
        }).pipe(problems),
      import: ({ payload }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const document = yield* prepareGraph(payload, accessOf(principal), principal.userId)
          if (document.id !== undefined) {
            const taken = yield* graphs.get(document.id, Access.admin).pipe(
              Effect.as(true),
              Effect.catchTags({
                GraphNotFound: () => Effect.succeed(false),
                GraphAccessDenied: () => Effect.succeed(true)
              })
            )
            if (taken)
              return yield* new Conflict({ detail: `a graph with id "${document.id}" exists; import it without an id` })
          }
          return yield* graphs.create(principal.userId, document, document.id)
        }).pipe(problems),
      get: ({ params, query }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          graphs.get(GraphId.make(params.graphId), accessOf(principal), versionOf(query.version))
        ).pipe(problems),
      update: ({ params, payload, query }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const id = GraphId.make(params.graphId)
          // The owner check first, so a stranger learns nothing from validation errors.
          yield* graphs.get(id, accessOf(principal))
          const document = yield* prepareGraph(
            { ...payloadObject(payload), id: params.graphId },
            accessOf(principal),
            principal.userId
          )
          return yield* graphs.createVersion(id, accessOf(principal), { ...document, versionMessage: query.message })
        }).pipe(problems),
      versions: ({ params }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          graphs.listVersions(GraphId.make(params.graphId), accessOf(principal))
        ).pipe(problems),
      setActive: ({ params, payload }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          graphs.setActive(GraphId.make(params.graphId), GraphVersion.make(payload.version), accessOf(principal))
        ).pipe(problems),
      delete: ({ params }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          yield* graphs.delete(GraphId.make(params.graphId), accessOf(principal))
          yield* webhooks.deleteForGraph(params.graphId)
        }).pipe(problems),
      export: ({ params, query }) =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const graph = yield* graphs.get(GraphId.make(params.graphId), accessOf(principal), versionOf(query.version))
          return yield* exportGraph(graph)
        }).pipe(problems)
    })
  })
)

/** The decoded payload as a plain object, to override its id with the path's. */
const payloadObject = (payload: object): Record<string, unknown> => ({ ...payload })
