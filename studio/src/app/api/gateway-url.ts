/**
 * Where the gateway is: the studio is served by the gateway itself, so the API and the WebSocket live on the page's
 * own origin. The token rides in the WebSocket subprotocol (`weft, <token>`) so it never lands in a URL or a log.
 */
import { InjectionToken } from "@angular/core"

export const apiBase = "/api/v1"

/** A factory so that tests can hand the run store a fake socket. */
export type WebSocketFactory = (url: string, protocols: ReadonlyArray<string>) => WebSocket

export const WEB_SOCKET_FACTORY = new InjectionToken<WebSocketFactory>("WebSocketFactory", {
  providedIn: "root",
  factory: () => (url, protocols) => new WebSocket(url, [...protocols])
})

export const webSocketUrl = (location: Pick<Location, "protocol" | "host">): string =>
  `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/ws`
