/**
 * The NOTIFY payloads of `weft_events` as this gateway decodes them. The writer's schema lives in @weft/actors
 * (RunEvents.ts) but is not exported from its entry point; this copy decodes the same JSON at the edge of the
 * gateway (decoding would fail loudly in tests if the two drifted). Replace with the actors export once it exists.
 */
import { Schema } from "effect"
import { ExecutionStatus } from "@weft/runtime"

export const eventsChannel = "weft_events"

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

export const RunEventBatch = Schema.Struct({
  executionId: Schema.String,
  graphId: Schema.String,
  userId: Schema.String,
  events: Schema.Array(RunEventWire)
})
export type RunEventBatch = typeof RunEventBatch.Type

const decodeJson = Schema.decodeUnknownOption(RunEventBatch)

/** The batch in a NOTIFY payload, or undefined for anything else. */
export const parseBatch = (payload: string): RunEventBatch | undefined => {
  // Boundary with a throwing platform API: JSON.parse is the only way to parse JSON text.
  try {
    const decoded = decodeJson(JSON.parse(payload))
    return decoded._tag === "Some" ? decoded.value : undefined
  } catch {
    return undefined
  }
}
