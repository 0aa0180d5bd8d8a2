/**
 * Finds runs that should be going but that no driver runs: runs whose runner died (their shards moved here once
 * the dead runner's locks expired), runs whose entity was stopped when a shard moved, and runs whose starter
 * went away before telling the entity. For each such run on a shard this runner owns it sends `Start`, which
 * resumes the run from its journal. This replaces persisted cluster messages, whose throughput here was too low
 * (architecture.md); the store stays the one source of truth.
 */
import { Duration, Effect, FiberSet, Layer, Schedule, Stream } from "effect"
import { EntityId, Sharding } from "effect/cluster"
import { SqlClient } from "effect/sql"
import { ActiveRuns } from "./ActiveRuns.ts"
import { isOtherLiveEmbedded, ProcessIdentity } from "./ProcessIdentity.ts"
import { GraphRun } from "./RunProtocol.ts"
import { RunnerSettings } from "./RunnerSettings.ts"

/** How long a QUEUED run is left to the process that inserted it before recovery takes it up. */
const graceSeconds = 2

export const RunRecoveryLayer = Layer.effectDiscard(
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const sharding = yield* Sharding.Sharding
    const active = yield* ActiveRuns
    const settings = yield* RunnerSettings
    const client = yield* GraphRun.client
    const self = yield* ProcessIdentity
    const resuming = new Set<string>()
    const fibers = yield* FiberSet.make()

    const sweep = Effect.gen(function* () {
      const rows = yield* sql<{ id: string; owner: string | null }>`
        SELECT id, coalesce(stats->>'driver', stats->>'starter') AS owner
        FROM executions WHERE status IN ('QUEUED', 'RUNNING')
          -- A run its starter inserted a moment ago is normally being launched right now: racing that launch would
          -- only load from the store what the launch brings along. Its starter gets a grace period.
          AND (status = 'RUNNING' OR created_at < now() - ${graceSeconds} * interval '1 second')
        ORDER BY created_at LIMIT 1000`
      for (const { id, owner } of rows) {
        if (active.has(id) || resuming.has(id) || isOtherLiveEmbedded(owner, self)) continue
        if (!sharding.hasShardId(sharding.getShardId(EntityId.make(id), "default"))) continue
        resuming.add(id)
        yield* FiberSet.run(
          fibers,
          Stream.runDrain(client(id).Start({ executionId: id })).pipe(
            Effect.ignore,
            Effect.ensuring(Effect.sync(() => resuming.delete(id)))
          )
        )
      }
    }).pipe(Effect.catchCause((cause) => Effect.logWarning("run recovery sweep failed", cause)))

    yield* Effect.forkScoped(Effect.repeat(sweep, Schedule.spaced(Duration.millis(settings.recoveryIntervalMs))))
  })
)
