import { signal } from "@angular/core"
import type { ɵNodeModel as NodeModel } from "ngx-vflow"
import { afterEach, describe, expect, it } from "vitest"
import { HandleAligner } from "./handle-alignment"

/** A ResizeObserver the test notifies itself. */
class FakeResizeObserver implements ResizeObserver {
  static last: FakeResizeObserver | null = null
  readonly observed = new Set<Element>()
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.last = this
  }
  notify(targets: ReadonlyArray<Element>): void {
    this.callback(
      targets.map((target) => ({ target }) as ResizeObserverEntry),
      this
    )
  }
  observe(element: Element): void {
    this.observed.add(element)
  }
  unobserve(element: Element): void {
    this.observed.delete(element)
  }
  disconnect(): void {
    this.observed.clear()
  }
}

describe("HandleAligner", () => {
  const realResizeObserver = globalThis.ResizeObserver
  afterEach(() => {
    globalThis.ResizeObserver = realResizeObserver
  })

  it("after the sizes that changed in a frame, refreshes ngx-vflow's offset cache once, then re-reads each resized node's handles", () => {
    globalThis.ResizeObserver = FakeResizeObserver
    const calls: Array<string> = []
    const cache = { refreshCache: () => calls.push("refresh") }
    const handle = (name: string) => ({ htmlElementCacheService: cache, updateHost: () => calls.push(name) })
    // The test's stand-in for ngx-vflow's node model: only its handles are read.
    const model = (...names: ReadonlyArray<string>) => ({ handles: signal(names.map(handle)) }) as unknown as NodeModel
    const [first, second, third] = [
      document.createElement("div"),
      document.createElement("div"),
      document.createElement("div")
    ]
    const aligner = new HandleAligner()
    aligner.watch(first, () => model("a.in", "a.out"))
    const stopSecond = aligner.watch(second, () => model("b.in"))
    aligner.watch(third, () => model("c.in"))
    const observer = FakeResizeObserver.last
    if (observer === null) throw new Error("no observer")
    expect(observer.observed).toEqual(new Set([first, second, third]))

    observer.notify([first, second])
    expect(calls).toEqual(["refresh", "a.in", "a.out", "b.in"])

    calls.length = 0
    stopSecond()
    expect(observer.observed.has(second)).toBe(false)
    observer.notify([second])
    expect(calls).toEqual([])
  })
})
