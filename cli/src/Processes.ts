/**
 * The layers each `weft` command runs on. Embedded and distributed processes differ only in which database and
 * cluster layers they get (architecture.md "Processes and deployment shapes").
 */
import { Layer } from "effect"
import { BlockRegistry, CredentialVault, Database, ExecutionStore, GraphStore, UserStore } from "@weft/runtime"
import { clientLayer, distributedCluster, embeddedCluster, runnerLayer } from "@weft/actors"
import { Gateway, GatewayConfig } from "@weft/gateway"
import { devGatewayConfig } from "./GatewayCommand.ts"

const stores = Layer.mergeAll(GraphStore.layer, ExecutionStore.layer, UserStore.layer, CredentialVault.layer)

/** Stores and blocks over the database of the environment (DATABASE_URL, else embedded PostgreSQL). */
export const baseLayer = Layer.mergeAll(stores, BlockRegistry.layer).pipe(Layer.provideMerge(Database.layer))

/** A runner in this process with its own single-runner cluster. */
export const embeddedRunner = runnerLayer.pipe(Layer.provideMerge(embeddedCluster), Layer.provideMerge(baseLayer))

/** A runner joining the runners registered in the shared database. */
export const distributedRunner = (address: { readonly host: string; readonly port: number }) =>
  runnerLayer.pipe(Layer.provideMerge(distributedCluster(address)), Layer.provideMerge(baseLayer))

/**
 * `weft gateway`: the API over a client of the cluster registered in the database; the runs go to the runners.
 * Layer order makes shutdown stop the HTTP server (and its WebSockets) before the cluster client and the pool.
 */
export const gatewayProcess = Gateway.layer.pipe(
  Layer.provideMerge(GatewayConfig.layer),
  Layer.provideMerge(clientLayer),
  Layer.provideMerge(baseLayer)
)

/** `weft dev`: the gateway in front of the embedded runner; stopped before the runner and the database. */
export const embeddedWithGateway = Gateway.layer.pipe(
  Layer.provideMerge(devGatewayConfig),
  Layer.provideMerge(embeddedRunner)
)
