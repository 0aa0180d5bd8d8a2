import { describe, expect, it } from "vitest"
import * as NodeOs from "node:os"
import { isOtherLiveEmbedded } from "./ProcessIdentity.ts"

describe("isOtherLiveEmbedded", () => {
  const self = `embedded:${NodeOs.hostname()}:${process.pid}`
  it("is true for another live embedded process on this host", () => {
    expect(isOtherLiveEmbedded(`embedded:${NodeOs.hostname()}:${process.ppid}`, self)).toBe(true)
  })
  it("is false for this process, a dead pid, another host, a cluster runner or nobody", () => {
    expect(isOtherLiveEmbedded(self, self)).toBe(false)
    expect(isOtherLiveEmbedded(`embedded:${NodeOs.hostname()}:2147483646`, self)).toBe(false)
    expect(isOtherLiveEmbedded(`embedded:elsewhere-${NodeOs.hostname()}:${process.ppid}`, self)).toBe(false)
    expect(isOtherLiveEmbedded("127.0.0.1:34431", self)).toBe(false)
    expect(isOtherLiveEmbedded(null, self)).toBe(false)
  })
})
