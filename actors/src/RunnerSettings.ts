/**
 * Engine settings of a runner, from the environment (README lists them) with defaults that work embedded.
 */
import { Config, Context, Effect, Layer } from "effect"

export class RunnerSettings extends Context.Service<
  RunnerSettings,
  {
    /** WEFT_RUN_CONCURRENCY: node executions of one run that may run at once. */
    readonly runConcurrency: number
    /** WEFT_NODE_INFRA_RETRIES: re-attempts of a node whose runner or transport failed. */
    readonly infrastructureRetries: number
    /** WEFT_RECOVERY_INTERVAL_MS: how often a runner looks for runs on its shards that no driver runs. */
    readonly recoveryIntervalMs: number
  }
>()("@weft/actors/RunnerSettings") {
  static readonly layer = Layer.effect(
    RunnerSettings,
    Effect.gen(function* () {
      const runConcurrency = yield* Config.Int("WEFT_RUN_CONCURRENCY").pipe(Config.withDefault(64))
      const infrastructureRetries = yield* Config.Int("WEFT_NODE_INFRA_RETRIES").pipe(Config.withDefault(20))
      const recoveryIntervalMs = yield* Config.Int("WEFT_RECOVERY_INTERVAL_MS").pipe(Config.withDefault(1000))
      return RunnerSettings.of({ runConcurrency, infrastructureRetries, recoveryIntervalMs })
    })
  )
}
