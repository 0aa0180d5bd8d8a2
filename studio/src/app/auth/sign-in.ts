/**
 * The sign-in page: paste a token (a JWT or an API key); it is checked with `GET /me` before it is kept. Under
 * `weft dev`, opened on the same machine, the gateway offers the local admin's login (`GET /local-session`), and
 * the page shows it as a one-click choice; anywhere else that call is a 404 and the page shows only the form.
 */
import { ChangeDetectionStrategy, Component, inject, signal } from "@angular/core"
import { Router } from "@angular/router"
import type { LocalSession } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"
import { SessionStore } from "./session-store"

@Component({
  selector: "weft-sign-in",
  templateUrl: "./sign-in.html",
  styleUrl: "./sign-in.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class SignIn {
  private readonly session = inject(SessionStore)
  private readonly api = inject(GatewayApi)
  private readonly router = inject(Router)

  protected readonly token = signal("")
  protected readonly error = signal<string | null>(null)
  protected readonly busy = signal(false)
  protected readonly offer = signal<LocalSession | null>(null)

  constructor() {
    this.api.localSession().then(
      (offered) => this.offer.set(offered),
      () => this.offer.set(null)
    )
  }

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault()
    await this.signInWith(this.token())
  }

  protected async continueAsLocalAdmin(): Promise<void> {
    const offered = this.offer()
    if (offered !== null) await this.signInWith(offered.token)
  }

  private async signInWith(token: string): Promise<void> {
    this.error.set(null)
    this.busy.set(true)
    this.session.signIn(token)
    try {
      const me = await this.api.me()
      this.session.identified(me)
      await this.router.navigateByUrl("/graphs")
    } catch (error) {
      this.session.signOut()
      this.error.set(problemMessage(error))
    } finally {
      this.busy.set(false)
    }
  }
}
