/**
 * The typed client of the API, derived from the same definition as the server (for tests, scripts and the
 * studio). Credentials are attached to every request: a bearer JWT or an API key.
 */
import { Effect, type Layer } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"
import { HttpApiClient } from "effect/http-api"
import { Api } from "./Api.ts"

export type Credentials = { readonly bearer: string } | { readonly apiKey: string } | { readonly none: true }

const authorize = (credentials: Credentials) => (request: HttpClientRequest.HttpClientRequest) =>
  "bearer" in credentials
    ? HttpClientRequest.bearerToken(request, credentials.bearer)
    : "apiKey" in credentials
      ? HttpClientRequest.setHeader(request, "x-api-key", credentials.apiKey)
      : request

/** A client of the gateway at `baseUrl` (e.g. http://127.0.0.1:8080) acting with `credentials`. */
export const makeClient = (baseUrl: string, credentials: Credentials) =>
  HttpApiClient.make(Api, {
    baseUrl,
    transformClient: HttpClient.mapRequest(authorize(credentials))
  })

export type GatewayClient = Effect.Success<ReturnType<typeof makeClient>>

/** `makeClient` with the fetch-based HTTP client provided. */
export const client = (baseUrl: string, credentials: Credentials) =>
  makeClient(baseUrl, credentials).pipe(Effect.provide(FetchHttpClient.layer))

export const fetchClientLayer: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer
