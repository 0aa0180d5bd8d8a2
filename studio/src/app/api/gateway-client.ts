/**
 * The generated API client: one typed `call` for every operation of gateway-operations.ts (generated from the
 * gateway's API definition), over Angular's HttpClient so the auth interceptor and the testing backend apply. A
 * change of the API that the studio does not follow fails the studio's typecheck, not a user's click.
 */
import { HttpClient, HttpHeaders, HttpParams } from "@angular/common/http"
import { Injectable, inject } from "@angular/core"
import { firstValueFrom } from "rxjs"
import { type Operations, operationRoutes } from "./gateway-operations"

export type OperationId = keyof Operations

/** A request part, required when the operation has required members in it. */
type Part<T, Name extends string> =
  Record<string, never> extends T ? { readonly [P in Name]?: T } : { readonly [P in Name]: T }

export type RequestOf<K extends OperationId> = Part<Operations[K]["params"], "params"> &
  Part<Operations[K]["query"], "query"> &
  Part<Operations[K]["headers"], "headers"> &
  (Operations[K]["body"] extends undefined ? { readonly body?: undefined } : { readonly body: Operations[K]["body"] })

/** What a successful call answers, whatever its 2xx status. */
export type Answer<K extends OperationId> = Operations[K]["responses"][keyof Operations[K]["responses"]]

/** The answer of one status of an operation. */
export type AnswerWith<
  K extends OperationId,
  S extends keyof Operations[K]["responses"]
> = Operations[K]["responses"][S]

const text = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value))

/** The path of `template` with its `{name}` segments filled in, each URL-encoded. */
export const fillPath = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter "${name}" of ${template}`)
    return encodeURIComponent(text(value))
  })

/** The set entries of a parameter bag (undefined ones are left out). */
const entriesOf = (bag: object | undefined): Array<[string, string]> =>
  Object.entries(bag ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]): [string, string] => [name, text(value)])

@Injectable({ providedIn: "root" })
export class GatewayClient {
  private readonly http = inject(HttpClient)

  call<K extends OperationId>(operation: K, request: RequestOf<K>): Promise<Answer<K>> {
    const route = operationRoutes[operation]
    const path = fillPath(route.path, Object.fromEntries(entriesOf(request.params)))
    return firstValueFrom(
      this.http.request<Answer<K>>(route.method, path, {
        body: request.body ?? null,
        params: new HttpParams({ fromObject: Object.fromEntries(entriesOf(request.query)) }),
        headers: new HttpHeaders(Object.fromEntries(entriesOf(request.headers)))
      })
    )
  }
}
