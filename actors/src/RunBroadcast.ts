/**
 * Fans a run's events out to every caller of `Start` for it, including late joiners: a subscriber first gets
 * everything emitted so far, then live events, then the end. Bounded by the run itself (one value per output).
 */
import { Cause, Effect, Queue, Stream } from "effect"
import type { RunEvent } from "./RunProtocol.ts"

export interface RunBroadcast {
  readonly emit: (event: RunEvent) => void
  readonly subscribe: Stream.Stream<RunEvent>
  readonly isFinished: () => boolean
  /** Ends every subscriber with a defect (the source of events went away before the run finished). */
  readonly abort: (reason: string) => void
}

export const makeRunBroadcast = (): RunBroadcast => {
  const log: Array<RunEvent> = []
  const subscribers = new Set<Queue.Queue<RunEvent, Cause.Done>>()
  let finished = false
  const emit = (event: RunEvent) => {
    if (finished) return
    log.push(event)
    if (event._tag === "Finished") finished = true
    for (const q of subscribers) {
      Queue.offerUnsafe(q, event)
      if (finished) Queue.endUnsafe(q)
    }
    if (finished) subscribers.clear()
  }
  const subscribe = Stream.unwrap(
    Effect.map(Queue.unbounded<RunEvent, Cause.Done>(), (q) => {
      // Copying the log and registering happen in one synchronous step, so no event falls in between.
      for (const e of log) Queue.offerUnsafe(q, e)
      if (finished) Queue.endUnsafe(q)
      else subscribers.add(q)
      return Stream.fromQueue(q).pipe(Stream.ensuring(Effect.sync(() => subscribers.delete(q))))
    })
  )
  const abort = (reason: string) => {
    if (finished) return
    finished = true
    for (const q of subscribers) Queue.failCauseUnsafe(q, Cause.die(new Error(reason)))
    subscribers.clear()
  }
  return { emit, subscribe, isFinished: () => finished, abort }
}
