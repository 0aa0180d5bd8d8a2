/**
 * Turns the engine's commands into the rows to write and the node runs to dispatch. Shared by the start of a run
 * (its starting nodes) and by the driver (every later step), so both write the same rows.
 */
import type * as Engine from "@weft/runtime"
import type { WriteOp } from "./ExecutionWriter.ts"
import type { RunEventWire } from "./RunEvents.ts"

export interface Dispatch {
  readonly id: string
  readonly nodeId: string
  readonly input: Record<string, unknown>
}

const seqOf = (nodeExecutionId: string) => Number(nodeExecutionId.slice(nodeExecutionId.lastIndexOf(".") + 1))

/** Everything one driver step produces: rows to commit, node runs to dispatch after, outputs and live events. */
export interface Step {
  readonly ops: Array<WriteOp>
  readonly dispatch: Array<Dispatch>
  readonly outputs: Array<{ readonly name: string; readonly value: unknown }>
  readonly events: Array<RunEventWire>
}

export const makeStep = (): Step => ({ ops: [], dispatch: [], outputs: [], events: [] })

const nodeOf = (state: Engine.RunState, id: Engine.NodeExecutionId) => state.execById.get(id)?.nodeId ?? ""

/** Translates engine commands into rows to write, node runs to dispatch and events to publish. */
export const plan = (state: Engine.RunState, commands: ReadonlyArray<Engine.Command>, step: Step) => {
  const { ops, dispatch, outputs, events } = step
  for (const c of commands) {
    switch (c._tag) {
      case "NodeCreated":
        ops.push({
          _tag: "InsertNodeExecution",
          row: {
            id: c.exec.id,
            executionId: state.executionId,
            nodeId: c.exec.nodeId,
            status: "INCOMPLETE",
            pins: { ...c.exec.pins },
            input: null,
            createdSeq: seqOf(c.exec.id)
          }
        })
        events.push({ _tag: "node", id: c.exec.id, node: c.exec.nodeId, status: "INCOMPLETE" })
        break
      case "PinSet": {
        const exec = state.execById.get(c.nodeExecutionId)
        if (exec !== undefined) ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, pins: { ...exec.pins } })
        break
      }
      case "NodeQueued":
        ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, status: "QUEUED", input: c.input })
        dispatch.push({ id: c.nodeExecutionId, nodeId: c.nodeId, input: c.input })
        events.push({ _tag: "node", id: c.nodeExecutionId, node: c.nodeId, status: "QUEUED" })
        break
      case "NodeFailed":
        ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, status: "FAILED", error: c.error })
        events.push({
          _tag: "node",
          id: c.nodeExecutionId,
          node: nodeOf(state, c.nodeExecutionId),
          status: "FAILED",
          error: c.error
        })
        break
      case "NodeTerminated":
        ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, status: "TERMINATED" })
        events.push({
          _tag: "node",
          id: c.nodeExecutionId,
          node: nodeOf(state, c.nodeExecutionId),
          status: "TERMINATED"
        })
        break
      case "GraphOutput":
        outputs.push({ name: c.name, value: c.value })
        break
    }
  }
}
