/**
 * Test support for the engine's tests (not exported from the package): a builder for small graphs, fake blocks
 * whose `run` is a pure function of their input, and a driver that plays the actor's part (runs queued nodes
 * yield by yield in an order chosen by the test), recording the events so that a run can be replayed.
 */
import { Result, Schema } from "effect"
import type { Graph, Link, Node } from "../model/Graph.ts"
import type { ExecutionId, GraphId, GraphVersion, LinkId, NodeExecutionId, NodeId, UserId } from "../model/Ids.ts"
import { type BlockInfo, type BlockKind, type CompiledGraph, compile } from "./CompiledGraph.ts"
import { inputValidator } from "./InputValidator.ts"
import * as Machine from "./RunMachine.ts"
import type { Command, RunState } from "./RunState.ts"

export type Yields = ReadonlyArray<readonly [string, unknown]>

export interface FakeBlock {
  readonly kind: BlockKind
  readonly staticOutput: boolean
  readonly schema: Schema.Top & Schema.Decoder<unknown>
  /** The block's yields for an input, or a failure message (after the yields). */
  readonly run: (input: Record<string, unknown>) => { readonly yields: Yields; readonly error?: string }
}

const block = (
  schema: Schema.Top & Schema.Decoder<unknown>,
  run: FakeBlock["run"],
  options: { readonly kind?: BlockKind; readonly staticOutput?: boolean } = {}
): FakeBlock => ({ kind: options.kind ?? "other", staticOutput: options.staticOutput ?? false, schema, run })

const num = (value: unknown): number => (typeof value === "number" ? value : Number.NaN)

export const blocks: Readonly<Record<string, FakeBlock>> = {
  AgentInput: block(
    Schema.Struct({ name: Schema.String, value: Schema.optionalKey(Schema.Unknown) }),
    (input) => ({ yields: input.value === undefined ? [] : [["result", input.value]] }),
    { kind: "input", staticOutput: true }
  ),
  AgentOutput: block(
    Schema.Struct({ name: Schema.String, value: Schema.Unknown }),
    (input) => ({ yields: [["output", input.value]] }),
    { kind: "output" }
  ),
  Note: block(Schema.Struct({ text: Schema.optionalKey(Schema.String) }), () => ({ yields: [] }), { kind: "note" }),
  StoreValue: block(Schema.Struct({ input: Schema.Unknown }), (input) => ({ yields: [["output", input.input]] }), {
    staticOutput: true
  }),
  Pass: block(Schema.Struct({ value: Schema.Unknown }), (input) => ({ yields: [["output", input.value]] })),
  Add: block(Schema.Struct({ a: Schema.Number, b: Schema.Number }), (input) => ({
    yields: [["result", num(input.a) + num(input.b)]]
  })),
  /** Condition-like: `yes_output` (value1) when value1 < value2, else `no_output`. */
  Less: block(Schema.Struct({ value1: Schema.Number, value2: Schema.Number }), (input) => ({
    yields: [num(input.value1) < num(input.value2) ? ["yes_output", input.value1] : ["no_output", input.value1]]
  })),
  /** Yields `item` `count` times (at most 5, so random loops stay small): 0, 1, ... */
  Emit: block(Schema.Struct({ count: Schema.Number }), (input) => ({
    yields: Array.from(
      { length: Math.max(0, Math.min(5, Math.floor(num(input.count)) || 0)) },
      (_, i) => ["item", i] as const
    )
  })),
  Join: block(Schema.Struct({ a: Schema.Unknown, b: Schema.Unknown }), (input) => ({
    yields: [["output", [input.a, input.b]]]
  })),
  CreateList: block(Schema.Struct({ values: Schema.Array(Schema.Unknown) }), (input) => ({
    yields: [["list", input.values]]
  })),
  CreateDictionary: block(Schema.Struct({ values: Schema.Record(Schema.String, Schema.Unknown) }), (input) => ({
    yields: [["dictionary", input.values]]
  })),
  /** Yields `partial` then fails. */
  Fail: block(Schema.Struct({ value: Schema.Unknown }), (input) => ({
    yields: [["partial", input.value]],
    error: "boom"
  }))
}

export const blockInfo = (node: Node): BlockInfo => {
  const fake = blocks[node.block.id]
  if (fake === undefined) throw new Error(`no fake block ${node.block.id}`)
  return {
    blockId: node.block.id,
    kind: fake.kind,
    staticOutput: fake.staticOutput,
    validateInput: inputValidator(fake.schema)
  }
}

// Boundary: test ids are literals known to be non-empty.
export const executionId = "run" as ExecutionId
export const execId = (n: number): NodeExecutionId => `run.${n}` as NodeExecutionId
export const nodeId = (id: string): NodeId => id as NodeId

export const node = (id: string, blockId: string, inputDefault: Record<string, unknown> = {}): Node => ({
  id: nodeId(id),
  block: { id: blockId },
  inputDefault,
  metadata: {}
})

/** `"a.result -> b.value"`, with an optional `static` flag. */
export const link = (spec: string, isStatic = false): Link => {
  const match = /^(\S+?)\.(\S+)\s*->\s*(\S+?)\.(\S+)$/.exec(spec)
  if (match === null) throw new Error(`bad link spec ${spec}`)
  const [, sourceId = "", sourceName = "", sinkId = "", sinkName = ""] = match
  return {
    id: spec as LinkId,
    sourceId: nodeId(sourceId),
    sourceName,
    sinkId: nodeId(sinkId),
    sinkName,
    isStatic
  }
}

