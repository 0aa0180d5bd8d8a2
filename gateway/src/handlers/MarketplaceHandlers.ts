/** The `marketplace` group: search and detail of plugin packages, and the caller's workspace installs. */
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { Api } from "../Api.ts"
import { Forbidden } from "../ApiProblems.ts"
import { CurrentPrincipal } from "../Authentication.ts"
import { GatewayConfig } from "../GatewayConfig.ts"
import { MarketplaceGateway } from "../MarketplaceGateway.ts"
import { problems } from "../ProblemMapping.ts"

export const MarketplaceHandlers = HttpApiBuilder.group(
  Api,
  "marketplace",
  Effect.fn(function* (handlers) {
    const marketplace = yield* MarketplaceGateway
    const config = yield* GatewayConfig
    return handlers.handleAll({
      search: ({ query }) =>
        marketplace
          .search({
            limit: query.limit ?? 20,
            ...(query.text === undefined ? {} : { text: query.text }),
            ...(query.category === undefined ? {} : { category: query.category }),
            ...(query.keyword === undefined ? {} : { keyword: query.keyword }),
            ...(query.cursor === undefined ? {} : { cursor: query.cursor })
          })
          .pipe(problems),
      detail: ({ params }) => marketplace.detail(params.name).pipe(problems),
      install: ({ payload }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          marketplace.install(principal.userId, payload.package, payload.version)
        ).pipe(problems),
      upgrade: ({ params, payload }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          marketplace.upgrade(principal.userId, params.package, payload.version)
        ).pipe(problems),
      uninstall: ({ params }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          marketplace.uninstall(principal.userId, params.package, params.version)
        ).pipe(problems),
      installs: () =>
        Effect.flatMap(CurrentPrincipal, (principal) => marketplace.list(principal.userId)).pipe(problems),
      publishToken: () =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          if (!principal.isAdmin && !config.pluginPublishers.includes(principal.userId)) {
            return yield* new Forbidden({
              detail: "publishing plugins is for admins and the users in WEFT_PLUGIN_PUBLISHERS"
            })
          }
          return yield* marketplace.publishToken(principal.userId).pipe(problems)
        })
    })
  })
)
