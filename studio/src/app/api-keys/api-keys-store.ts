/**
 * The user's API keys (`/api-keys`): list, create with scopes, revoke. A new key's secret comes back once; it is
 * held in `created` until the person dismisses it and is never part of the list.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { ApiKeyMetadata, ApiKeyScope, CreatedApiKey } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"

@Injectable({ providedIn: "root" })
export class ApiKeysStore {
  private readonly api = inject(GatewayApi)
  private readonly keysState = signal<ReadonlyArray<ApiKeyMetadata>>([])
  private readonly createdState = signal<CreatedApiKey | null>(null)
  private readonly loadingState = signal(false)
  private readonly errorState = signal<string | null>(null)

  /** Newest first. */
  readonly keys = computed(() => [...this.keysState()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)))
  /** The key created last, with its secret, until dismissed. */
  readonly created = this.createdState.asReadonly()
  readonly loading = this.loadingState.asReadonly()
  readonly error = this.errorState.asReadonly()

  async load(): Promise<void> {
    this.loadingState.set(true)
    this.errorState.set(null)
    try {
      this.keysState.set(await this.api.apiKeys())
    } catch (error) {
      this.errorState.set(problemMessage(error))
    } finally {
      this.loadingState.set(false)
    }
  }

  async create(name: string, scopes: ReadonlyArray<ApiKeyScope>): Promise<boolean> {
    this.errorState.set(null)
    this.createdState.set(null)
    const trimmed = name.trim()
    if (trimmed === "" || scopes.length === 0) {
      this.errorState.set("An API key needs a name and at least one scope.")
      return false
    }
    try {
      const created = await this.api.createApiKey({ name: trimmed, scopes })
      const { key: _secret, ...metadata } = created
      this.keysState.update((keys) => [...keys, metadata])
      this.createdState.set(created)
      return true
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return false
    }
  }

  /** Forgets the one-time secret: after this it cannot be shown again. */
  dismissCreated(): void {
    this.createdState.set(null)
  }

  async revoke(keyId: string): Promise<void> {
    this.errorState.set(null)
    try {
      await this.api.revokeApiKey(keyId)
      this.keysState.update((keys) => keys.filter((k) => k.id !== keyId))
      if (this.createdState()?.id === keyId) this.createdState.set(null)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }
}
