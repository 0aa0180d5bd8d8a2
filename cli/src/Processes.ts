/**
 * The layers each `weft` command runs on. Embedded and distributed processes differ only in which database and
 * cluster layers they get (architecture.md "Processes and deployment shapes").
 */
import { Layer } from "effect"
import { BlockRegistry, CredentialVault, Database, ExecutionStore, GraphStore, UserStore } from "@weft/runtime"
import { distributedCluster, embeddedCluster, runnerLayer } from "@weft/actors"

const stores = Layer.mergeAll(GraphStore.layer, ExecutionStore.layer, UserStore.layer, CredentialVault.layer)

/** Stores and blocks over the database of the environment (DATABASE_URL, else embedded PostgreSQL). */
export const baseLayer = Layer.mergeAll(stores, BlockRegistry.layer).pipe(Layer.provideMerge(Database.layer))

/** A runner in this process with its own single-runner cluster. */
export const embeddedRunner = runnerLayer.pipe(Layer.provideMerge(embeddedCluster), Layer.provideMerge(baseLayer))

/** A runner joining the runners registered in the shared database. */
export const distributedRunner = (address: { readonly host: string; readonly port: number }) =>
  runnerLayer.pipe(Layer.provideMerge(distributedCluster(address)), Layer.provideMerge(baseLayer))
