/**
 * For tests of runs (here and in other packages): an embedded runner over a throwaway database, and helpers to
 * save a graph document and run it to its end.
 */
import { Effect, Layer, Stream } from "effect"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import {
  BlockRegistry,
  CredentialVault,
  ExecutionId,
  ExecutionStore,
  GraphStore,
  parseGraphFileText,
  TestDatabase,
  UserStore,
  type GraphDocument
} from "@weft/runtime"
import { Executions } from "./Executions.ts"
import { embeddedCluster, runnerLayer } from "./Runner.ts"

/** The stores a runner needs, with the built-in blocks and a vault whose key lives only for the test. */
export const storesLayerWith = <E, R>(blocks: Layer.Layer<BlockRegistry, E, R>) =>
  Layer.mergeAll(
    GraphStore.layer,
    ExecutionStore.layer,
    UserStore.layer,
    blocks,
    CredentialVault.layerWithKey(NodeCrypto.randomBytes(32))
  )

export const storesLayer = storesLayerWith(BlockRegistry.layer)

/** An embedded runner over `stores` on a fresh database, dropped afterwards. */
export const embeddedTestRunnerWith = <E, R>(stores: Layer.Layer<StoreServices, E, R>) =>
  runnerLayer.pipe(
    Layer.provideMerge(embeddedCluster),
    Layer.provideMerge(stores),
    Layer.provideMerge(TestDatabase.layer)
  )

type StoreServices = GraphStore | ExecutionStore | UserStore | BlockRegistry | CredentialVault

/** One embedded runner with its stores on a fresh database, dropped afterwards. */
export const embeddedTestRunner = embeddedTestRunnerWith(storesLayer)

export const readExample = (name: string) =>
  Effect.promise(() => NodeFs.readFile(new URL(`../../examples/${name}`, import.meta.url), "utf8")).pipe(
    Effect.flatMap(parseGraphFileText),
    Effect.orDie
  )

/** Saves `doc` (as the local admin's) and returns the stored graph. */
export const saveDocument = (doc: GraphDocument) =>
  Effect.gen(function* () {
    const owner = (yield* (yield* UserStore).localAdmin).id
    const content = { name: doc.name, description: doc.description, nodes: doc.nodes, links: doc.links }
    return yield* (yield* GraphStore).create(owner, content, doc.id)
  }).pipe(Effect.orDie)

/** Starts a run of the saved graph and waits for its end; returns the stored run with its node executions. */
export const runToEnd = (
  graph: { readonly id: string; readonly version: number; readonly ownerId: string },
  inputs: Record<string, unknown> = {}
) =>
  Effect.gen(function* () {
    const executions = yield* Executions
    const { executionId } = yield* executions.start({
      graphId: graph.id,
      graphVersion: graph.version,
      inputs,
      userId: graph.ownerId
    })
    yield* Stream.runDrain(executions.watch(executionId))
    return yield* (yield* ExecutionStore).get(ExecutionId.make(executionId))
  })
export * from "./GraphBuilder.ts"
