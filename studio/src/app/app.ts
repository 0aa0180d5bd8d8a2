/** The app shell: a top bar (home, the main pages, theme switch, sign-out) above the routed page. */
import { ChangeDetectionStrategy, Component, effect, inject } from "@angular/core"
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from "@angular/router"
import { GatewayApi } from "./api/gateway-api"
import { SessionStore } from "./auth/session-store"
import { ThemeStore } from "./shell/theme-store"

@Component({
  selector: "weft-root",
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: "./app.html",
  styleUrl: "./app.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class App {
  protected readonly links = [
    { path: "/graphs", label: "Graphs" },
    { path: "/executions", label: "Executions" },
    { path: "/marketplace", label: "Marketplace" },
    { path: "/credentials", label: "Credentials" },
    { path: "/api-keys", label: "API keys" }
  ] as const
  protected readonly session = inject(SessionStore)
  protected readonly theme = inject(ThemeStore)
  private readonly api = inject(GatewayApi)
  private readonly router = inject(Router)

  constructor() {
    // A token restored from localStorage is confirmed (and its user named) once per session.
    effect(() => {
      if (this.session.signedIn() && this.session.me() === null) {
        this.api.me().then(
          (me) => this.session.identified(me),
          () => undefined
        )
      }
    })
  }

  protected signOut(): void {
    this.session.signOut()
    void this.router.navigateByUrl("/sign-in")
  }
}
