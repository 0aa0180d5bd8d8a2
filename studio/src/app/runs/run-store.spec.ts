import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { ExecutionDetail, RunAccepted } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { WEB_SOCKET_FACTORY } from "../api/gateway-url"
import { SessionStore } from "../auth/session-store"
import { RunStore } from "./run-store"
import { testExecution, testNodeExecution } from "../../spec-helpers"

/** A WebSocket stand-in: the test plays the gateway's side by dispatching events on it. */
class FakeSocket extends EventTarget {
  readyState = 0
  readonly sent: Array<unknown> = []
  closedWith: number | null = null

  constructor(
    readonly url: string,
    readonly protocols: ReadonlyArray<string>
  ) {
    super()
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data))
  }

  close(code: number): void {
    this.closedWith = code
    this.readyState = 3
  }

  open(): void {
    this.readyState = 1
    this.dispatchEvent(new Event("open"))
  }

  receive(message: object): void {
    this.dispatchEvent(new MessageEvent("message", { data: JSON.stringify(message) }))
  }
}

describe("RunStore", () => {
  let sockets: Array<FakeSocket>
  let started: Array<{ graphId: string; version: number; inputs: unknown }>
  let cancelled: Array<string>
  let stored: ExecutionDetail
  let store: RunStore

  beforeEach(() => {
    sockets = []
    started = []
    cancelled = []
    stored = testExecution({
      inputs: { name: "Ada" },
      outputs: { greeting: ["Hello Ada!"] },
      stuckNodes: [{ nodeExecutionId: "x7", nodeId: "join", missingPins: ["right"] }],
      createdAt: "2026-01-01T00:00:00Z",
      nodeExecutions: [
        testNodeExecution({
          nodeId: "tpl",
          endSeq: 3,
          outputs: [{ nodeExecutionId: "x1", seq: 0, pin: "output", value: "Hello Ada!", runSeq: 2, at: "" }]
        })
      ]
    })
    const gateway = {
      startExecution: async (graphId: string, version: number, inputs: unknown): Promise<RunAccepted> => {
        started.push({ graphId, version, inputs })
        // An event of the new run that races ahead of the HTTP answer.
        sockets[0]?.receive({ type: "event", executionId: "e1", graphId, event: { _tag: "graph", status: "RUNNING" } })
        return { executionId: "e1", status: "QUEUED" }
      },
      cancelExecution: async (executionId: string) => {
        cancelled.push(executionId)
        return { executionId, cancelled: true, status: "TERMINATED" }
      },
      execution: async () => stored
    } satisfies Partial<GatewayApi>
    TestBed.configureTestingModule({
      providers: [
        RunStore,
        { provide: GatewayApi, useValue: gateway },
        {
          provide: WEB_SOCKET_FACTORY,
          useValue: (url: string, protocols: ReadonlyArray<string>) => {
            const socket = new FakeSocket(url, protocols)
            sockets.push(socket)
            return socket
          }
        }
      ]
    })
    TestBed.inject(SessionStore).signIn("tok")
    store = TestBed.inject(RunStore)
  })

  /** Starts a run, playing the gateway's subscription handshake. */
  const startRun = async () => {
    const starting = store.start("g1", 2, { name: "Ada" })
    await Promise.resolve()
    const socket = sockets[0]
    if (socket === undefined) throw new Error("no socket opened")
    socket.open()
    socket.receive({ type: "subscribed", target: { graphId: "g1" } })
    await starting
    return socket
  }

  it("subscribes to the graph with the token as subprotocol before starting the run", async () => {
    const socket = await startRun()
    expect(socket.url).toMatch(/^ws:\/\/.*\/ws$/)
    expect(socket.protocols).toEqual(["weft", "tok"])
    expect(socket.sent).toEqual([{ type: "subscribe", target: { graphId: "g1" } }])
    expect(started).toEqual([{ graphId: "g1", version: 2, inputs: { name: "Ada" } }])
    expect(store.executionId()).toBe("e1")
    // The event that arrived before the execution id was known is replayed, not lost.
    expect(store.status()).toBe("RUNNING")
  })

  it("folds live node statuses and outputs of its own run, ignoring other runs", async () => {
    const socket = await startRun()
    socket.receive({
      type: "event",
      executionId: "e1",
      graphId: "g1",
      event: { _tag: "node", id: "x1", node: "calc", status: "RUNNING" }
    })
    socket.receive({
      type: "event",
      executionId: "e1",
      graphId: "g1",
      event: { _tag: "output", id: "x1", node: "calc", pin: "result", seq: 0, value: 5 }
    })
    socket.receive({
      type: "event",
      executionId: "e1",
      graphId: "g1",
      event: { _tag: "node", id: "x1", node: "calc", status: "COMPLETED" }
    })
    socket.receive({
      type: "event",
      executionId: "other",
      graphId: "g1",
      event: { _tag: "node", id: "y", node: "calc", status: "FAILED" }
    })
    expect(store.nodes().get("calc")).toEqual({ status: "COMPLETED" })
    expect(store.outputs().get("calc")).toEqual([{ pin: "result", seq: 0, value: 5, truncated: false }])
  })

  it("records node errors and closes the socket when the run ends", async () => {
    const socket = await startRun()
    socket.receive({
      type: "event",
      executionId: "e1",
      graphId: "g1",
      event: { _tag: "node", id: "x", node: "div", status: "FAILED", error: "division by zero" }
    })
    socket.receive({ type: "event", executionId: "e1", graphId: "g1", event: { _tag: "graph", status: "FAILED" } })
    expect(store.nodes().get("div")).toEqual({ status: "FAILED", error: "division by zero" })
    expect(store.status()).toBe("FAILED")
    expect(socket.closedWith).toBe(1000)
  })

  it("explains a refused live view", async () => {
    const socket = await startRun()
    socket.dispatchEvent(new CloseEvent("close", { code: 4403 }))
    expect(store.error()).toBe("The live view was refused: sign in again.")
  })

  it("cancels the running run, and does nothing once it ended", async () => {
    await startRun()
    await store.cancel()
    expect(cancelled).toEqual(["e1"])
    store.apply({ _tag: "graph", status: "TERMINATED" })
    await store.cancel()
    expect(cancelled).toEqual(["e1"])
  })

  it("reads the stored run when it ends: final outputs, full values and the stuck nodes", async () => {
    const socket = await startRun()
    socket.receive({
      type: "event",
      executionId: "e1",
      graphId: "g1",
      event: { _tag: "output", id: "x1", node: "tpl", pin: "output", seq: 0, truncated: true }
    })
    expect(store.outputs().get("tpl")?.[0]?.truncated).toBe(true)
    socket.receive({ type: "event", executionId: "e1", graphId: "g1", event: { _tag: "graph", status: "COMPLETED" } })
    await store.caughtUp()
    expect(store.runOutputs()).toEqual({ greeting: ["Hello Ada!"] })
    expect(store.stuckNodes()).toEqual([{ nodeExecutionId: "x7", nodeId: "join", missingPins: ["right"] }])
    expect(store.outputs().get("tpl")).toEqual([{ pin: "output", seq: 2, value: "Hello Ada!", truncated: false }])
  })

  it("loads a past run for replay without opening a live view", async () => {
    const detail = await store.load("e1")
    expect(detail?.graphVersion).toBe(2)
    expect(sockets).toEqual([])
    expect(store.executionId()).toBe("e1")
    expect(store.status()).toBe("COMPLETED")
    expect(store.nodes().get("tpl")).toEqual({ status: "COMPLETED" })
    expect(store.runOutputs()).toEqual({ greeting: ["Hello Ada!"] })
  })

  it("says why a run did not start and hands the failure back", async () => {
    const gateway = TestBed.inject(GatewayApi)
    gateway.startExecution = async () => {
      throw new Error("no such graph")
    }
    const starting = store.start("g1", 2, {})
    await Promise.resolve()
    sockets[0]?.open()
    sockets[0]?.receive({ type: "subscribed", target: { graphId: "g1" } })
    const failure = await starting
    expect(failure).toBeInstanceOf(Error)
    expect(store.error()).toBe("no such graph")
    expect(sockets[0]?.closedWith).toBe(1000)
  })
})
