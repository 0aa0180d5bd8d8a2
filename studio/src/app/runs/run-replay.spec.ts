import { describe, expect, it } from "vitest"
import type { ExecutionDetail, ExecutionStatus, NodeExecutionRecord } from "../api/api-types"
import { snapshotOf } from "./run-replay"

const execution = (
  id: string,
  nodeId: string,
  status: ExecutionStatus,
  createdSeq: number,
  outputs: ReadonlyArray<[pin: string, value: unknown, runSeq: number]> = [],
  error: string | null = null
): NodeExecutionRecord => ({
  id,
  executionId: "e1",
  nodeId,
  status,
  pins: {},
  input: null,
  error,
  attempt: 1,
  createdSeq,
  endSeq: null,
  queuedAt: null,
  startedAt: null,
  endedAt: null,
  outputs: outputs.map(([pin, value, runSeq], seq) => ({ nodeExecutionId: id, seq, pin, value, runSeq, at: "" }))
})

const detail = (
  nodeExecutions: ReadonlyArray<NodeExecutionRecord>,
  status: ExecutionStatus = "FAILED"
): ExecutionDetail => ({
  id: "e1",
  graphId: "g1",
  graphVersion: 2,
  userId: "u1",
  status,
  inputs: {},
  outputs: { total: [6] },
  stuckNodes: [{ nodeExecutionId: "x9", nodeId: "join", missingPins: ["b"] }],
  stats: {},
  parentExecutionId: null,
  createdAt: "",
  startedAt: null,
  endedAt: null,
  nodeExecutions
})

describe("snapshotOf", () => {
  it("shows each node's deciding status, a failure first, and counts repeated executions", () => {
    const snapshot = snapshotOf(
      detail([
        execution("x1", "step", "COMPLETED", 1),
        execution("x2", "step", "FAILED", 2, [], "item 2 is not a number"),
        execution("x3", "step", "COMPLETED", 3),
        execution("x4", "sum", "COMPLETED", 4),
        execution("x9", "join", "INCOMPLETE", 5)
      ])
    )
    expect(snapshot.nodes.get("step")).toEqual({ status: "FAILED", error: "item 2 is not a number", executions: 3 })
    expect(snapshot.nodes.get("sum")).toEqual({ status: "COMPLETED" })
    expect(snapshot.nodes.get("join")).toEqual({ status: "INCOMPLETE" })
    expect(snapshot.stuckNodes).toEqual([{ nodeExecutionId: "x9", nodeId: "join", missingPins: ["b"] }])
    expect(snapshot.runOutputs).toEqual({ total: [6] })
  })

  it("merges a node's outputs across its executions in the order the run produced them", () => {
    const snapshot = snapshotOf(
      detail([
        execution("x2", "step", "COMPLETED", 2, [["item", "b", 5]]),
        execution("x1", "step", "COMPLETED", 1, [
          ["item", "a", 2],
          ["key", 0, 3]
        ])
      ])
    )
    expect(snapshot.outputs.get("step")?.map((o) => [o.pin, o.value])).toEqual([
      ["item", "a"],
      ["key", 0],
      ["item", "b"]
    ])
    expect(snapshot.outputs.has("other")).toBe(false)
  })

  it("prefers the latest execution among equal statuses", () => {
    const snapshot = snapshotOf(
      detail(
        [execution("x1", "n", "COMPLETED", 1), execution("x2", "n", "RUNNING", 2), execution("x3", "n", "RUNNING", 3)],
        "RUNNING"
      )
    )
    expect(snapshot.nodes.get("n")?.status).toBe("RUNNING")
    expect(snapshot.status).toBe("RUNNING")
  })
})
