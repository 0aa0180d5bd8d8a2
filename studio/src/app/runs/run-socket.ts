/**
 * The live view's WebSocket (`/ws`, gateway/src/WebSocketMessages.ts): opens it with the token as subprotocol,
 * subscribes to every run of one graph and hands each event to the caller. The WebSocket is the RxJS-free edge
 * of the run view; everything after it is signals in the run store.
 */
import type { ClientMessage, ServerMessage } from "../api/api-types"
import { type WebSocketFactory, webSocketUrl } from "../api/gateway-url"

export type EventMessage = Extract<ServerMessage, { readonly type: "event" }>

/** Close codes the gateway uses (WebSocketMessages.ts `closeCodes`). */
export const closeCodes = { missingToken: 4401, invalidToken: 4403, tooSlow: 4008 } as const

export interface RunSocketHandlers {
  readonly event: (message: EventMessage) => void
  readonly error: (message: string) => void
  readonly closed: (code: number) => void
}

export interface RunSocket {
  /** Resolves once the gateway confirmed the subscription, or the socket gave up (then no events come). */
  readonly subscribed: Promise<void>
  close(): void
}

const parseMessage = (data: unknown): ServerMessage | null => {
  if (typeof data !== "string") return null
  try {
    const message: unknown = JSON.parse(data)
    return typeof message === "object" && message !== null && "type" in message ? (message as ServerMessage) : null // boundary: the gateway's own protocol
  } catch {
    return null
  }
}

export const openRunSocket = (
  open: WebSocketFactory,
  location: Pick<Location, "protocol" | "host">,
  token: string,
  graphId: string,
  handlers: RunSocketHandlers
): RunSocket => {
  const socket = open(webSocketUrl(location), ["weft", token])
  let closedByUs = false
  const subscribed = new Promise<void>((resolve) => {
    const subscribe: ClientMessage = { type: "subscribe", target: { graphId } }
    socket.addEventListener("open", () => socket.send(JSON.stringify(subscribe)))
    socket.addEventListener("message", (message: MessageEvent) => {
      const parsed = parseMessage(message.data)
      if (parsed === null) return
      if (parsed.type === "subscribed") resolve()
      else if (parsed.type === "error") handlers.error(parsed.message)
      else if (parsed.type === "event") handlers.event(parsed)
    })
    socket.addEventListener("close", (event: CloseEvent) => {
      resolve()
      if (!closedByUs) handlers.closed(event.code)
    })
    socket.addEventListener("error", () => resolve())
  })
  return {
    subscribed,
    close: () => {
      closedByUs = true
      if (socket.readyState <= 1) socket.close(1000)
    }
  }
}
