import { provideHttpClient, withInterceptors } from "@angular/common/http"
import { HttpTestingController, provideHttpClientTesting } from "@angular/common/http/testing"
import { TestBed } from "@angular/core/testing"
import { provideRouter, Router } from "@angular/router"
import { beforeEach, describe, expect, it } from "vitest"
import type { LocalSession, Me } from "../api/api-types"
import { authInterceptor } from "./auth-interceptor"
import { SessionStore } from "./session-store"
import { SignIn } from "./sign-in"

const admin: Me = {
  id: "local-admin",
  name: "Local admin",
  email: null,
  isAdmin: true,
  authenticatedBy: "jwt",
  scopes: ["read", "execute", "manage"]
}

const settle = async () => {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve()
}

describe("SignIn", () => {
  beforeEach(() => {
    globalThis.localStorage?.clear()
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])]
    })
  })

  it("offers the local admin's login when the gateway does, and signs in with it in one click", async () => {
    const fixture = TestBed.createComponent(SignIn)
    const http = TestBed.inject(HttpTestingController)
    http.expectOne("/local-session").flush({ token: "local-jwt", name: "Local admin" } satisfies LocalSession)
    await settle()
    await fixture.whenStable()
    const element: HTMLElement = fixture.nativeElement
    const button = [...element.querySelectorAll("button")].find((b) => b.textContent?.includes("Continue as"))
    expect(button?.textContent?.trim()).toBe("Continue as Local admin")
    const navigated: Array<string> = []
    const router = TestBed.inject(Router)
    router.navigateByUrl = async (url) => {
      navigated.push(String(url))
      return true
    }
    button?.click()
    const me = http.expectOne("/api/v1/me")
    expect(me.request.headers.get("Authorization")).toBe("Bearer local-jwt")
    me.flush(admin)
    await settle()
    expect(TestBed.inject(SessionStore).token()).toBe("local-jwt")
    expect(navigated).toEqual(["/graphs"])
    http.verify()
  })

  it("shows only the token form when nothing is offered (404 anywhere but weft dev on this machine)", async () => {
    const fixture = TestBed.createComponent(SignIn)
    const http = TestBed.inject(HttpTestingController)
    http.expectOne("/local-session").flush(null, { status: 404, statusText: "Not Found" })
    await settle()
    await fixture.whenStable()
    const element: HTMLElement = fixture.nativeElement
    expect(element.textContent).not.toContain("Continue as")
    expect(element.querySelector("input#token")).not.toBeNull()
    http.verify()
  })
})
