/**
 * One run of the open graph, live or past. Live: subscribes to the graph's runs over the WebSocket
 * (run-socket.ts), starts the run (`POST /executions`) and folds its events into signals the canvas reads (the
 * run's status, each node's latest status and error, the values each node yielded); when the run ends it reads
 * the stored run once (`GET /executions/:id`) for the final outputs and the stuck-node report. Past: `load`
 * reads a stored run and shows it the same way (run-replay.ts).
 */
import { DestroyRef, Injectable, inject, signal } from "@angular/core"
import type { ExecutionDetail, ExecutionStatus, RunEvent, StuckNode } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { WEB_SOCKET_FACTORY } from "../api/gateway-url"
import { problemMessage } from "../api/problem-message"
import { SessionStore } from "../auth/session-store"
import { type NodeRunState, type PinOutput, snapshotOf } from "./run-replay"
import { closeCodes, type EventMessage, openRunSocket, type RunSocket } from "./run-socket"

export type { NodeRunState, PinOutput } from "./run-replay"

export const finished = (status: ExecutionStatus | null): boolean =>
  status === "COMPLETED" || status === "FAILED" || status === "TERMINATED"

@Injectable()
export class RunStore {
  private readonly api = inject(GatewayApi)
  private readonly session = inject(SessionStore)
  private readonly openSocket = inject(WEB_SOCKET_FACTORY)
  private socket: RunSocket | null = null
  private held: Array<EventMessage> = []
  private lastCatchUp: Promise<void> = Promise.resolve()

  private readonly executionIdState = signal<string | null>(null)
  private readonly statusState = signal<ExecutionStatus | null>(null)
  private readonly nodesState = signal<ReadonlyMap<string, NodeRunState>>(new Map())
  private readonly outputsState = signal<ReadonlyMap<string, ReadonlyArray<PinOutput>>>(new Map())
  private readonly stuckNodesState = signal<ReadonlyArray<StuckNode>>([])
  private readonly runOutputsState = signal<{ readonly [name: string]: ReadonlyArray<unknown> } | null>(null)
  private readonly cancellingState = signal(false)
  private readonly errorState = signal<string | null>(null)

  readonly executionId = this.executionIdState.asReadonly()
  readonly status = this.statusState.asReadonly()
  /** Latest status per graph node id. */
  readonly nodes = this.nodesState.asReadonly()
  /** Yielded outputs per graph node id, in arrival order. */
  readonly outputs = this.outputsState.asReadonly()
  /** Nodes still waiting for inputs when the run ended, with the pins they never received. */
  readonly stuckNodes = this.stuckNodesState.asReadonly()
  /** The graph's outputs once the run ended (null before). */
  readonly runOutputs = this.runOutputsState.asReadonly()
  readonly cancelling = this.cancellingState.asReadonly()
  readonly error = this.errorState.asReadonly()

  constructor() {
    inject(DestroyRef).onDestroy(() => this.closeSocket())
  }

  /**
   * Subscribes to the graph's runs first and only then starts the run, so that no event of it can be missed;
   * events that arrive before the gateway names the new execution are held and replayed once it does.
   * Resolves to the failure when the run did not start (a `run-rejected` problem names the nodes), else null.
   */
  async start(graphId: string, graphVersion: number, inputs: Readonly<Record<string, unknown>>): Promise<unknown> {
    this.reset()
    try {
      await this.watch(graphId)
      const accepted = await this.api.startExecution(graphId, graphVersion, inputs)
      this.executionIdState.set(accepted.executionId)
      if (this.statusState() === null) this.statusState.set(accepted.status)
      const held = this.held
      this.held = []
      for (const message of held) if (message.executionId === accepted.executionId) this.apply(message.event)
      if (finished(this.statusState())) this.catchUp()
      return null
    } catch (error) {
      this.closeSocket()
      this.errorState.set(problemMessage(error))
      return error
    }
  }

  /** Shows a stored run (read-only replay); resolves to it, or null when it could not be read. */
  async load(executionId: string): Promise<ExecutionDetail | null> {
    this.reset()
    this.executionIdState.set(executionId)
    try {
      const detail = await this.api.execution(executionId)
      this.show(detail)
      return detail
    } catch (error) {
      this.errorState.set(problemMessage(error))
      return null
    }
  }

  /** Forgets the run (another graph was opened). */
  clear(): void {
    this.reset()
  }

  async cancel(): Promise<void> {
    const executionId = this.executionIdState()
    if (executionId === null || finished(this.statusState())) return
    this.cancellingState.set(true)
    try {
      await this.api.cancelExecution(executionId)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    } finally {
      this.cancellingState.set(false)
    }
  }

  /** Applies one event of the watched run (also what the tests drive). */
  apply(event: RunEvent): void {
    switch (event._tag) {
      case "graph":
        this.statusState.set(event.status)
        if (finished(event.status)) {
          this.closeSocket()
          if (this.executionIdState() !== null) this.catchUp()
        }
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

  /** Settles once the last read of the stored run (at the end of a live run) is shown. */
  caughtUp(): Promise<void> {
    return this.lastCatchUp
  }

  /**
   * Reads the stored run: its final outputs, stuck nodes and the values too large for the live events. Also
   * how the live view recovers after the gateway dropped a watcher that fell behind.
   */
  private catchUp(): void {
    this.lastCatchUp = this.readStored()
  }

  private async readStored(): Promise<void> {
    const executionId = this.executionIdState()
    if (executionId === null) return
    try {
      const detail = await this.api.execution(executionId)
      if (this.executionIdState() === executionId) this.show(detail)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }

  private show(detail: ExecutionDetail): void {
    const snapshot = snapshotOf(detail)
    this.statusState.set(snapshot.status)
    this.nodesState.set(snapshot.nodes)
    this.outputsState.set(snapshot.outputs)
    this.stuckNodesState.set(finished(snapshot.status) ? snapshot.stuckNodes : [])
    this.runOutputsState.set(finished(snapshot.status) ? snapshot.runOutputs : null)
  }

  /** Resolves once the gateway confirmed the subscription (or at once when there is no live view to open). */
  private watch(graphId: string): Promise<void> {
    const token = this.session.token()
    if (token === null || globalThis.location === undefined) return Promise.resolve()
    const socket = openRunSocket(this.openSocket, globalThis.location, token, graphId, {
      event: (message) => {
        const executionId = this.executionIdState()
        if (executionId === null) this.held.push(message)
        else if (message.executionId === executionId) this.apply(message.event)
      },
      error: (message) => this.errorState.set(message),
      closed: (code) => {
        if (this.socket === socket) this.socket = null
        if (code === closeCodes.missingToken || code === closeCodes.invalidToken) {
          this.errorState.set("The live view was refused: sign in again.")
        } else if (!finished(this.statusState())) {
          this.catchUp()
        }
      }
    })
    this.socket = socket
    return socket.subscribed
  }

  private reset(): void {
    this.closeSocket()
    this.held = []
    this.executionIdState.set(null)
    this.statusState.set(null)
    this.nodesState.set(new Map())
    this.outputsState.set(new Map())
    this.stuckNodesState.set([])
    this.runOutputsState.set(null)
    this.cancellingState.set(false)
    this.errorState.set(null)
  }

  private closeSocket(): void {
    const socket = this.socket
    this.socket = null
    socket?.close()
  }
}
