/**
 * The API keys page: create a key with scopes (its secret is shown once, in a panel with a copy button, until
 * dismissed), list the keys by name, prefix and scopes, and revoke them.
 */
import { DatePipe } from "@angular/common"
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from "@angular/core"
import { type ApiKeyScope, apiKeyScopes } from "../api/api-types"
import { ApiKeysStore } from "./api-keys-store"

const scopeHelp: Readonly<Record<ApiKeyScope, string>> = {
  read: "every GET: graphs, runs, blocks, marketplace",
  execute: "start runs",
  manage: "every other change: graphs, cancels, credentials, keys, installs"
}

@Component({
  selector: "weft-api-key-list",
  imports: [DatePipe],
  templateUrl: "./api-key-list.html",
  styleUrl: "./api-key-list.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ApiKeyList implements OnInit {
  protected readonly store = inject(ApiKeysStore)
  protected readonly scopes = apiKeyScopes
  protected readonly scopeHelp = scopeHelp
  protected readonly name = signal("")
  protected readonly chosen = signal<ReadonlySet<ApiKeyScope>>(new Set(["read"]))
  protected readonly copied = signal<"copied" | "failed" | null>(null)

  ngOnInit(): void {
    void this.store.load()
  }

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  protected toggle(scope: ApiKeyScope, event: Event): void {
    const on = event.target instanceof HTMLInputElement && event.target.checked
    this.chosen.update((chosen) => {
      const next = new Set(chosen)
      if (on) next.add(scope)
      else next.delete(scope)
      return next
    })
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault()
    this.copied.set(null)
    const scopes = apiKeyScopes.filter((scope) => this.chosen().has(scope))
    if (await this.store.create(this.name(), scopes)) this.name.set("")
  }

  protected selectAll(event: Event): void {
    if (event.target instanceof HTMLInputElement) event.target.select()
  }

  protected async copy(key: string): Promise<void> {
    try {
      await globalThis.navigator.clipboard.writeText(key)
      this.copied.set("copied")
    } catch {
      this.copied.set("failed")
    }
  }

  protected dismiss(): void {
    this.copied.set(null)
    this.store.dismissCreated()
  }

  protected async revoke(keyId: string, name: string): Promise<void> {
    if (globalThis.confirm?.(`Revoke the API key "${name}"? Scripts using it stop working at once.`) === false) return
    await this.store.revoke(keyId)
  }
}
