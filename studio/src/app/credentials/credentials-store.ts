/**
 * The user's stored credentials (`/credentials`). Only metadata ever comes back from the gateway; the secret is
 * passed straight through on create and is never kept in a signal.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { CredentialMetadata, NewCredential } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"

@Injectable({ providedIn: "root" })
export class CredentialsStore {
  private readonly api = inject(GatewayApi)
  private readonly credentialsState = signal<ReadonlyArray<CredentialMetadata>>([])
  private readonly loadingState = signal(false)
  private readonly errorState = signal<string | null>(null)

  readonly loading = this.loadingState.asReadonly()
  readonly error = this.errorState.asReadonly()
  /** By provider, then name. */
  readonly credentials = computed(() =>
    [...this.credentialsState()].sort((a, b) => a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name))
  )
  /** Providers already in use, offered as suggestions when adding another credential. */
  readonly providers = computed(() => [...new Set(this.credentialsState().map((c) => c.provider))].sort())

  async load(): Promise<void> {
    this.loadingState.set(true)
    this.errorState.set(null)
    try {
      this.credentialsState.set(await this.api.credentials())
    } catch (error) {
      this.errorState.set(problemMessage(error))
    } finally {
      this.loadingState.set(false)
    }
  }

  /** Stores a credential; resolves to true when the gateway accepted it. */
  async create(credential: NewCredential): Promise<boolean> {
    this.errorState.set(null)
    const provider = credential.provider.trim()
    const name = credential.name.trim()
    if (provider === "" || name === "" || credential.secret === "") {
      this.errorState.set("A credential needs a provider, a name and a secret.")
      return false
    }
    try {
      const created = await this.api.createCredential({ provider, name, secret: credential.secret })
      this.credentialsState.update((list) => [...list, created])
      return true
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return false
    }
  }

  async remove(credentialId: string): Promise<void> {
    this.errorState.set(null)
    try {
      await this.api.deleteCredential(credentialId)
      this.credentialsState.update((list) => list.filter((c) => c.id !== credentialId))
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }
}
