/**
 * Unit-test setup (runs after Angular's TestBed is initialised): jsdom lacks ResizeObserver, which ngx-vflow
 * uses to measure nodes, so a no-op stand-in is installed; each test starts with empty localStorage.
 */
import { beforeEach } from "vitest"

class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (globalThis.ResizeObserver === undefined) {
  Object.defineProperty(globalThis, "ResizeObserver", { value: ResizeObserverStandIn, writable: true })
}

beforeEach(() => {
  globalThis.localStorage?.clear()
})
