/** Sends a visitor without a token to the sign-in page. */
import { inject } from "@angular/core"
import { type CanActivateFn, Router } from "@angular/router"
import { SessionStore } from "./session-store"

export const signedInGuard: CanActivateFn = () =>
  inject(SessionStore).signedIn() ? true : inject(Router).parseUrl("/sign-in")
