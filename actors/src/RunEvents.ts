/**
 * Live run events for watchers in any process (the gateway's WebSocket): the driver attaches them to the rows
 * they describe and the writer NOTIFYs them inside the same transaction, so PostgreSQL delivers them exactly
 * when (and only if) those rows commit, to every process LISTENing on `weft_events`, whichever runner ran them.
 * Payloads stay under PostgreSQL's 8000-byte NOTIFY limit: a large output value is left out (`truncated`) and is
 * read from the store by its node execution id and sequence number. One NOTIFY carries several batches (of any
 * runs of the commit), one JSON text per line: each notification costs PostgreSQL and every listener a delivery.
 */
import { Schema } from "effect"
import { ExecutionStatus } from "@weft/runtime"

export const eventsChannel = "weft_events"

/** Output values above this many characters of JSON are not carried in the event. */
export const maxInlineValue = 2000

export const RunEventWire = Schema.Union([
  Schema.TaggedStruct("graph", { status: ExecutionStatus }),
  Schema.TaggedStruct("node", {
    id: Schema.String,
    node: Schema.String,
    status: ExecutionStatus,
    error: Schema.optionalKey(Schema.String)
  }),
  Schema.TaggedStruct("output", {
    id: Schema.String,
    node: Schema.String,
    pin: Schema.String,
    seq: Schema.Int,
    value: Schema.optionalKey(Schema.Unknown),
    truncated: Schema.optionalKey(Schema.Boolean)
  })
])
export type RunEventWire = typeof RunEventWire.Type

/** One NOTIFY payload: the events of one run from one commit, in order. */
export const RunEventBatch = Schema.Struct({
  executionId: Schema.String,
  graphId: Schema.String,
  userId: Schema.String,
  events: Schema.Array(RunEventWire)
})
export type RunEventBatch = typeof RunEventBatch.Type

const budget = 7000

/** Splits a run's events into NOTIFY payloads that each fit PostgreSQL's limit. */
export const encodeBatches = (
  head: Omit<RunEventBatch, "events">,
  events: ReadonlyArray<RunEventWire>
): Array<string> => {
  const payloads: Array<string> = []
  let current: Array<string> = []
  let size = 0
  const prefix = JSON.stringify(head).slice(0, -1)
  const flush = () => {
    if (current.length > 0) payloads.push(`${prefix},"events":[${current.join(",")}]}`)
    current = []
    size = prefix.length + 12
  }
  flush()
  for (const event of events) {
    let text = JSON.stringify(event)
    if (event._tag === "output" && text.length > maxInlineValue) {
      const { value: _value, ...rest } = event
      text = JSON.stringify({ ...rest, truncated: true })
    }
    if (size + text.length + 1 > budget) flush()
    current.push(text)
    size += text.length + 1
  }
  flush()
  return payloads
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const notifyLimit = 7900

/** Packs batch payloads into as few NOTIFY payloads as fit, one batch per line (JSON text has no raw newline). */
export const packPayloads = (payloads: ReadonlyArray<string>): Array<string> => {
  const packed: Array<string> = []
  let current = ""
  let bytes = 0
  for (const payload of payloads) {
    const size = Buffer.byteLength(payload)
    if (current !== "" && bytes + 1 + size > notifyLimit) {
      packed.push(current)
      current = ""
      bytes = 0
    }
    current = current === "" ? payload : `${current}\n${payload}`
    bytes += (bytes === 0 ? 0 : 1) + size
  }
  if (current !== "") packed.push(current)
  return packed
}

/** The batch payloads one NOTIFY carried. */
export const unpackPayload = (payload: string): Array<string> => payload.split("\n")
