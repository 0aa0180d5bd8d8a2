/**
 * Marketplace search: the text and category the person chose, the ranked packages the gateway answered
 * (`GET /marketplace/packages`, best match first) and the cursor of the next page. A new search starts over and
 * drops late answers to the previous one.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { MarketplacePackage, MarketplaceQuery } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"

export const marketplacePageSize = 20

/** The page of a package, encoded as the router encodes it: a scoped name stays one segment (`@acme%2Fecho`). */
export const packagePath = (name: string): string => `/marketplace/${encodeURIComponent(name).replace(/%40/g, "@")}`

export const marketplaceQuery = (text: string, category: string, cursor?: string): MarketplaceQuery => ({
  limit: marketplacePageSize,
  ...(text.trim() === "" ? {} : { text: text.trim() }),
  ...(category === "" ? {} : { category }),
  ...(cursor === undefined ? {} : { cursor })
})

@Injectable({ providedIn: "root" })
export class MarketplaceStore {
  private readonly api = inject(GatewayApi)
  private readonly textState = signal("")
  private readonly categoryState = signal("")
  private readonly packagesState = signal<ReadonlyArray<MarketplacePackage>>([])
  private readonly nextState = signal<string | null>(null)
  private readonly seenCategories = signal<ReadonlySet<string>>(new Set())
  private readonly loadingState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private readonly searchedState = signal(false)
  private generation = 0

  readonly text = this.textState.asReadonly()
  readonly category = this.categoryState.asReadonly()
  /** In the gateway's rank order. */
  readonly packages = this.packagesState.asReadonly()
  readonly loading = this.loadingState.asReadonly()
  readonly error = this.errorState.asReadonly()
  /** True once a search answered (to tell "no match" from "not searched yet"). */
  readonly searched = this.searchedState.asReadonly()
  readonly hasMore = computed(() => this.nextState() !== null)
  /** Every category met in any answer so far, plus the chosen one: the category filter's options. */
  readonly categories = computed(() => {
    const all = new Set(this.seenCategories())
    if (this.categoryState() !== "") all.add(this.categoryState())
    return [...all].sort()
  })

  async search(text: string, category: string): Promise<void> {
    this.textState.set(text)
    this.categoryState.set(category)
    const generation = ++this.generation
    this.packagesState.set([])
    this.nextState.set(null)
    await this.fetch(marketplaceQuery(text, category), generation)
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextState()
    if (cursor === null || this.loadingState()) return
    await this.fetch(marketplaceQuery(this.textState(), this.categoryState(), cursor), this.generation)
  }

  private async fetch(query: MarketplaceQuery, generation: number): Promise<void> {
    this.loadingState.set(true)
    this.errorState.set(null)
    try {
      const page = await this.api.searchPackages(query)
      if (generation !== this.generation) return
      this.packagesState.update((packages) => {
        const seen = new Set(packages.map((p) => p.name))
        return [...packages, ...page.packages.filter((p) => !seen.has(p.name))]
      })
      this.nextState.set(page.next ?? null)
      this.seenCategories.update((seen) => new Set([...seen, ...page.packages.flatMap((p) => p.categories)]))
      this.searchedState.set(true)
    } catch (error) {
      if (generation === this.generation) this.errorState.set(problemMessage(error))
    } finally {
      if (generation === this.generation) this.loadingState.set(false)
    }
  }
}
