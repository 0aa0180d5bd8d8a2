// A client that stops reading is cut off once its send buffer passes the bound, instead of growing without end.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { WebSocketServer } from "@effect/platform-node/NodeWS"
import * as Net from "node:net"
import { boundedWebSocket } from "./BoundedWebSocket.ts"

const limit = 256 * 1024
const chunk = "x".repeat(64 * 1024)
/** Far more than loopback's kernel buffers hold: reaching it would mean the bound never applied. */
const failsafeBytes = 256 * 1024 * 1024

interface Outcome {
  readonly sentBytes: number
  readonly maxBuffered: number
  readonly closed: boolean
}

describe("BoundedWebSocket", () => {
  it.live("a client that never reads is dropped once the send buffer passes the bound", () =>
    Effect.callback<Outcome>((resume) => {
      const server = new WebSocketServer({ host: "127.0.0.1", port: 0, WebSocket: boundedWebSocket(limit) })
      let client: Net.Socket | undefined
      server.on("connection", (ws) => {
        let sentBytes = 0
        let maxBuffered = 0
        let closed = false
        ws.on("close", () => (closed = true))
        const pump = () => {
          if (closed || sentBytes > failsafeBytes) {
            client?.destroy()
            server.close()
            return resume(Effect.succeed({ sentBytes, maxBuffered, closed }))
          }
          ws.send(chunk)
          sentBytes += chunk.length
          maxBuffered = Math.max(maxBuffered, ws.bufferedAmount)
          setImmediate(pump)
        }
        pump()
      })
      server.on("listening", () => {
        const address = server.address()
        const port = typeof address === "object" && address !== null ? address.port : 0
        client = Net.connect(port, "127.0.0.1", () => {
          client?.write(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
          )
          // Never read: the kernel buffers fill, then the server's.
          client?.pause()
        })
        client.on("error", () => {})
      })
    }).pipe(
      Effect.timeout("30 seconds"),
      Effect.tap((outcome) =>
        Effect.sync(() => {
          assert.isTrue(outcome.closed, "the connection was dropped")
          assert.isBelow(outcome.sentBytes, failsafeBytes)
          assert.isAtMost(outcome.maxBuffered, limit + 2 * chunk.length)
        })
      )
    )
  )
})
