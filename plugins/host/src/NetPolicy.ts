/**
 * The network capability of a sandboxed plugin. The sandbox has no network of its own (the permission model
 * denies it); its `fetch` sends the request here, and the host performs it only when the URL's host is one the
 * plugin's manifest declares. Redirects are not followed, so a declared host cannot bounce a plugin elsewhere.
 */
import { Effect, Schema } from "effect"

export class NetDenied extends Schema.TaggedError<NetDenied>()("NetDenied", {
  url: Schema.String,
  message: Schema.String
}) {}

/** Whether `url` may be fetched by a plugin that declared `allowed` (see `PluginPermissions.net`). */
export const isAllowed = (allowed: ReadonlyArray<string>, url: URL): boolean => {
  if (url.protocol !== "http:" && url.protocol !== "https:") return false
  return allowed.some((entry) => {
    if (entry === "*") return true
    if (entry.startsWith("*.")) return url.hostname.endsWith(entry.slice(1))
    return entry.includes(":") && !entry.startsWith("[") ? url.host === entry : url.hostname === entry
  })
}

export interface ProxiedRequest {
  readonly url: string
  readonly method: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  /** Base64. */
  readonly body?: string
}

export interface ProxiedResponse {
  readonly status: number
  readonly statusText: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  /** Base64. */
  readonly body: string
}

export interface NetPolicyOptions {
  readonly allowed: ReadonlyArray<string>
  /** Per request. */
  readonly timeoutMs?: number
  /** Larger responses are refused. */
  readonly maxResponseBytes?: number
}

/** Performs `request` for a plugin, or fails with `NetDenied` (undeclared host, timeout, too large, network). */
export const proxyFetch = Effect.fn("NetPolicy.fetch")(function* (options: NetPolicyOptions, request: ProxiedRequest) {
  const url = yield* Effect.try({
    try: () => new URL(request.url),
    catch: () => new NetDenied({ url: request.url, message: "invalid URL" })
  })
  if (!isAllowed(options.allowed, url)) {
    return yield* new NetDenied({
      url: request.url,
      message: `host ${url.host} is not declared in the plugin's permissions`
    })
  }
  const maxBytes = options.maxResponseBytes ?? 10 * 1024 * 1024
  const response = yield* Effect.tryPromise({
    try: (signal) =>
      fetch(url, {
        method: request.method,
        headers: request.headers.map(([name, value]) => [name, value]),
        redirect: "manual",
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 30_000)]),
        ...(request.body === undefined ? {} : { body: Buffer.from(request.body, "base64") })
      }),
    catch: (cause) => new NetDenied({ url: request.url, message: `request failed: ${String(cause)}` })
  })
  const declared = Number(response.headers.get("content-length") ?? "0")
  if (declared > maxBytes) {
    return yield* new NetDenied({ url: request.url, message: `response larger than ${maxBytes} bytes` })
  }
  const bytes = yield* Effect.tryPromise({
    try: () => response.arrayBuffer(),
    catch: (cause) => new NetDenied({ url: request.url, message: `reading the response failed: ${String(cause)}` })
  })
  if (bytes.byteLength > maxBytes) {
    return yield* new NetDenied({ url: request.url, message: `response larger than ${maxBytes} bytes` })
  }
  const result: ProxiedResponse = {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: Buffer.from(bytes).toString("base64")
  }
  return result
})
