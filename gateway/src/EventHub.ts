/**
 * Live run events for this gateway's WebSocket clients. While at least one client is connected, one
 * `LISTEN weft_events` connection receives every batch any runner commits (RunEvents.ts in @weft/actors), decodes it
 * and hands it to each subscriber synchronously. Subscribers own their buffering (WebSocketRoute bounds it per
 * client), so one slow client can never hold up the others or this loop. If the LISTEN connection drops it is
 * re-established.
 *
 * Nobody connected, nobody listening: every commit's NOTIFY otherwise wakes PostgreSQL's backend of each gateway
 * and the gateway itself, for events nobody reads (measured with two gateways and runs arriving one at a time:
 * PostgreSQL 0.84–1.03 ms of CPU per run listening against 0.66–0.71 not, gateways 1.5–1.9 against 1.2–1.4 ms).
 * The first subscriber waits for LISTEN to be confirmed, so events committed after `subscribe` returns reach it; the
 * LISTEN ends `lingerAfterLast` after the last one left, so clients that come and go do not churn connections.
 */
import { PgClient } from "@effect/sql-pg"
import {
  Context,
  Deferred,
  type Duration,
  Effect,
  Fiber,
  Layer,
  Option,
  Queue,
  Schedule,
  Schema,
  type Scope
} from "effect"
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

interface Listener {
  /** Completed once PostgreSQL confirmed the LISTEN. */
  readonly listening: Deferred.Deferred<void>
  fiber?: Fiber.Fiber<unknown, unknown>
}

export class EventHub extends Context.Service<
  EventHub,
  {
    /** Registers `subscriber` until the scope closes. */
    readonly subscribe: (subscriber: Subscriber) => Effect.Effect<void, never, Scope.Scope>
  }
>()("@weft/gateway/EventHub") {
  /** The hub; its LISTEN outlives the last subscriber by `lingerAfterLast` (30 seconds unless told). */
  static readonly layerWith = (options: { readonly lingerAfterLast?: Duration.Input } = {}) =>
    Layer.effect(
      EventHub,
      Effect.gen(function* () {
        const lingerAfterLast = options.lingerAfterLast ?? "30 seconds"
        const pg = yield* PgClient.PgClient
        const hubScope = yield* Effect.scope
        const subscribers = new Set<Subscriber>()
        const dispatch = (payload: string) => {
          if (subscribers.size === 0) return
          for (const line of unpackPayload(payload)) {
            const batch = parseBatch(line)
            if (batch === undefined) continue
            for (const subscriber of subscribers) subscriber(batch)
          }
        }
        const listen = (listening: Deferred.Deferred<void>) =>
          Effect.scoped(
            Effect.gen(function* () {
              const queue = yield* pg.listen(eventsChannel)
              yield* Deferred.succeed(listening, undefined)
              return yield* Effect.forever(Effect.map(Queue.take(queue), (n) => dispatch(n.payload)))
            })
          ).pipe(
            Effect.tapCause((cause) => Effect.logWarning("event hub: LISTEN failed; reconnecting", cause)),
            Effect.retry(Schedule.spaced("1 second"))
          )

        /** The LISTEN while there are subscribers (or for `lingerAfterLast` after the last); set synchronously. */
        let listener: Listener | undefined
        const ensureListening = Effect.suspend(() => {
          if (listener !== undefined) return Effect.succeed(listener.listening)
          const started: Listener = { listening: Deferred.makeUnsafe<void>() }
          listener = started
          return Effect.forkIn(listen(started.listening), hubScope).pipe(
            Effect.map((fiber) => {
              started.fiber = fiber
              return started.listening
            })
          )
        })
        const stopIfUnused = Effect.suspend(() => {
          const current = listener
          if (subscribers.size > 0 || current?.fiber === undefined) return Effect.void
          listener = undefined
          return Fiber.interrupt(current.fiber)
        })

        const subscribe = (subscriber: Subscriber) =>
          Effect.acquireRelease(
            Effect.gen(function* () {
              subscribers.add(subscriber)
              const listening = yield* ensureListening
              yield* Deferred.await(listening).pipe(Effect.timeout("10 seconds"), Effect.ignore)
            }),
            () =>
              Effect.suspend(() => {
                subscribers.delete(subscriber)
                return subscribers.size > 0
                  ? Effect.void
                  : Effect.forkIn(Effect.andThen(Effect.sleep(lingerAfterLast), stopIfUnused), hubScope)
              })
          ).pipe(Effect.asVoid)
        return EventHub.of({ subscribe })
      })
    )

  static readonly layer = EventHub.layerWith()
}
