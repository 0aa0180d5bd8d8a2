/**
 * The signed-in session: the bearer token (a JWT or an API key) kept in localStorage so that it survives a
 * reload, and the user it belongs to once `GET /me` confirmed it.
 */
import { computed, Injectable, signal } from "@angular/core"
import type { Me } from "../api/api-types"

export const tokenStorageKey = "weft.token"

/** localStorage can throw (private mode, disabled storage): the session then lives only as long as the page. */
const readStoredToken = (): string | null => {
  try {
    return globalThis.localStorage?.getItem(tokenStorageKey) ?? null
  } catch {
    return null
  }
}

const writeStoredToken = (token: string | null) => {
  try {
    if (token === null) globalThis.localStorage?.removeItem(tokenStorageKey)
    else globalThis.localStorage?.setItem(tokenStorageKey, token)
  } catch {
    // Storage unavailable: nothing to persist to.
  }
}

@Injectable({ providedIn: "root" })
export class SessionStore {
  private readonly tokenState = signal<string | null>(readStoredToken())
  private readonly meState = signal<Me | null>(null)

  readonly token = this.tokenState.asReadonly()
  readonly me = this.meState.asReadonly()
  readonly signedIn = computed(() => this.tokenState() !== null)

  signIn(token: string): void {
    const trimmed = token.trim()
    if (trimmed.length === 0) return
    writeStoredToken(trimmed)
    this.tokenState.set(trimmed)
  }

  identified(me: Me): void {
    this.meState.set(me)
  }

  signOut(): void {
    writeStoredToken(null)
    this.tokenState.set(null)
    this.meState.set(null)
  }
}
