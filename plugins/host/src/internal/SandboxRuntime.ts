/**
 * The sandbox's message loop (loaded by `SandboxMain` once the import hooks are in place): it imports the
 * plugin's block modules and then runs one execution at a time as the host asks, checking each yield against
 * the block's output schema, and answers the plugin's `fetch` through the host.
 */
import { Cause, Effect, Exit, type Fiber, Redacted, Schema, Stream } from "effect"
import { pathToFileURL } from "node:url"
import { type AnyBlock, type BlockContext, describeBlock } from "@weft/block-sdk"
import { type ExecutionContext, HostMessage, type SandboxMessage } from "./SandboxProtocol.ts"

// Keep what this file needs, then take it away from the plugin. The permission model already forbids the
// dangerous parts (and the host drops to another uid when it can); this is defence in depth.
const channel = process
const send = (message: SandboxMessage): void => {
  channel.send?.(message)
}
const exit = process.exit.bind(process)
const forbidden = (name: string) => (): never => {
  throw new Error(`${name} is not available to a Weft plugin`)
}
process.kill = forbidden("process.kill")
process.exit = forbidden("process.exit")
process.abort = forbidden("process.abort")
process.chdir = forbidden("process.chdir")

const describe = (u: unknown): string => (u instanceof Error ? u.message : String(u))

process.on("uncaughtException", (error) => {
  send({ _tag: "Crashed", message: `Uncaught exception in plugin: ${describe(error)}` })
  exit(70)
})
process.on("unhandledRejection", (reason) => {
  send({ _tag: "Crashed", message: `Unhandled rejection in plugin: ${describe(reason)}` })
  exit(70)
})

// ---- fetch, proxied to the host -------------------------------------------------------------------------

let currentExecution = -1
let nextRequestId = 0
const pendingFetches = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void }>()
const nullBodyStatus = new Set([101, 103, 204, 205, 304])

const proxiedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init)
  const bytes = request.body === null ? undefined : Buffer.from(await request.arrayBuffer()).toString("base64")
  const requestId = nextRequestId++
  return new Promise<Response>((resolve, reject) => {
    pendingFetches.set(requestId, { resolve, reject })
    send({
      _tag: "Fetch",
      id: currentExecution,
      requestId,
      url: request.url,
      method: request.method,
      headers: [...request.headers],
      ...(bytes === undefined ? {} : { body: bytes })
    })
  })
}
globalThis.fetch = proxiedFetch

// ---- blocks ---------------------------------------------------------------------------------------------

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

const isBlock = (u: unknown): u is AnyBlock<never> =>
  isRecord(u) &&
  typeof u["id"] === "string" &&
  typeof u["run"] === "function" &&
  Schema.isSchema(u["inputSchema"]) &&
  isRecord(u["output"])

const blocks = new Map<string, AnyBlock<never>>()

const collect = (exported: unknown): void => {
  for (const value of Array.isArray(exported) ? exported : [exported]) {
    if (isBlock(value)) blocks.set(value.id, value)
  }
}

const load = Effect.fn("Sandbox.load")(function* (entries: ReadonlyArray<string>) {
  for (const entry of entries) {
    const module: Record<string, unknown> = yield* Effect.tryPromise(() => import(pathToFileURL(entry).href))
    for (const value of Object.values(module)) collect(value)
  }
  if (blocks.size === 0) return yield* Effect.fail(new Error("the plugin exports no blocks"))
  return [...blocks.values()].map(describeBlock)
})

/** The sandbox's own output check; the host checks again against the JSON Schema it was given. */
const outputMismatch = (block: AnyBlock<never>, pin: string, value: unknown): string | undefined => {
  if (pin === "error") return typeof value === "string" ? undefined : "the error pin carries a string"
  const field = block.output[pin]
  if (field === undefined) return block.dynamicOutput === true ? undefined : `block has no output pin "${pin}"`
  return Schema.is(field)(value) ? undefined : `value does not match the schema of output pin "${pin}"`
}

const blockContext = (id: number, context: ExecutionContext, credentials: Record<string, string>): BlockContext => ({
  ...context,
  credentials: Object.fromEntries(Object.entries(credentials).map(([name, value]) => [name, Redacted.make(value)])),
  log: (message, fields) => Effect.sync(() => send({ _tag: "Log", id, message, fields: { ...fields } }))
})

const execute = (message: typeof HostMessage.Type & { readonly _tag: "Execute" }) => {
  const { id } = message
  const block = blocks.get(message.blockId)
  if (block === undefined) {
    return Effect.sync(() =>
      send({ _tag: "Failed", id, message: `Unknown block "${message.blockId}"`, retryable: false })
    )
  }
  const run = Effect.gen(function* () {
    const input = yield* Schema.decodeUnknownEffect(block.inputSchema)(message.input)
    const ctx = blockContext(id, message.context, message.credentials)
    yield* Stream.runForEach(block.run(input as never, ctx), ({ pin, value }) => {
      const mismatch = outputMismatch(block, pin, value)
      return mismatch === undefined
        ? Effect.sync(() => send({ _tag: "Yielded", id, pin, value }))
        : Effect.die(new Error(`Block "${block.id}" yielded an invalid value: ${mismatch}`))
    })
  })
  return Effect.exit(run).pipe(Effect.flatMap((exit) => Effect.sync(() => report(exit))))
  function report(exit: Exit.Exit<void, unknown>): void {
    if (Exit.isSuccess(exit)) {
      send({ _tag: "Done", id })
      return
    }
    const failure = exit.cause.reasons.find(Cause.isFailReason)
    const error = failure?.error
    const retryable = isRecord(error) && error["_tag"] === "BlockError" ? error["retryable"] !== false : false
    const text = isRecord(error) && typeof error["message"] === "string" ? error["message"] : Cause.pretty(exit.cause)
    send({ _tag: "Failed", id, message: text, retryable })
  }
}

let running: Fiber.Fiber<void> | undefined

process.on("message", (raw: unknown) => {
  const decoded = Schema.decodeUnknownExit(HostMessage)(raw)
  if (Exit.isFailure(decoded)) return
  const message = decoded.value
  switch (message._tag) {
    case "Load":
      running = Effect.runFork(
        load(message.entries).pipe(
          Effect.match({
            onFailure: (error) => send({ _tag: "LoadFailed", message: describe(error.cause ?? error) }),
            onSuccess: (descriptors) => send({ _tag: "Loaded", blocks: descriptors })
          })
        )
      )
      return
    case "Execute":
      currentExecution = message.id
      process.env["TMPDIR"] = message.tmpDir
      running = Effect.runFork(execute(message))
      return
    case "FetchResult": {
      const pending = pendingFetches.get(message.requestId)
      pendingFetches.delete(message.requestId)
      const body = nullBodyStatus.has(message.status) ? null : Buffer.from(message.body, "base64")
      pending?.resolve(
        new Response(body, {
          status: message.status,
          statusText: message.statusText,
          headers: message.headers.map(([k, v]) => [k, v])
        })
      )
      return
    }
    case "FetchRefused": {
      const pending = pendingFetches.get(message.requestId)
      pendingFetches.delete(message.requestId)
      pending?.reject(new TypeError(`fetch refused: ${message.message}`))
      return
    }
  }
})

void running
