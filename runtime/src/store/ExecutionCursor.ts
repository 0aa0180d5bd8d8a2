/**
 * The opaque cursor of execution listings: the last row's (created_at, id). created_at is carried as integer
 * microseconds since the epoch, because a JavaScript Date keeps only milliseconds and PostgreSQL's now() has
 * microseconds: a millisecond cursor would return the boundary row again.
 */
import { Effect, Schema } from "effect"

export class InvalidCursor extends Schema.TaggedError<InvalidCursor>()("InvalidCursor", {
  cursor: Schema.String
}) {}

export interface CursorPosition {
  /** Microseconds since the epoch, as a decimal string (passed to SQL as bigint). */
  readonly micros: string
  readonly id: string
}

export const ExecutionCursor = {
  encode: (micros: bigint, id: string): string => Buffer.from(`${micros}:${id}`, "utf8").toString("base64url"),

  decode: (cursor: string): Effect.Effect<CursorPosition, InvalidCursor> => {
    const text = Buffer.from(cursor, "base64url").toString("utf8")
    const match = /^(-?\d{1,19}):(.+)$/s.exec(text)
    const micros = match?.[1]
    const id = match?.[2]
    return micros === undefined || id === undefined
      ? Effect.fail(new InvalidCursor({ cursor }))
      : Effect.succeed({ micros, id })
  }
}
