/**
 * Live run events for this gateway's WebSocket clients. One `LISTEN weft_events` connection per gateway
 * receives every batch any runner commits (RunEvents.ts in @weft/actors), decodes it and hands it to each
 * subscriber synchronously. Subscribers own their buffering (WebSocketRoute bounds it per client), so one slow
 * client can never hold up the others or this loop. If the LISTEN connection drops it is re-established.
 */
import { PgClient } from "@effect/sql-pg"
import { Context, Deferred, Effect, Layer, Option, Queue, Schedule, Schema, type Scope } from "effect"
import { eventsChannel, RunEventBatch, unpackPayload } from "@weft/actors"

const decodeBatch = Schema.decodeUnknownOption(RunEventBatch)

/** The batch in a NOTIFY payload, or undefined for anything else. */
export const parseBatch = (payload: string): RunEventBatch | undefined => {
  // Boundary with a throwing platform API: JSON.parse is the only way to parse JSON text.
  try {
    return Option.getOrUndefined(decodeBatch(JSON.parse(payload)))
  } catch {
    return undefined
  }
}

export type Subscriber = (batch: RunEventBatch) => void

export class EventHub extends Context.Service<
  EventHub,
  {
    /** Registers `subscriber` until the scope closes. */
    readonly subscribe: (subscriber: Subscriber) => Effect.Effect<void, never, Scope.Scope>
  }
>()("@weft/gateway/EventHub") {
  static readonly layer = Layer.effect(
    EventHub,
    Effect.gen(function* () {
      const pg = yield* PgClient.PgClient
      const subscribers = new Set<Subscriber>()
      const dispatch = (payload: string) => {
        // Every commit of every runner arrives here: with no WebSocket client, skip the parse and decode.
        if (subscribers.size === 0) return
        for (const line of unpackPayload(payload)) {
          const batch = parseBatch(line)
          if (batch === undefined) continue
          for (const subscriber of subscribers) subscriber(batch)
        }
      }
      const listening = yield* Deferred.make<void>()
      const listen = Effect.scoped(
        Effect.gen(function* () {
          const queue = yield* pg.listen(eventsChannel)
          yield* Deferred.succeed(listening, undefined)
          return yield* Effect.forever(Effect.map(Queue.take(queue), (n) => dispatch(n.payload)))
        })
      )
      yield* listen.pipe(
        Effect.tapCause((cause) => Effect.logWarning("event hub: LISTEN failed; reconnecting", cause)),
        Effect.retry(Schedule.spaced("1 second")),
        Effect.forkScoped
      )
      // Events committed after the gateway is up must reach its clients: wait for the first LISTEN.
      yield* Deferred.await(listening).pipe(Effect.timeout("10 seconds"), Effect.ignore)
      const subscribe = (subscriber: Subscriber) =>
        Effect.acquireRelease(
          Effect.sync(() => subscribers.add(subscriber)),
          () => Effect.sync(() => subscribers.delete(subscriber))
        ).pipe(Effect.asVoid)
      return EventHub.of({ subscribe })
    })
  )
}
