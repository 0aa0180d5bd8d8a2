/** Helpers the studio's unit tests share (tsconfig.app.json keeps them out of the app build). */
import { expect } from "vitest"
import type { BlockDescriptor, ExecutionDetail, NodeExecutionRecord } from "./app/api/api-types"

/**
 * Lets the fixture settle (at most 50 rounds) until `ready` holds, then asserts it: a test waits on the component's
 * own work, never on a timer.
 */
export const until = async (fixture: { whenStable(): Promise<unknown> }, ready: () => boolean) => {
  for (let attempt = 0; attempt < 50 && !ready(); attempt++) await fixture.whenStable()
  expect(ready()).toBe(true)
}

/** A block as the gateway describes it, with these input and output pins (JSON Schema properties). */
export const testBlock = (id: string, inputs: object, outputs: object): BlockDescriptor => ({
  id,
  version: "1.0.0",
  name: id,
  description: "",
  categories: [],
  inputSchema: { type: "object", properties: inputs },
  outputSchema: { type: "object", properties: outputs },
  staticOutput: false,
  dynamicOutput: false,
  credentials: {}
})

/** A stored run as `GET /api/v1/executions/:id` answers it: e1, of version 2 of g1, with `fields` over that. */
export const testExecution = (fields: Partial<ExecutionDetail>): ExecutionDetail => ({
  id: "e1",
  graphId: "g1",
  graphVersion: 2,
  userId: "u1",
  status: "COMPLETED",
  inputs: {},
  outputs: {},
  stuckNodes: [],
  stats: {},
  parentExecutionId: null,
  createdAt: "",
  startedAt: null,
  endedAt: null,
  nodeExecutions: [],
  ...fields
})

/** Node execution x1 of run e1, ended, with `fields` over that. */
export const testNodeExecution = (fields: Partial<NodeExecutionRecord>): NodeExecutionRecord => ({
  id: "x1",
  executionId: "e1",
  nodeId: "in",
  status: "COMPLETED",
  pins: {},
  input: null,
  error: null,
  attempt: 1,
  createdSeq: 1,
  endSeq: 2,
  queuedAt: null,
  startedAt: null,
  endedAt: null,
  outputs: [],
  ...fields
})
