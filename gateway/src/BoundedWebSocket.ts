/**
 * The server-side WebSocket class of the gateway: `ws`'s, with a bound on what a connection may have waiting to be
 * sent. A client that stops reading lets the kernel buffers fill, after which `ws` keeps every further message in
 * memory (`bufferedAmount`); past `maxBufferedBytes` this class stops sending to it, closes it with 4008 and
 * drops the TCP connection, so one stalled client costs at most that much memory.
 */
import { WebSocket } from "@effect/platform-node/NodeWS"
import { closeCodes } from "./WebSocketMessages.ts"

type Data = Parameters<WebSocket["send"]>[0]
type SendCallback = (error?: Error) => void
interface SendOptions {
  readonly mask?: boolean | undefined
  readonly binary?: boolean | undefined
  readonly compress?: boolean | undefined
  readonly fin?: boolean | undefined
}

/** A `ws` WebSocket class (for the server's `WebSocket` option) bounding each connection's send buffer. */
export const boundedWebSocket = (maxBufferedBytes: number) =>
  class BoundedWebSocket extends WebSocket {
    override send(data: Data, cb?: SendCallback): void
    override send(data: Data, options: SendOptions, cb?: SendCallback): void
    override send(data: Data, optionsOrCb?: SendOptions | SendCallback, cb?: SendCallback): void {
      const callback = typeof optionsOrCb === "function" ? optionsOrCb : cb
      if (this.bufferedAmount > maxBufferedBytes) {
        if (this.readyState === WebSocket.OPEN) {
          this.close(closeCodes.tooSlow, "client too slow: send buffer full")
          // The close frame would wait behind the backlog: drop the connection and its buffer now.
          this.terminate()
        }
        callback?.(new Error("client too slow: connection dropped"))
        return
      }
      if (typeof optionsOrCb === "object") super.send(data, optionsOrCb, cb)
      else super.send(data, callback)
    }
  }
