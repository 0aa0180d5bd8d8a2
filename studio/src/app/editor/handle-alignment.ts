/**
 * Keeps each node's pin handles level with their pin labels when the node changes size.
 *
 * ngx-vflow places a handle from its pin element's offsets, read through a cache it lets go stale for 16 ms
 * after each refresh (`ElementCacheService.markCacheAsDirty`). A node that changes size twice within that time
 * (a run status appears, the title wraps, ngx-vflow widens the node, the title unwraps) has its handles placed
 * from the first layout, about one text line (~17 px) off their labels, until something else moves them. So the
 * canvas watches its nodes itself: after the sizes that changed in a frame, it refreshes that cache once and has
 * the resized nodes' handles re-read their offsets.
 *
 * ngx-vflow has no public API for this; the node model (`ɵNodeAccessorService`, exported for its own custom
 * nodes), its handles and their cache service are the boundary used, each read only here.
 */
import { DestroyRef, Directive, ElementRef, Injectable, inject, type OnDestroy, untracked } from "@angular/core"
import { ɵNodeAccessorService as NodeAccessorService, type ɵNodeModel as NodeModel } from "ngx-vflow"

/** One ResizeObserver for every drawn node of a canvas; provided by the canvas. */
@Injectable()
export class HandleAligner implements OnDestroy {
  private readonly nodes = new Map<Element, () => NodeModel | null>()
  private observer: ResizeObserver | null = null

  /** Watches `element` (a node's outer element) and realigns its node's handles whenever its size changes. */
  watch(element: Element, model: () => NodeModel | null): () => void {
    this.observer ??= new ResizeObserver((entries) => this.realign(entries.map((e) => e.target)))
    this.nodes.set(element, model)
    this.observer.observe(element)
    return () => {
      this.nodes.delete(element)
      this.observer?.unobserve(element)
    }
  }

  /** Re-reads the pin offsets of the nodes drawn in `elements`, with one refresh of ngx-vflow's cache. */
  realign(elements: Iterable<Element>): void {
    const handles = [...elements].flatMap((element) => {
      const model = this.nodes.get(element)?.()
      return model === undefined || model === null ? [] : untracked(model.handles)
    })
    const [first] = handles
    if (first === undefined) return
    first.htmlElementCacheService.refreshCache()
    for (const handle of handles) handle.updateHost()
  }

  ngOnDestroy(): void {
    this.observer?.disconnect()
    this.nodes.clear()
  }
}

/** Put on a node template's outer element: its handles follow its pins when it changes size. */
@Directive({ selector: "[weftHandleAlignment]" })
export class HandleAlignment {
  constructor() {
    const node = inject(NodeAccessorService)
    const stop = inject(HandleAligner).watch(inject(ElementRef<Element>).nativeElement, () => untracked(node.model))
    inject(DestroyRef).onDestroy(stop)
  }
}
