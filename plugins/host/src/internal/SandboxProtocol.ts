/**
 * The messages between the plugin host and a sandbox process (over Node's IPC channel, JSON serialised). Both
 * ends decode what they receive with these schemas: the sandbox runs untrusted code, so the host treats every
 * message from it as hostile input, and a message that does not decode ends the process.
 */
import { Schema } from "effect"

/** The engine-side facts a block sees in its `BlockContext` (credentials travel separately, as plain values). */
export const ExecutionContext = Schema.Struct({
  executionId: Schema.String,
  nodeExecutionId: Schema.String,
  nodeId: Schema.String,
  attempt: Schema.Number,
  idempotencyKey: Schema.String
})
export type ExecutionContext = typeof ExecutionContext.Type

const Headers = Schema.Array(Schema.Tuple([Schema.String, Schema.String]))

// Host → sandbox

export const Load = Schema.TaggedStruct("Load", { entries: Schema.Array(Schema.String) })

export const Execute = Schema.TaggedStruct("Execute", {
  id: Schema.Number,
  blockId: Schema.String,
  input: Schema.Unknown,
  context: ExecutionContext,
  credentials: Schema.Record(Schema.String, Schema.String),
  tmpDir: Schema.String
})

/** The host's answer to a proxied `fetch`: the response, body base64-encoded, or why it was refused. */
export const FetchResult = Schema.TaggedStruct("FetchResult", {
  requestId: Schema.Number,
  status: Schema.Number,
  statusText: Schema.String,
  headers: Headers,
  body: Schema.String
})

export const FetchRefused = Schema.TaggedStruct("FetchRefused", { requestId: Schema.Number, message: Schema.String })

export const HostMessage = Schema.Union([Load, Execute, FetchResult, FetchRefused])
export type HostMessage = typeof HostMessage.Type

// Sandbox → host

/** The plugin's blocks as `describeBlock` renders them; the host checks their shape in `PluginDescriptor`. */
export const Loaded = Schema.TaggedStruct("Loaded", { blocks: Schema.Array(Schema.Unknown) })
export const LoadFailed = Schema.TaggedStruct("LoadFailed", { message: Schema.String })

export const Yielded = Schema.TaggedStruct("Yielded", { id: Schema.Number, pin: Schema.String, value: Schema.Unknown })
export const Done = Schema.TaggedStruct("Done", { id: Schema.Number })
export const Failed = Schema.TaggedStruct("Failed", {
  id: Schema.Number,
  message: Schema.String,
  retryable: Schema.Boolean
})
export const Log = Schema.TaggedStruct("Log", {
  id: Schema.Number,
  message: Schema.String,
  fields: Schema.Record(Schema.String, Schema.Unknown)
})
export const Fetch = Schema.TaggedStruct("Fetch", {
  id: Schema.Number,
  requestId: Schema.Number,
  url: Schema.String,
  method: Schema.String,
  headers: Headers,
  body: Schema.optionalKey(Schema.String)
})
/** An exception nothing caught (an async throw): the sandbox reports it and exits; the host replaces it. */
export const Crashed = Schema.TaggedStruct("Crashed", { message: Schema.String })

export const SandboxMessage = Schema.Union([Loaded, LoadFailed, Yielded, Done, Failed, Log, Fetch, Crashed])
export type SandboxMessage = typeof SandboxMessage.Type
