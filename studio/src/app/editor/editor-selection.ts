/**
 * Which nodes and links are selected. The canvas reports clicks, shift/ctrl clicks and box selections here;
 * the store's commands (delete, copy, paste) read and set it, and the canvas mirrors it back onto its nodes.
 */
import { computed, signal } from "@angular/core"

const toggled = (set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> => {
  if (set.has(id) === on) return set
  const next = new Set(set)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

export class EditorSelection {
  private readonly nodesState = signal<ReadonlySet<string>>(new Set())
  private readonly linksState = signal<ReadonlySet<string>>(new Set())

  readonly nodeIds = this.nodesState.asReadonly()
  readonly linkIds = this.linksState.asReadonly()
  readonly empty = computed(() => this.nodesState().size === 0 && this.linksState().size === 0)
  /** The node whose inputs the side panel shows: the only selected one. */
  readonly singleNodeId = computed(() => {
    const nodes = this.nodesState()
    return nodes.size === 1 ? ([...nodes][0] ?? null) : null
  })

  setNode(id: string, selected: boolean): void {
    this.nodesState.update((set) => toggled(set, id, selected))
  }

  setLink(id: string, selected: boolean): void {
    this.linksState.update((set) => toggled(set, id, selected))
  }

  /** Replaces the selection. */
  set(nodeIds: Iterable<string>, linkIds: Iterable<string> = []): void {
    this.nodesState.set(new Set(nodeIds))
    this.linksState.set(new Set(linkIds))
  }

  clear(): void {
    if (this.nodesState().size > 0) this.nodesState.set(new Set())
    if (this.linksState().size > 0) this.linksState.set(new Set())
  }

  /** Forgets ids that no longer exist (after an undo, a delete, opening another version). */
  retain(nodeExists: (id: string) => boolean, linkExists: (id: string) => boolean): void {
    const nodes = [...this.nodesState()].filter(nodeExists)
    const links = [...this.linksState()].filter(linkExists)
    if (nodes.length !== this.nodesState().size) this.nodesState.set(new Set(nodes))
    if (links.length !== this.linksState().size) this.linksState.set(new Set(links))
  }
}
