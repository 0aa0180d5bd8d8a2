/**
 * Adds the session's token to every API request, and ends the session when the gateway says the token is no
 * longer valid (401), so that the app falls back to the sign-in page instead of failing on every call.
 */
import { HttpErrorResponse, type HttpInterceptorFn } from "@angular/common/http"
import { inject } from "@angular/core"
import { catchError, throwError } from "rxjs"
import { apiBase } from "../api/gateway-url"
import { SessionStore } from "./session-store"

export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore)
  const token = session.token()
  if (!request.url.startsWith(apiBase) || token === null) return next(request)
  const authorized = request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
  return next(authorized).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401) session.signOut()
      return throwError(() => error)
    })
  )
}
