/**
 * A stored run (`GET /executions/:id`) folded into the same per-node shapes the live view builds from WebSocket
 * events, so the canvas shows a past run and a finished live run the same way. A node that ran several times
 * (once per list item, say) shows the status that matters most: a failure over a stop over work still going
 * over a completion, and the values it yielded across all its executions, in the order the run produced them.
 */
import type { ExecutionDetail, ExecutionStatus, NodeExecutionRecord, StuckNode } from "../api/api-types"

export interface NodeRunState {
  readonly status: ExecutionStatus
  readonly error?: string
  /** How many times the node executed in the run (absent: once, or not known yet). */
  readonly executions?: number
}

export interface PinOutput {
  readonly pin: string
  readonly seq: number
  readonly value: unknown
  readonly truncated: boolean
}

export interface RunSnapshot {
  readonly status: ExecutionStatus
  readonly nodes: ReadonlyMap<string, NodeRunState>
  readonly outputs: ReadonlyMap<string, ReadonlyArray<PinOutput>>
  readonly stuckNodes: ReadonlyArray<StuckNode>
  /** The graph's outputs (AgentOutput names to the values they received). */
  readonly runOutputs: { readonly [name: string]: ReadonlyArray<unknown> }
}

const precedence: ReadonlyArray<ExecutionStatus> = [
  "FAILED",
  "TERMINATED",
  "RUNNING",
  "QUEUED",
  "REVIEW",
  "INCOMPLETE",
  "COMPLETED"
]

const rank = (status: ExecutionStatus): number => {
  const index = precedence.indexOf(status)
  return index < 0 ? precedence.length : index
}

/** The execution that decides a node's shown status: the highest-ranked status, the latest one among equals. */
const deciding = (executions: ReadonlyArray<NodeExecutionRecord>): NodeExecutionRecord | undefined => {
  let best: NodeExecutionRecord | undefined
  for (const execution of executions) {
    if (
      best === undefined ||
      rank(execution.status) < rank(best.status) ||
      (rank(execution.status) === rank(best.status) && execution.createdSeq > best.createdSeq)
    ) {
      best = execution
    }
  }
  return best
}

export const snapshotOf = (detail: ExecutionDetail): RunSnapshot => {
  const byNode = new Map<string, Array<NodeExecutionRecord>>()
  for (const execution of detail.nodeExecutions) {
    const list = byNode.get(execution.nodeId)
    if (list === undefined) byNode.set(execution.nodeId, [execution])
    else list.push(execution)
  }
  const nodes = new Map<string, NodeRunState>()
  const outputs = new Map<string, ReadonlyArray<PinOutput>>()
  for (const [nodeId, executions] of byNode) {
    const shown = deciding(executions)
    if (shown === undefined) continue
    nodes.set(nodeId, {
      status: shown.status,
      ...(shown.error === null ? {} : { error: shown.error }),
      ...(executions.length > 1 ? { executions: executions.length } : {})
    })
    const yielded = executions
      .flatMap((execution) => execution.outputs)
      .map((output) => ({ pin: output.pin, seq: output.runSeq, value: output.value, truncated: false }))
      .sort((a, b) => a.seq - b.seq)
    if (yielded.length > 0) outputs.set(nodeId, yielded)
  }
  return { status: detail.status, nodes, outputs, stuckNodes: detail.stuckNodes, runOutputs: detail.outputs }
}
