/** Helpers the studio's unit tests share (tsconfig.app.json keeps them out of the app build). */
import { expect } from "vitest"
import type { BlockDescriptor } from "./app/api/api-types"

/**
 * Lets the fixture settle (at most 50 rounds) until `ready` holds, then asserts it: a test waits on the component's
 * own work, never on a timer.
 */
export const until = async (fixture: { whenStable(): Promise<unknown> }, ready: () => boolean) => {
  for (let attempt = 0; attempt < 50 && !ready(); attempt++) await fixture.whenStable()
  expect(ready()).toBe(true)
}

/** A block as the gateway describes it, with these input and output pins (JSON Schema properties). */
export const testBlock = (id: string, inputs: object, outputs: object): BlockDescriptor => ({
  id,
  version: "1.0.0",
  name: id,
  description: "",
  categories: [],
  inputSchema: { type: "object", properties: inputs },
  outputSchema: { type: "object", properties: outputs },
  staticOutput: false,
  dynamicOutput: false,
  credentials: {}
})
