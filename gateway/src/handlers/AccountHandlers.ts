/** The caller's own things: `me`, `blocks` (the catalogue), `credentials` (write-only secrets) and `apiKeys`. */
import { Effect, Layer, Redacted } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { describeBlock } from "@weft/block-sdk"
import { BlockRegistry, CredentialId, CredentialVault, type RegisteredBlock, UserStore } from "@weft/runtime"
import { Api } from "../Api.ts"
import type { BlockDescriptor } from "../ApiSchemas.ts"
import { ApiKeys } from "../ApiKeys.ts"
import { CurrentPrincipal } from "../Authentication.ts"
import { MarketplaceGateway } from "../MarketplaceGateway.ts"
import { notFound, problems } from "../ProblemMapping.ts"

const MeHandlers = HttpApiBuilder.group(
  Api,
  "me",
  Effect.fn(function* (handlers) {
    const users = yield* UserStore
    return handlers.handleAll({
      get: () =>
        Effect.gen(function* () {
          const principal = yield* CurrentPrincipal
          const user = yield* users
            .get(principal.userId)
            .pipe(Effect.catchTag("UserNotFound", () => Effect.die(new Error("authenticated user has no row"))))
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            isAdmin: principal.isAdmin,
            authenticatedBy: principal.authenticatedBy,
            scopes: principal.scopes
          }
        }).pipe(problems)
    })
  })
)

/**
 * The caller's catalogue: the built-ins and the blocks of the plugin versions installed in their workspace, loaded
 * on demand, so an install shows up on the next request. Without a registry, the built-ins.
 */
const BlockHandlers = HttpApiBuilder.group(
  Api,
  "blocks",
  Effect.fn(function* (handlers) {
    const registry = yield* BlockRegistry
    const marketplace = yield* MarketplaceGateway
    const described = new WeakMap<RegisteredBlock["block"], BlockDescriptor>()
    const describe = (entry: RegisteredBlock): BlockDescriptor => {
      const known = described.get(entry.block)
      if (known !== undefined) return known
      const descriptor: BlockDescriptor = {
        ...describeBlock(entry.block),
        ...(entry.package === undefined ? {} : { package: entry.package }),
        ...(entry.packageVersion === undefined ? {} : { packageVersion: entry.packageVersion })
      }
      described.set(entry.block, descriptor)
      return descriptor
    }
    const catalogue = Effect.gen(function* () {
      const principal = yield* CurrentPrincipal
      const installs = yield* marketplace
        .list(principal.userId)
        .pipe(Effect.catchTag("MarketplaceUnavailable", () => Effect.succeed([])))
      const listed = yield* registry.list(installs.map((i) => ({ package: i.package, version: i.version })))
      return listed.map(describe)
    })
    return handlers.handleAll({
      list: () => catalogue,
      get: ({ params }) =>
        Effect.flatMap(catalogue, (descriptors) => {
          const found = descriptors.find((d) => d.id === params.blockId)
          return found === undefined ? Effect.fail(notFound("block", params.blockId)) : Effect.succeed(found)
        })
    })
  })
)

const CredentialHandlers = HttpApiBuilder.group(
  Api,
  "credentials",
  Effect.fn(function* (handlers) {
    const vault = yield* CredentialVault
    return handlers.handleAll({
      create: ({ payload }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          vault.create(principal.userId, payload.provider, payload.name, Redacted.make(payload.secret))
        ).pipe(problems),
      list: () => Effect.flatMap(CurrentPrincipal, (principal) => vault.list(principal.userId)).pipe(problems),
      delete: ({ params }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          vault.delete(principal.userId, CredentialId.make(params.credentialId))
        ).pipe(problems)
    })
  })
)

const ApiKeyHandlers = HttpApiBuilder.group(
  Api,
  "apiKeys",
  Effect.fn(function* (handlers) {
    const keys = yield* ApiKeys
    return handlers.handleAll({
      create: ({ payload }) =>
        Effect.flatMap(CurrentPrincipal, (principal) =>
          keys.create(principal.userId, payload.name, payload.scopes)
        ).pipe(problems),
      list: () => Effect.flatMap(CurrentPrincipal, (principal) => keys.list(principal.userId)).pipe(problems),
      revoke: ({ params }) =>
        Effect.flatMap(CurrentPrincipal, (principal) => keys.revoke(principal.userId, params.keyId)).pipe(problems)
    })
  })
)

export const AccountHandlers = Layer.mergeAll(MeHandlers, BlockHandlers, CredentialHandlers, ApiKeyHandlers)
