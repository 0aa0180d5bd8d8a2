/**
 * Turns the engine's commands into the rows to write and the node runs to dispatch. Shared by the start of a run
 * (its starting nodes) and by the driver (every later step), so both write the same rows.
 */
import type * as Engine from "@weft/runtime"
import type { WriteOp } from "./ExecutionWriter.ts"

export interface Dispatch {
  readonly id: string
  readonly nodeId: string
  readonly input: Record<string, unknown>
}

const seqOf = (nodeExecutionId: string) => Number(nodeExecutionId.slice(nodeExecutionId.lastIndexOf(".") + 1))

/** Translates engine commands into rows to write and node runs to dispatch. */
export const plan = (
  state: Engine.RunState,
  commands: ReadonlyArray<Engine.Command>,
  ops: Array<WriteOp>,
  dispatch: Array<Dispatch>,
  outputs: Array<{ name: string; value: unknown }>
) => {
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
        break
      case "PinSet": {
        const exec = state.execById.get(c.nodeExecutionId)
        if (exec !== undefined) ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, pins: { ...exec.pins } })
        break
      }
      case "NodeQueued":
        ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, status: "QUEUED", input: c.input })
        dispatch.push({ id: c.nodeExecutionId, nodeId: c.nodeId, input: c.input })
        break
      case "NodeFailed":
        ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, status: "FAILED", error: c.error })
        break
      case "NodeTerminated":
        ops.push({ _tag: "UpdateNodeExecution", id: c.nodeExecutionId, status: "TERMINATED" })
        break
      case "GraphOutput":
        outputs.push({ name: c.name, value: c.value })
        break
    }
  }
}

