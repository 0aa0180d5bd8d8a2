/**
 * The layers each `weft` command runs on. Embedded and distributed processes differ only in which database and
 * cluster layers they get (architecture.md "Processes and deployment shapes").
 */
import { Effect, Layer, Option } from "effect"
import { BlockRegistry, CredentialVault, Database, ExecutionStore, GraphStore, UserStore } from "@weft/runtime"
import { clientLayer, distributedCluster, embeddedCluster, runnerLayer } from "@weft/actors"
import { Gateway, GatewayConfig, MarketplaceGateway } from "@weft/gateway"
import { pluginRegistryLayer, Registry } from "@weft/registry"
import { devGatewayConfig } from "./GatewayCommand.ts"
import { marketplaceFromRegistry } from "./MarketplaceLayer.ts"

const stores = Layer.mergeAll(GraphStore.layer, ExecutionStore.layer, UserStore.layer, CredentialVault.layer)

/** The built-ins and the plugin versions of the registry `Registry.layer` connects to, loaded on first use. */
const registryBlocks = pluginRegistryLayer().pipe(Layer.provide(Registry.layer))

/**
 * Processes that may run beside others (`weft runner`, `weft gateway`, `weft run`) load plugins only from a
 * shared registry (WEFT_REGISTRY_URL); without one they have the built-ins, and a plugin node fails with the
 * reason. Starting a private embedded registry per process would give each its own packages.
 */
const configuredBlocks = Layer.unwrap(
  Effect.map(Registry.registryUrlConfig, (url) => (Option.isSome(url) ? registryBlocks : BlockRegistry.layer))
)

/** Stores and `blocks` over the database of the environment (DATABASE_URL, else embedded PostgreSQL). */
const baseLayerWith = <E, R>(blocks: Layer.Layer<BlockRegistry, E, R>) =>
  Layer.mergeAll(stores, blocks).pipe(Layer.provideMerge(Database.layer))

export const baseLayer = baseLayerWith(configuredBlocks)

/** A runner in this process with its own single-runner cluster. */
export const embeddedRunner = runnerLayer.pipe(Layer.provideMerge(embeddedCluster), Layer.provideMerge(baseLayer))

/** A runner joining the runners registered in the shared database. */
export const distributedRunner = (address: { readonly host: string; readonly port: number }) =>
  runnerLayer.pipe(Layer.provideMerge(distributedCluster(address)), Layer.provideMerge(baseLayer))

/** The marketplace of the registry `Registry.layer` connects to (WEFT_REGISTRY_URL, else an embedded Verdaccio). */
const registryMarketplace = marketplaceFromRegistry.pipe(Layer.provide(Registry.layer))

/**
 * `weft gateway` serves the marketplace only with WEFT_REGISTRY_URL: several gateways must share one registry,
 * so none starts an embedded one; without it the marketplace routes answer 503.
 */
const gatewayMarketplace = Layer.unwrap(
  Effect.map(Registry.registryUrlConfig, (url) =>
    Option.isSome(url) ? registryMarketplace : MarketplaceGateway.layerUnavailable
  )
)

/**
 * `weft gateway`: the API over a client of the cluster registered in the database; the runs go to the runners.
 * Layer order makes shutdown stop the HTTP server (and its WebSockets) before the cluster client and the pool.
 */
export const gatewayProcess = Gateway.layer.pipe(
  Layer.provideMerge(gatewayMarketplace),
  Layer.provideMerge(GatewayConfig.layer),
  Layer.provideMerge(clientLayer),
  Layer.provideMerge(baseLayer)
)

/**
 * `weft dev`: the gateway in front of the embedded runner, with the marketplace and the plugin blocks over one
 * registry (embedded unless WEFT_REGISTRY_URL, started once: layers are shared by reference); stopped before the
 * runner and the database.
 */
export const embeddedWithGateway = Gateway.layer.pipe(
  Layer.provideMerge(registryMarketplace),
  Layer.provideMerge(devGatewayConfig),
  Layer.provideMerge(
    runnerLayer.pipe(Layer.provideMerge(embeddedCluster), Layer.provideMerge(baseLayerWith(registryBlocks)))
  )
)