export const graph = (nodes: ReadonlyArray<Node>, links: ReadonlyArray<Link>): Graph => ({
  id: "g" as GraphId,
  version: 1 as GraphVersion,
  name: "test",
  description: "",
  nodes,
  links,
  isActive: true,
  ownerId: "u" as UserId,
  createdAt: "2020-01-01T00:00:00Z"
})

export const compileTest = (g: Graph): CompiledGraph => compile(g, blockInfo)

export const startOk = (compiled: CompiledGraph, inputs: Record<string, unknown> = {}) => {
  const started = Machine.start(compiled, executionId, inputs)
  if (Result.isFailure(started)) throw new Error(started.failure.message)
  return started.success
}

/** What the actor told the machine, in order: enough to rebuild the run. */
export type Event =
  | { readonly _tag: "started"; readonly id: NodeExecutionId }
  | { readonly _tag: "yield"; readonly id: NodeExecutionId; readonly pin: string; readonly value: unknown }
  | { readonly _tag: "completed"; readonly id: NodeExecutionId }
  | { readonly _tag: "failed"; readonly id: NodeExecutionId; readonly error: string }
  | { readonly _tag: "cancel" }

export const applyEvent = (state: RunState, event: Event): Array<Command> => {
  switch (event._tag) {
    case "started":
      Machine.onNodeStarted(state, event.id)
      return []
    case "yield":
      return Machine.onYield(state, event.id, event.pin, event.value)
    case "completed":
      return Machine.onNodeCompleted(state, event.id)
    case "failed":
      return Machine.onNodeFailed(state, event.id, event.error)
    case "cancel":
      return Machine.cancel(state)
  }
}

interface Process {
  readonly id: NodeExecutionId
  started: boolean
  readonly yields: Yields
  next: number
  readonly error: string | undefined
}

export interface DriveResult {
  readonly state: RunState
  readonly commands: Array<Command>
  readonly events: Array<Event>
  /** Node executions in the order they were queued. */
  readonly queued: Array<NodeExecutionId>
}

/**
 * Plays the actor: runs every queued node of the run, one step at a time (start, one yield, end), picking the
 * next running node with `choose(count)` (default: the oldest), until the run is settled or `maxSteps` is hit.
 */
export const drive = (
  compiled: CompiledGraph,
  inputs: Record<string, unknown> = {},
  options: { readonly choose?: (count: number) => number; readonly maxSteps?: number; readonly cancelAt?: number } = {}
): DriveResult => {
  const { state, commands: first } = startOk(compiled, inputs)
  const commands: Array<Command> = []
  const events: Array<Event> = []
  const queued: Array<NodeExecutionId> = []
  const running: Array<Process> = []
  const absorb = (produced: ReadonlyArray<Command>): void => {
    for (const command of produced) {
      commands.push(command)
      if (command._tag !== "NodeQueued") continue
      queued.push(command.nodeExecutionId)
      const nodeOf = compiled.nodeById.get(command.nodeId)
      const fake = nodeOf === undefined ? undefined : blocks[nodeOf.node.block.id]
      if (fake === undefined) throw new Error(`no block for ${command.nodeId}`)
      const outcome = fake.run(command.input)
      running.push({
        id: command.nodeExecutionId,
        started: false,
        yields: outcome.yields,
        next: 0,
        error: outcome.error
      })
    }
  }
  const record = (event: Event): void => {
    events.push(event)
    absorb(applyEvent(state, event))
  }
  absorb(first)
  const choose = options.choose ?? (() => 0)
  const maxSteps = options.maxSteps ?? 10_000
  for (let step = 0; step < maxSteps && running.length > 0; step++) {
    if (options.cancelAt === step) {
      record({ _tag: "cancel" })
      break
    }
    const index = Math.min(Math.max(choose(running.length), 0), running.length - 1)
    const process = running[index]
    if (process === undefined) break
    if (!process.started) {
      process.started = true
      record({ _tag: "started", id: process.id })
      continue
    }
    const next = process.yields[process.next]
    if (next !== undefined) {
      process.next += 1
      record({ _tag: "yield", id: process.id, pin: next[0], value: next[1] })
      continue
    }
    running.splice(index, 1)
    record(
      process.error === undefined
        ? { _tag: "completed", id: process.id }
        : { _tag: "failed", id: process.id, error: process.error }
    )
  }
  return { state, commands, events, queued }
}

/** Rebuilds a run from its events, as the actor does after a crash. */
export const replay = (compiled: CompiledGraph, inputs: Record<string, unknown>, events: ReadonlyArray<Event>) => {
  const { state, commands } = startOk(compiled, inputs)
  for (const event of events) commands.push(...applyEvent(state, event))
  return { state, commands }
}

/** The observable part of a run state, as plain data for comparisons. */
export const snapshot = (state: RunState) => ({
  nodeExecs: state.nodeExecs.map((exec) => ({ ...exec, pins: { ...exec.pins } })),
  staticValues: [...state.staticValues].map(([id, values]) => [id, [...values]]),
  outputs: [...state.outputs],
  failures: [...state.failures],
  created: state.created,
  active: state.active,
  cancelled: state.cancelled
})
