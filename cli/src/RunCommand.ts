/**
 * `weft run <graph.json>`: saves the graph (or finds the saved copy), runs it to its end and prints the status,
 * the outputs, the failed nodes with their errors and the stuck nodes. Everything is checked before anything is
 * stored, so bad input exits 2 and leaves the database untouched.
 */
import { Console, Effect, Result, Stream } from "effect"
import {
  Access,
  BlockRegistry,
  type ExecutionDetail,
  ExecutionId,
  ExecutionStore,
  type Graph,
  type GraphDocument,
  GraphStore,
  UserStore
} from "@weft/runtime"
import { checkStart, describeRejection, Executions, makeBlockCatalog } from "@weft/actors"
import { CliFailure } from "./CliFailure.ts"
import { parseInputs, readGraphFile } from "./GraphInput.ts"

const sameContent = (
  a: GraphDocument,
  b: { readonly name: string; readonly nodes: unknown; readonly links: unknown }
) =>
  a.name === b.name &&
  JSON.stringify(a.nodes) === JSON.stringify(b.nodes) &&
  JSON.stringify(a.links) === JSON.stringify(b.links)

/** The saved graph for this file: reused when unchanged, a new version when edited, a new graph without id. */
const saveGraph = Effect.fnUntraced(function* (doc: GraphDocument) {
  const graphs = yield* GraphStore
  const owner = (yield* (yield* UserStore).localAdmin).id
  const content = { name: doc.name, description: doc.description, nodes: doc.nodes, links: doc.links }
  if (doc.id === undefined) return yield* graphs.create(owner, content)
  const existing = yield* graphs.get(doc.id, Access.admin).pipe(
    Effect.map((g): Graph | undefined => g),
    Effect.catchTag("GraphNotFound", () => Effect.succeed(undefined))
  )
  if (existing === undefined) return yield* graphs.create(owner, content, doc.id)
  if (sameContent(doc, existing)) return existing
  return yield* graphs.createVersion(doc.id, Access.admin, content)
})

export interface RunReport {
  readonly executionId: string
  readonly status: string
  readonly outputs: Readonly<Record<string, ReadonlyArray<unknown>>>
  readonly failedNodes: ReadonlyArray<{
    readonly nodeId: string
    readonly nodeExecutionId: string
    readonly error: string
  }>
  readonly stuckNodes: ReadonlyArray<{ readonly nodeId: string; readonly missingPins: ReadonlyArray<string> }>
}

export const report = (detail: ExecutionDetail): RunReport => ({
  executionId: detail.id,
  status: detail.status,
  outputs: detail.outputs,
  failedNodes: detail.nodeExecutions
    .filter((n) => n.status === "FAILED")
    .map((n) => ({ nodeId: n.nodeId, nodeExecutionId: n.id, error: n.error ?? "failed" })),
  stuckNodes: detail.stuckNodes.map((s) => ({ nodeId: s.nodeId, missingPins: s.missingPins }))
})

const printReport = (r: RunReport) =>
  Effect.gen(function* () {
    yield* Console.log(`execution ${r.executionId}: ${r.status}`)
    const names = Object.keys(r.outputs)
    if (names.length > 0) yield* Console.log("outputs:")
    for (const name of names) {
      for (const value of r.outputs[name] ?? []) yield* Console.log(`  ${name}: ${JSON.stringify(value)}`)
    }
    if (r.failedNodes.length > 0) yield* Console.log("failed nodes:")
    for (const f of r.failedNodes) yield* Console.log(`  ${f.nodeId}: ${f.error}`)
    if (r.stuckNodes.length > 0) yield* Console.log("stuck nodes:")
    for (const s of r.stuckNodes) yield* Console.log(`  ${s.nodeId}: missing ${s.missingPins.join(", ")}`)
  })

export const runGraphFile = Effect.fn("weft.run")(function* (
  path: string,
  inputPairs: ReadonlyArray<string>,
  subgraphPaths: ReadonlyArray<string> = []
) {
  const registry = yield* BlockRegistry
  // Sub-graphs first: the graph's AgentExecutor nodes name them by id.
  const subgraphs = yield* Effect.forEach(subgraphPaths, (p) => readGraphFile(p, registry.resolveSync))
  const doc = yield* readGraphFile(path, registry.resolveSync)
  const inputs = yield* parseInputs(inputPairs)
  // Check the inputs against the graph before storing anything (the start check is pure).
  const probe = checkStart(makeBlockCatalog(registry.resolveSync), doc, inputs)
  if (Result.isFailure(probe)) {
    const details = describeRejection(probe.failure)
    return yield* new CliFailure({
      message: `${path}: ${details.length > 0 ? details.join("; ") : probe.failure.message}`
    })
  }
  yield* Effect.forEach(subgraphs, saveGraph, { discard: true })
  const graph = yield* saveGraph(doc)
  const executions = yield* Executions
  const { executionId } = yield* executions.start({
    graphId: graph.id,
    graphVersion: graph.version,
    inputs,
    userId: graph.ownerId,
    asAdmin: true
  })
  yield* Stream.runDrain(executions.watch(executionId))
  const detail = yield* (yield* ExecutionStore).get(ExecutionId.make(executionId))
  return report(detail)
})

export const runAndPrint = (
  path: string,
  inputs: ReadonlyArray<string>,
  subgraphs: ReadonlyArray<string>,
  json: boolean
) =>
  Effect.gen(function* () {
    const r = yield* runGraphFile(path, inputs, subgraphs)
    if (json) yield* Console.log(JSON.stringify(r, null, 2))
    else yield* printReport(r)
    return r
  })
