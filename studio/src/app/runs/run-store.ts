/**
 * One run of the open graph: starts it (`POST /executions`), subscribes to its events over the `/ws` WebSocket
 * and folds them into signals the canvas reads: the run's status, each node's latest status and error, and the
 * outputs each node yielded, in order. The WebSocket is the RxJS edge; everything after it is signals.
 */
import { DestroyRef, Injectable, inject, signal } from "@angular/core"
import type { ExecutionStatus, RunEvent, ServerMessage } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { WEB_SOCKET_FACTORY, webSocketUrl } from "../api/gateway-url"
import { problemMessage } from "../api/problem-message"
import { SessionStore } from "../auth/session-store"

export interface NodeRunState {
  readonly status: ExecutionStatus
  readonly error?: string
}

export interface PinOutput {
  readonly pin: string
  readonly seq: number
  readonly value: unknown
  readonly truncated: boolean
}

type EventMessage = Extract<ServerMessage, { readonly type: "event" }>

export const finished = (status: ExecutionStatus | null): boolean =>
  status === "COMPLETED" || status === "FAILED" || status === "TERMINATED"

const parseMessage = (data: unknown): ServerMessage | null => {
  if (typeof data !== "string") return null
  try {
    const message: unknown = JSON.parse(data)
    return typeof message === "object" && message !== null && "type" in message ? (message as ServerMessage) : null // boundary: the gateway's own protocol
  } catch {
    return null
  }
}

@Injectable()
export class RunStore {
  private readonly api = inject(GatewayApi)
  private readonly session = inject(SessionStore)
  private readonly openSocket = inject(WEB_SOCKET_FACTORY)
  private socket: WebSocket | null = null
  private held: Array<EventMessage> = []

  private readonly executionIdState = signal<string | null>(null)
  private readonly statusState = signal<ExecutionStatus | null>(null)
  private readonly nodesState = signal<ReadonlyMap<string, NodeRunState>>(new Map())
  private readonly outputsState = signal<ReadonlyMap<string, ReadonlyArray<PinOutput>>>(new Map())
  private readonly errorState = signal<string | null>(null)

  readonly executionId = this.executionIdState.asReadonly()
  readonly status = this.statusState.asReadonly()
  /** Latest status per graph node id. */
  readonly nodes = this.nodesState.asReadonly()
  /** Yielded outputs per graph node id, in arrival order. */
  readonly outputs = this.outputsState.asReadonly()
  readonly error = this.errorState.asReadonly()

  constructor() {
    inject(DestroyRef).onDestroy(() => this.closeSocket())
  }

  /**
   * Subscribes to the graph's runs first and only then starts the run, so that no event of it can be missed;
   * events that arrive before the gateway names the new execution are held and replayed once it does.
   */
  async start(graphId: string, graphVersion: number, inputs: Readonly<Record<string, unknown>>): Promise<void> {
    this.reset()
    try {
      await this.watch(graphId)
      const accepted = await this.api.startExecution(graphId, graphVersion, inputs)
      this.executionIdState.set(accepted.executionId)
      if (this.statusState() === null) this.statusState.set(accepted.status)
      const held = this.held
      this.held = []
      for (const message of held) if (message.executionId === accepted.executionId) this.apply(message.event)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }

  async cancel(): Promise<void> {
    const executionId = this.executionIdState()
    if (executionId === null) return
    try {
      await this.api.cancelExecution(executionId)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }

  /** Applies one event of the watched run (also what the tests drive). */
  apply(event: RunEvent): void {
    switch (event._tag) {
      case "graph":
        this.statusState.set(event.status)
        if (finished(event.status)) this.closeSocket()
        return
      case "node":
        this.nodesState.update((nodes) => {
          const next = new Map(nodes)
          next.set(
            event.node,
            event.error === undefined ? { status: event.status } : { status: event.status, error: event.error }
          )
          return next
        })
        return
      case "output":
        this.outputsState.update((outputs) => {
          const next = new Map(outputs)
          const output: PinOutput = {
            pin: event.pin,
            seq: event.seq,
            value: event.value,
            truncated: event.truncated === true
          }
          next.set(event.node, [...(next.get(event.node) ?? []), output])
          return next
        })
        return
    }
  }

  /** Resolves once the gateway confirmed the subscription (or at once when there is no live view to open). */
  private watch(graphId: string): Promise<void> {
    const token = this.session.token()
    if (token === null || globalThis.location === undefined) return Promise.resolve()
    const socket = this.openSocket(webSocketUrl(globalThis.location), ["weft", token])
    this.socket = socket
    return new Promise((resolve) => {
      socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "subscribe", target: { graphId } })))
      socket.addEventListener("message", (message: MessageEvent) => {
        const parsed = parseMessage(message.data)
        if (parsed === null) return
        if (parsed.type === "subscribed") resolve()
        if (parsed.type === "error") this.errorState.set(parsed.message)
        if (parsed.type !== "event") return
        const executionId = this.executionIdState()
        if (executionId === null) this.held.push(parsed)
        else if (parsed.executionId === executionId) this.apply(parsed.event)
      })
      socket.addEventListener("close", (event: CloseEvent) => {
        if (this.socket === socket) this.socket = null
        if (event.code === 4401 || event.code === 4403) this.errorState.set("The live view was refused: sign in again.")
        resolve()
      })
      socket.addEventListener("error", () => resolve())
    })
  }

  private reset(): void {
    this.closeSocket()
    this.held = []
    this.executionIdState.set(null)
    this.statusState.set(null)
    this.nodesState.set(new Map())
    this.outputsState.set(new Map())
    this.errorState.set(null)
  }

  private closeSocket(): void {
    const socket = this.socket
    this.socket = null
    if (socket !== null && socket.readyState <= 1) socket.close(1000)
  }
}
