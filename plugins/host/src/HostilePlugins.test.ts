/**
 * The hostile plugin suite: each attack must fail cleanly (a `BlockError` for that call) while the host keeps
 * serving: after every attack a well-behaved block of the same plugin still runs, in a fresh process if the
 * attack killed the old one, and the host process itself is untouched.
 */
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit, Stream } from "effect"
import * as NodeFs from "node:fs"
import * as NodeHttp from "node:http"
import type { AddressInfo } from "node:net"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { makePluginSandbox, type PluginSandbox } from "./PluginSandbox.ts"
import { hostileFiles, hostileSource, pluginFixture } from "./testing/PluginFixture.ts"

const context = { executionId: "e1", nodeExecutionId: "ne1", nodeId: "n1", attempt: 1, idempotencyKey: "e1/ne1" }

const server = (body: string) =>
  Effect.acquireRelease(
    Effect.callback<NodeHttp.Server>((resume) => {
      const s = NodeHttp.createServer((_req, res) => res.end(body))
      s.listen(0, "127.0.0.1", () => {
        resume(Effect.succeed(s))
      })
    }),
    (s) =>
      Effect.callback<void>((resume) => {
        s.closeAllConnections()
        s.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map((s) => `127.0.0.1:${(s.address() as AddressInfo).port}`))

const scratch = Effect.acquireRelease(
  Effect.sync(() => NodeFs.mkdtempSync(NodePath.join(NodeOs.tmpdir(), "weft-host-"))),
  (dir) => Effect.sync(() => NodeFs.rmSync(dir, { recursive: true, force: true }))
)

const run = (sandbox: PluginSandbox, blockId: string, input: unknown = {}) =>
  Effect.exit(Stream.runCollect(sandbox.execute({ blockId, input, context, credentials: {} })))

const failureMessage = (exit: Exit.Exit<unknown, { readonly message: string }>): string => {
  if (Exit.isSuccess(exit)) return `succeeded with ${JSON.stringify(exit.value)}`
  const reason = exit.cause.reasons.find(Cause.isFailReason)
  return reason === undefined ? Cause.pretty(exit.cause) : reason.error.message
}

describe("hostile plugins", () => {
  it.live(
    "every attack fails cleanly and the plugin keeps serving",
    () =>
      Effect.gen(function* () {
        const declared = yield* server("declared ok")
        const undeclared = yield* server("secret")
        const host = yield* scratch
        const weftDir = NodePath.join(host, ".weft")
        NodeFs.mkdirSync(weftDir)
        NodeFs.writeFileSync(NodePath.join(weftDir, "secrets"), "DATABASE_URL=postgres://...")
        const outside = NodePath.join(host, "pwned.txt")
        const dir = yield* pluginFixture({
          name: "@test/hostile",
          net: [declared],
          source: hostileSource({ weftDir, outside }),
          files: hostileFiles
        })
        const sandbox = yield* makePluginSandbox(
          { directory: dir, entries: [NodePath.join(dir, "dist/index.js")], net: [declared] },
          { limits: { timeLimitMs: 3_000, maxOldSpaceMb: 64 }, maxProcesses: 2 }
        )

        const healthy = Effect.gen(function* () {
          const exit = yield* run(sandbox, "write-tmp")
          assert.isTrue(Exit.isSuccess(exit), failureMessage(exit))
          if (Exit.isSuccess(exit)) assert.match(String(exit.value[0]?.value), /^ok:\/.*weft-sandbox-.*\/exec$/)
        })

        const expectFailure = (blockId: string, pattern: RegExp, input: unknown = {}) =>
          Effect.gen(function* () {
            const exit = yield* run(sandbox, blockId, input)
            assert.isTrue(Exit.isFailure(exit), `${blockId}: ${failureMessage(exit)}`)
            assert.match(failureMessage(exit), pattern, blockId)
            yield* healthy
          })

        yield* healthy
        yield* expectFailure("read-passwd", /ERR_ACCESS_DENIED/)
        yield* expectFailure("read-weft", /ERR_ACCESS_DENIED/)
        yield* expectFailure("write-outside", /ERR_ACCESS_DENIED/)
        assert.isFalse(NodeFs.existsSync(outside))
        yield* expectFailure("socket", /ERR_ACCESS_DENIED/)
        yield* expectFailure("fetch", /not declared/, { url: `http://${undeclared}/` })
        yield* expectFailure("spawn", /ERR_ACCESS_DENIED/)
        yield* expectFailure("addon", /ERR_DLOPEN_DISABLED|ERR_ACCESS_DENIED/)
        yield* expectFailure("sqlite", /ERR_UNKNOWN_BUILTIN_MODULE/)
        yield* expectFailure("kill-parent", /process\.kill is not available/)
        yield* expectFailure("loop", /time limit of 3000 ms/)
        yield* expectFailure("allocate", /out of memory|time limit/)
        yield* expectFailure("exit", /exited with code 3/)
        yield* expectFailure("async-throw", /Uncaught exception in plugin: boom later/)
        yield* expectFailure("bad-output", /invalid value.*output pin "out"/)

        const env = yield* run(sandbox, "env")
        assert.isTrue(Exit.isSuccess(env))
        if (Exit.isSuccess(env)) {
          assert.deepStrictEqual(Object.keys(JSON.parse(String(env.value[0]?.value))).sort(), [
            "LANG",
            "NODE_ENV",
            "TMPDIR",
            "TZ"
          ])
        }
        const allowed = yield* run(sandbox, "fetch", { url: `http://${declared}/` })
        assert.isTrue(Exit.isSuccess(allowed), failureMessage(allowed))
        if (Exit.isSuccess(allowed)) assert.strictEqual(allowed.value[0]?.value, "200")
      }).pipe(Effect.scoped),
    120_000
  )
})
