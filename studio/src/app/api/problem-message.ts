/**
 * Turns whatever the HTTP layer failed with into one readable sentence: the gateway answers with RFC 9457 problem
 * details, and a person must never see raw JSON or nothing at all.
 */
import { HttpErrorResponse } from "@angular/common/http"

const isRecord = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === "object" && value !== null

export const problemMessage = (error: unknown): string => {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return "The gateway cannot be reached."
    const body: unknown = error.error
    if (isRecord(body)) {
      const detail = body["detail"] ?? body["message"] ?? body["title"]
      if (typeof detail === "string" && detail.length > 0) return detail
    }
    if (error.status === 401) return "Your session is not valid: sign in again."
    if (error.status === 403) return "You are not allowed to do that."
    if (error.status === 404) return "Not found."
    return `The gateway answered ${error.status} ${error.statusText}`.trim()
  }
  if (error instanceof Error) return error.message
  return "Something went wrong."
}
