/** `@weft/blocks-http` published, installed and run in the sandbox: it reaches declared hosts only. */
import { assert, describe, it } from "@effect/vitest"
import { BlockTestKit } from "@weft/block-sdk"
import { loadPlugin } from "@weft/plugin-host"
import { buildPluginPackage } from "@weft/plugin-host/testing"
import { installPackage } from "@weft/registry"
import { npmPublish, testRegistry } from "@weft/registry/testing"
import { Cause, Effect, Exit } from "effect"
import * as NodeHttp from "node:http"
import type { AddressInfo } from "node:net"
import * as NodePath from "node:path"

const echoServer = Effect.acquireRelease(
  Effect.callback<NodeHttp.Server>((resume) => {
    const server = NodeHttp.createServer((req, res) => {
      let body = ""
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8")
      })
      req.on("end", () => {
        res.setHeader("x-echo-method", req.method ?? "")
        res.statusCode = 201
        res.end(`${req.headers["x-test"] ?? ""}:${body}`)
      })
    })
    server.listen(0, "127.0.0.1", () => {
      resume(Effect.succeed(server))
    })
  }),
  (server) =>
    Effect.callback<void>((resume) => {
      server.closeAllConnections()
      server.close(() => resume(Effect.void))
    })
).pipe(Effect.map((server) => `127.0.0.1:${(server.address() as AddressInfo).port}`))

describe("@weft/blocks-http as a published plugin", () => {
  it.live(
    "sends requests to its declared host and is refused any other",
    () =>
      Effect.gen(function* () {
        const declared = yield* echoServer
        const undeclared = yield* echoServer
        const registry = yield* testRegistry
        const built = yield* buildPluginPackage(NodePath.resolve(import.meta.dirname, ".."), { net: [declared] })
        yield* npmPublish(built, registry.url, registry.token)
        const installed = yield* installPackage({
          registryUrl: registry.url,
          cacheDir: NodePath.join(registry.dataDir, "plugins"),
          name: "@weft/blocks-http",
          version: "0.1.0"
        })
        const plugin = yield* loadPlugin(installed.directory)
        const [block] = plugin.blocks
        assert.strictEqual(block?.id, "HttpRequest")
        if (block === undefined) return
        const ok = yield* BlockTestKit.runBlockByPin(block, {
          url: `http://${declared}/echo`,
          method: "POST",
          headers: { "x-test": "hello" },
          body: "payload"
        })
        assert.deepStrictEqual(ok["status"], [201])
        assert.deepStrictEqual(ok["body"], ["hello:payload"])
        assert.strictEqual((ok["headers"]?.[0] as Record<string, string> | undefined)?.["x-echo-method"], "POST")

        const refused = yield* Effect.exit(BlockTestKit.runBlockByPin(block, { url: `http://${undeclared}/` }))
        assert.isTrue(Exit.isFailure(refused))
        if (Exit.isFailure(refused))
          assert.match(Cause.pretty(refused.cause), /not declared in the plugin's permissions/)
      }).pipe(Effect.scoped),
    120_000
  )
})
