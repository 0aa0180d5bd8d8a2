/**
 * HTTP request block. Inside the sandbox `fetch` is the host's capability: it reaches only the hosts the
 * package's manifest declares (`weft.permissions.net`), follows no redirects, and the block's timeout aborts it.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Effect, Schema, Stream } from "effect"

const Method = Schema.Literals(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])

export const HttpRequest = Block.make({
  id: "HttpRequest",
  version: "1.0.0",
  name: "HTTP request",
  description: "Sends an HTTP request and yields the response's status, headers and body.",
  categories: ["http"],
  input: {
    url: Schema.String.pipe(Pin.annotate({ title: "URL" })),
    method: Method.pipe(Pin.withDefault("GET")),
    headers: Schema.Record(Schema.String, Schema.String).pipe(Pin.withDefault({})),
    body: Pin.optional(Schema.String.pipe(Pin.annotate({ title: "Body" }))),
    timeout_ms: Schema.Number.pipe(Pin.advanced, Pin.withDefault(30_000))
  },
  output: {
    status: Schema.Number,
    headers: Schema.Record(Schema.String, Schema.String),
    body: Schema.String
  },
  run: (input) =>
    Stream.fromEffect(
      Effect.tryPromise({
        try: async () => {
          const response = await fetch(input.url, {
            method: input.method,
            headers: input.headers,
            signal: AbortSignal.timeout(input.timeout_ms),
            ...(input.body === undefined ? {} : { body: input.body })
          })
          return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() }
        },
        catch: (cause) =>
          new BlockError({
            message: `HTTP request failed: ${cause instanceof Error ? cause.message : String(cause)}`,
            retryable: true
          })
      })
    ).pipe(
      Stream.flatMap((r) =>
        Stream.make(
          { pin: "status" as const, value: r.status },
          { pin: "headers" as const, value: r.headers },
          { pin: "body" as const, value: r.body }
        )
      )
    )
})
