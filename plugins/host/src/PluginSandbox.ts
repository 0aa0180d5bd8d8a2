/**
 * The sandboxed runtime of one plugin version: a pool of sandbox processes that all loaded it. An execution
 * borrows one process; a process that died (time limit, memory, crash) is invalidated and replaced, so one
 * hostile call never takes the plugin, let alone the runner, down for the calls after it.
 */
import type { BlockError } from "@weft/block-sdk"
import { type Duration, Effect, Pool, type Scope, Stream } from "effect"
import {
  defaultLimits,
  type ExecuteRequest,
  type PinValue,
  type SandboxError,
  type SandboxLimits,
  type SandboxPlugin,
  spawnSandbox
} from "./SandboxProcess.ts"
import { BlockError as BlockErrorClass } from "@weft/block-sdk"

export interface PluginSandboxOptions {
  readonly limits?: SandboxLimits
  /** Most processes this plugin version may use at once (concurrent executions beyond wait). */
  readonly maxProcesses?: number
  /** Idle processes beyond the first are stopped after this long. */
  readonly idleTimeToLive?: Duration.Input
}

export interface PluginSandbox {
  /** `describeBlock` output of the plugin's blocks, as its first process reported them. */
  readonly descriptors: ReadonlyArray<unknown>
  readonly execute: (request: ExecuteRequest) => Stream.Stream<PinValue, BlockError>
}

export const makePluginSandbox = Effect.fn("PluginSandbox.make")(function* (
  plugin: SandboxPlugin,
  options: PluginSandboxOptions = {}
): Effect.fn.Return<PluginSandbox, SandboxError, Scope.Scope> {
  const pool = yield* Pool.makeWithTTL({
    acquire: spawnSandbox(plugin, options.limits ?? defaultLimits),
    min: 1,
    max: options.maxProcesses ?? 4,
    timeToLive: options.idleTimeToLive ?? "5 minutes"
  })
  const descriptors = yield* Effect.scoped(Effect.map(Pool.get(pool), (sandbox) => sandbox.descriptors))

  const execute = (request: ExecuteRequest): Stream.Stream<PinValue, BlockError> =>
    Stream.unwrap(
      Effect.gen(function* () {
        const sandbox = yield* Pool.get(pool).pipe(
          Effect.mapError((error) => new BlockErrorClass({ message: error.message, retryable: false }))
        )
        yield* Effect.addFinalizer(() => (sandbox.isAlive() ? Effect.void : Pool.invalidate(pool, sandbox)))
        return sandbox.execute(request)
      })
    )

  return { descriptors, execute }
})
