import { TestBed } from "@angular/core/testing"
import { describe, expect, it } from "vitest"
import { SessionStore, tokenStorageKey } from "./session-store"

const me = { id: "u1", name: "Ada", email: null, isAdmin: true, authenticatedBy: "jwt", scopes: [] } as const

describe("SessionStore", () => {
  it("keeps the token in localStorage so the session survives a reload", () => {
    TestBed.inject(SessionStore).signIn("  tok-1 ")
    expect(localStorage.getItem(tokenStorageKey)).toBe("tok-1")
    TestBed.resetTestingModule()
    const reloaded = TestBed.inject(SessionStore)
    expect(reloaded.token()).toBe("tok-1")
    expect(reloaded.signedIn()).toBe(true)
  })

  it("ignores a blank token", () => {
    const session = TestBed.inject(SessionStore)
    session.signIn("   ")
    expect(session.signedIn()).toBe(false)
  })

  it("forgets the token and the user on sign-out", () => {
    const session = TestBed.inject(SessionStore)
    session.signIn("tok")
    session.identified(me)
    session.signOut()
    expect(session.token()).toBeNull()
    expect(session.me()).toBeNull()
    expect(localStorage.getItem(tokenStorageKey)).toBeNull()
  })
})
