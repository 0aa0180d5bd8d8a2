/**
 * The cluster's runner-to-runner transport: `NodeClusterSocket.layer`'s composition (TCP sockets, SQL message and
 * runner storage, ping health checks, binary serialization), with Nagle's algorithm turned off on both ends.
 * Cluster RPC is many small frames (a Start, then one frame per run event): with Nagle on, a small frame waits
 * for the peer's delayed ACK (40 ms on Linux) whenever another is unacknowledged, and a 3-node run started from a
 * gateway took ~175 ms end to end however idle the machine was.
 */
import { NodeCrypto, NodeSocket, NodeSocketServer } from "@effect/platform-node"
import { Effect, Layer, Option } from "effect"
import {
  RunnerHealth,
  Runners,
  ShardingConfig,
  SocketRunner,
  SqlMessageStorage,
  SqlRunnerStorage
} from "effect/cluster"
import { RpcClient, RpcSerialization } from "effect/rpc"
import { Socket } from "effect/socket"

const clientProtocol = Layer.effect(Runners.RpcClientProtocol)(
  Effect.gen(function* () {
    const serialization = yield* RpcSerialization.RpcSerialization
    return {
      codecFor: serialization.codecFor,
      make: Effect.fnUntraced(function* (address: { readonly host: string; readonly port: number }) {
        const socket = yield* NodeSocket.makeNet({
          openTimeout: 1000,
          timeout: 5500,
          host: address.host,
          port: address.port,
          noDelay: true
        })
        return yield* RpcClient.makeProtocolSocket().pipe(
          Effect.provideService(Socket.Socket, socket),
          Effect.provideService(RpcSerialization.RpcSerialization, serialization)
        )
      }, Effect.orDie)
    }
  })
)

const socketServer = Layer.unwrap(
  Effect.gen(function* () {
    const config = yield* ShardingConfig.ShardingConfig
    const listen = Option.orElse(config.runnerListenAddress, () => config.runnerAddress)
    if (Option.isNone(listen)) return yield* Effect.die("the cluster socket server needs a runner address")
    return NodeSocketServer.layer({ host: listen.value.host, port: listen.value.port, noDelay: true })
  })
)

type ShardingSettings = Partial<ShardingConfig.ShardingConfig["Service"]>

/** What every process of the cluster shares: SQL storage of messages and runners, settings, serialization. */
const shared = <A, E, R>(layer: Layer.Layer<A, E, R>, settings: ShardingSettings) =>
  layer.pipe(
    Layer.provideMerge(SqlMessageStorage.layer.pipe(Layer.provide(NodeCrypto.layerDigest))),
    Layer.provide(Layer.orDie(SqlRunnerStorage.layer)),
    Layer.provide(ShardingConfig.layerFromEnv(settings)),
    Layer.provide(RpcSerialization.layerSchemaBinary({}))
  )

/** A runner: hosts shards, listens for its peers and checks their health by ping. */
export const runnerTransport = (settings: ShardingSettings) =>
  shared(
    Layer.provide(SocketRunner.layer, [socketServer, clientProtocol]).pipe(
      Layer.provide(RunnerHealth.layerPing.pipe(Layer.provide(Runners.layerRpc), Layer.provide(clientProtocol)))
    ),
    settings
  )

/** A client of the cluster that hosts nothing (a gateway). */
export const clientTransport = (settings: ShardingSettings) =>
  shared(Layer.provide(SocketRunner.layerClientOnly, clientProtocol), settings)
