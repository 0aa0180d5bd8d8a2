import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Stream } from "effect"
import * as NodePath from "node:path"
import { makePluginSandbox } from "./PluginSandbox.ts"
import type { ExecuteRequest } from "./SandboxProcess.ts"
import { echoSource, pluginFixture } from "./testing/PluginFixture.ts"

const context = { executionId: "e1", nodeExecutionId: "ne1", nodeId: "n1", attempt: 1, idempotencyKey: "e1/ne1" }
const request = (blockId: string, input: unknown, extra: Partial<ExecuteRequest> = {}): ExecuteRequest => ({
  blockId,
  input,
  context,
  credentials: {},
  ...extra
})

const echoSandbox = Effect.gen(function* () {
  const dir = yield* pluginFixture({ source: echoSource() })
  return yield* makePluginSandbox({ directory: dir, entries: [NodePath.join(dir, "dist/index.js")], net: [] })
})

describe("PluginSandbox", () => {
  it.live("loads a plugin and reports its blocks as describeBlock renders them", () =>
    Effect.gen(function* () {
      const sandbox = yield* echoSandbox
      const ids = sandbox.descriptors.map((d) => (typeof d === "object" && d !== null && "id" in d ? d.id : undefined))
      assert.deepStrictEqual([...ids].sort(), ["echo", "fetch-text", "secret-length", "upper"])
    }).pipe(Effect.scoped)
  )

  it.live("runs a block and streams every yield", () =>
    Effect.gen(function* () {
      const sandbox = yield* echoSandbox
      const yields = yield* Stream.runCollect(sandbox.execute(request("echo", { text: "hi", times: 3 })))
      assert.deepStrictEqual(yields, [
        { pin: "text", value: "hi@1.0.0" },
        { pin: "text", value: "hi@1.0.0" },
        { pin: "text", value: "hi@1.0.0" }
      ])
    }).pipe(Effect.scoped)
  )

  it.live("fails the call, not the process, when the input does not match the block's schema", () =>
    Effect.gen(function* () {
      const sandbox = yield* echoSandbox
      const exit = yield* Effect.exit(Stream.runCollect(sandbox.execute(request("echo", { text: 7 }))))
      assert.isTrue(Exit.isFailure(exit))
      const ok = yield* Stream.runCollect(sandbox.execute(request("upper", { text: "still here" })))
      assert.deepStrictEqual(ok, [{ pin: "text", value: "STILL HERE" }])
    }).pipe(Effect.scoped)
  )

  it.live("hands a credential to the block as a value, and only the one given", () =>
    Effect.gen(function* () {
      const sandbox = yield* echoSandbox
      const given = yield* Stream.runCollect(
        sandbox.execute(request("secret-length", {}, { credentials: { token: "abcd" } }))
      )
      assert.deepStrictEqual(given, [{ pin: "length", value: 4 }])
      const none = yield* Stream.runCollect(sandbox.execute(request("secret-length", {})))
      assert.deepStrictEqual(none, [{ pin: "length", value: -1 }])
    }).pipe(Effect.scoped)
  )

  it.live("a warm round trip takes well under a few milliseconds", () =>
    Effect.gen(function* () {
      const sandbox = yield* echoSandbox
      const call = Stream.runDrain(sandbox.execute(request("upper", { text: "x" })))
      for (let i = 0; i < 50; i++) yield* call
      const n = 300
      const started = performance.now()
      for (let i = 0; i < n; i++) yield* call
      const perCall = (performance.now() - started) / n
      console.log(`warm sandbox round trip: ${perCall.toFixed(3)} ms`)
      assert.isBelow(perCall, 5)
    }).pipe(Effect.scoped)
  )
})
