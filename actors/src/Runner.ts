/**
 * The layers that make a process a Weft runner. Embedded and distributed runners run the same entities, driver
 * and recovery; only the cluster transport differs: `embedded` is one in-process runner, `distributed` joins the
 * runners registered in the shared PostgreSQL and talks to them over sockets.
 */
import { NodeCrypto } from "@effect/platform-node"
import { Duration, Layer, Option } from "effect"
import { RunnerAddress, SingleRunner } from "effect/cluster"
import type { ShardingConfig } from "effect/cluster"
import { ActiveRuns } from "./ActiveRuns.ts"
import { clientTransport, runnerTransport } from "./ClusterTransport.ts"
import { BlockExecutor } from "./BlockExecutor.ts"
import { ProcessIdentity } from "./ProcessIdentity.ts"
import { ExecutionWriter } from "./ExecutionWriter.ts"
import { GraphVersions } from "./GraphVersions.ts"
import { Executions } from "./Executions.ts"
import { GraphRunLayer } from "./GraphRunEntity.ts"
import { InlineBlocks } from "./InlineBlocks.ts"
import { NodeExecutor } from "./NodeExecutor.ts"
import { NodeRunLayer } from "./NodeRunEntity.ts"
import { RunnerBlocks } from "./RunnerBlocks.ts"
import { RunnerSettings } from "./RunnerSettings.ts"
import { RunRecoveryLayer } from "./RunRecovery.ts"
import { SubgraphRunnerLive } from "./SubgraphRunnerLive.ts"

/**
 * Failover timing: architecture.md measured shards moving ~27–31 s after a runner died with the defaults, ~5 s
 * with these. Explicit values also keep a stray `PORT`/`HOST` in the environment from moving the runner.
 */
const shardingDefaults: Partial<ShardingConfig.ShardingConfig["Service"]> = {
  shardsPerGroup: 64,
  shardLockExpiration: Duration.seconds(5),
  shardLockRefreshInterval: Duration.seconds(1),
  refreshAssignmentsInterval: Duration.seconds(1),
  entityMessagePollInterval: Duration.seconds(1),
  maxResidentEntities: 200_000,
  // A stopping runner does not wait for runs to end: their drivers stop and the next owner resumes them.
  entityTerminationTimeout: Duration.seconds(2),
  entityMailboxCapacity: "unbounded",
  simulateRemoteSerialization: false
}

/** One runner inside this process (`weft dev`, `weft run`). */
export const embeddedCluster = Layer.merge(
  SingleRunner.layer({ shardingConfig: shardingDefaults, runnerStorage: "memory" }).pipe(
    Layer.provide(NodeCrypto.layerDigest)
  ),
  ProcessIdentity.embedded
)

/** A runner listening on `host:port` that shares shards with every runner registered in the same database. */
export const distributedCluster = (options: { readonly host: string; readonly port: number }) =>
  Layer.merge(
    runnerTransport({
      ...shardingDefaults,
      runnerAddress: Option.some(RunnerAddress.make(options.host, options.port)),
      runnerListenAddress: Option.some(RunnerAddress.make(options.host, options.port))
    }),
    ProcessIdentity.distributed(options)
  )

/** A client of the cluster that hosts no entities (e.g. a gateway): it can start and watch runs. */
export const clientCluster = Layer.merge(
  clientTransport({ ...shardingDefaults, runnerAddress: Option.none() }),
  Layer.sync(ProcessIdentity, () => `client:${process.pid}`)
)

const services = Layer.mergeAll(ExecutionWriter.layer, RunnerBlocks.layer, GraphVersions.layer, InlineBlocks.layer)

/**
 * Everything a runner runs. Needs a cluster layer (above), `SqlClient`/`PgClient`, `BlockRegistry` and
 * `GraphStore`; provides `Executions` so the process can start runs.
 */
export const runnerLayer = Layer.mergeAll(GraphRunLayer, NodeRunLayer, RunRecoveryLayer).pipe(
  Layer.provideMerge(NodeExecutor.layer),
  Layer.provideMerge(BlockExecutor.layer),
  Layer.provideMerge(SubgraphRunnerLive.layer),
  Layer.provideMerge(Executions.layer),
  Layer.provideMerge(services),
  Layer.provideMerge(Layer.mergeAll(ActiveRuns.layer, RunnerSettings.layer))
)

/**
 * A process that starts and watches runs but runs none (a gateway, a test driving runners): `Executions` over a
 * client-only cluster. Needs `SqlClient`/`PgClient`, `BlockRegistry` and `GraphStore`.
 */
export const clientLayer = Executions.layer.pipe(Layer.provideMerge(services), Layer.provideMerge(clientCluster))
