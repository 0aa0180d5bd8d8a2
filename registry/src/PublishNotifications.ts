/**
 * Publish notifications from the embedded Verdaccio: its `notify` hook POSTs each publish and unpublish to a
 * listener on 127.0.0.1 that only accepts a per-start secret. Verdaccio waits for the answer before it answers
 * `npm publish`, and the listener answers once its subscribers (the marketplace index) are done, within a bound:
 * so a publish that returned is already searchable, and a slow index never blocks a publish for long.
 */
import { Duration, Effect, Exit, Schema, type Scope } from "effect"
import * as NodeCrypto from "node:crypto"
import * as NodeHttp from "node:http"
import type { AddressInfo } from "node:net"
import { RegistryError } from "./EmbeddedVerdaccio.ts"

/** What Verdaccio's notify template sends (see `notifyConfig`). */
export const PublishNotice = Schema.Struct({
  name: Schema.String,
  /** `name@version` for a publish; the name alone when a whole package is unpublished. */
  package: Schema.String,
  type: Schema.Literals(["publish", "unpublish"])
})
export type PublishNotice = typeof PublishNotice.Type

/** The version a notice names, if it names one. */
export const noticeVersion = (notice: PublishNotice): string | undefined => {
  const at = notice.package.lastIndexOf("@")
  return at > 0 && notice.package.slice(0, at) === notice.name ? notice.package.slice(at + 1) : undefined
}

export interface NotifyEndpoint {
  readonly url: string
  readonly token: string
}

/** The `notify` section of Verdaccio's config that posts to `endpoint`. */
export const notifyConfig = (endpoint: NotifyEndpoint) => ({
  method: "POST",
  headers: [{ "Content-Type": "application/json" }, { Authorization: `Bearer ${endpoint.token}` }],
  endpoint: endpoint.url,
  // Handlebars escapes quotes and angle brackets; npm names and versions contain neither.
  content: '{"name":"{{name}}","package":"{{publishedPackage}}","type":"{{publishType}}"}'
})

export interface PublishNotifications {
  readonly endpoint: NotifyEndpoint
  /** Runs `handler` on every notice while the scope lasts. */
  readonly subscribe: (
    handler: (notice: PublishNotice) => Effect.Effect<void>
  ) => Effect.Effect<void, never, Scope.Scope>
}

const maxBody = 64 * 1024
const decodeNotice = Schema.decodeUnknownExit(Schema.fromJsonString(PublishNotice))

/** Starts the listener for the scope's lifetime. `answerWithin` bounds how long a publish waits for subscribers. */
export const listenForPublishes = (
  options: { readonly answerWithin?: Duration.Input } = {}
): Effect.Effect<PublishNotifications, RegistryError, Scope.Scope> =>
  Effect.gen(function* () {
    const token = NodeCrypto.randomBytes(32).toString("base64url")
    const expected = Buffer.from(`Bearer ${token}`)
    const handlers = new Set<(notice: PublishNotice) => Effect.Effect<void>>()
    const services = yield* Effect.context<never>()
    const bound = Duration.fromInputUnsafe(options.answerWithin ?? "30 seconds")

    const authorized = (header: string | undefined): boolean => {
      const given = Buffer.from(header ?? "")
      return given.length === expected.length && NodeCrypto.timingSafeEqual(given, expected)
    }
    const deliver = (notice: PublishNotice) =>
      Effect.forEach(handlers, (handler) => handler(notice), { concurrency: "unbounded", discard: true }).pipe(
        Effect.timeout(bound),
        Effect.catchCause((cause) => Effect.logWarning("publish notification not fully handled", cause))
      )

    const server = NodeHttp.createServer((request, response) => {
      const answer = (status: number) => {
        response.writeHead(status).end()
      }
      if (request.method !== "POST" || !authorized(request.headers.authorization)) {
        request.resume()
        return answer(403)
      }
      const chunks: Array<Buffer> = []
      let size = 0
      request.on("data", (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBody) request.destroy()
        else chunks.push(chunk)
      })
      request.on("end", () => {
        const notice = decodeNotice(Buffer.concat(chunks).toString("utf8"))
        if (Exit.isFailure(notice)) return answer(400)
        Effect.runPromiseWith(services)(deliver(notice.value)).then(() => answer(204))
      })
    })
    yield* Effect.acquireRelease(
      Effect.callback<void, RegistryError>((resume) => {
        server.once("error", (cause) =>
          resume(Effect.fail(new RegistryError({ reason: "Start", message: `notify listener: ${cause.message}` })))
        )
        server.listen(0, "127.0.0.1", () => resume(Effect.void))
      }),
      () =>
        Effect.callback<void>((resume) => {
          server.closeAllConnections()
          server.close(() => resume(Effect.void))
        })
    )
    // `listen` bound a TCP address above, so `address()` is an AddressInfo (a boundary cast of Node's union type).
    const { port } = server.address() as AddressInfo

    const subscribe = (handler: (notice: PublishNotice) => Effect.Effect<void>) =>
      Effect.acquireRelease(
        Effect.sync(() => handlers.add(handler)),
        () => Effect.sync(() => handlers.delete(handler))
      ).pipe(Effect.asVoid)

    return { endpoint: { url: `http://127.0.0.1:${port}/notify`, token }, subscribe }
  })
