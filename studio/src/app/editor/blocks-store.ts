/**
 * The block catalogue from `GET /blocks`: the palette groups it by category and filters it by a search text;
 * the editor looks blocks up by id to draw pins and forms.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { BlockDescriptor, BlockRef } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"

export interface BlockCategory {
  readonly name: string
  readonly blocks: ReadonlyArray<BlockDescriptor>
}

/** Blocks by category (a block in several categories appears in each), categories and blocks sorted by name. */
export const groupByCategory = (blocks: ReadonlyArray<BlockDescriptor>, query = ""): ReadonlyArray<BlockCategory> => {
  const needle = query.trim().toLowerCase()
  const matches = (block: BlockDescriptor) =>
    needle === "" ||
    `${block.name} ${block.id} ${block.description} ${block.categories.join(" ")}`.toLowerCase().includes(needle)
  const groups = new Map<string, Array<BlockDescriptor>>()
  for (const block of blocks.filter(matches)) {
    const categories = block.categories.length > 0 ? block.categories : ["other"]
    for (const category of categories) {
      const group = groups.get(category) ?? []
      group.push(block)
      groups.set(category, group)
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, group]) => ({ name, blocks: group.sort((a, b) => a.name.localeCompare(b.name)) }))
}

/** The key a node's block reference is looked up by: built-in blocks by id, plugin blocks by package and id. */
export const blockKey = (ref: Pick<BlockRef, "id" | "package">): string =>
  ref.package === undefined ? ref.id : `${ref.package}#${ref.id}`

@Injectable({ providedIn: "root" })
export class BlocksStore {
  private readonly api = inject(GatewayApi)
  private readonly blocksState = signal<ReadonlyArray<BlockDescriptor>>([])
  private readonly queryState = signal("")
  private readonly errorState = signal<string | null>(null)
  private loaded: Promise<void> | null = null

  readonly blocks = this.blocksState.asReadonly()
  readonly query = this.queryState.asReadonly()
  readonly error = this.errorState.asReadonly()
  readonly categories = computed(() => groupByCategory(this.blocksState(), this.queryState()))
  readonly byKey = computed(() => new Map(this.blocksState().map((b) => [blockKey(b), b])))

  search(query: string): void {
    this.queryState.set(query)
  }

  find(ref: Pick<BlockRef, "id" | "package">): BlockDescriptor | undefined {
    return this.byKey().get(blockKey(ref))
  }

  /** Loads the catalogue once; `reload` fetches it again (after a plugin install). */
  load(reload = false): Promise<void> {
    if (this.loaded === null || reload) {
      this.loaded = this.api.blocks().then(
        (blocks) => {
          this.errorState.set(null)
          this.blocksState.set(blocks)
        },
        (error: unknown) => {
          this.loaded = null
          this.errorState.set(problemMessage(error))
        }
      )
    }
    return this.loaded
  }

  /**
   * Fetches the catalogue again after plugins were installed or removed (the marketplace calls it), so that an
   * open palette shows the new blocks without a page reload. A catalogue never loaded is left for `load`.
   */
  reload(): Promise<void> {
    return this.loaded === null ? Promise.resolve() : this.load(true)
  }
}
