/**
 * One sandbox process: a Node child under the permission model (see `SandboxLaunch`) that has loaded one plugin
 * version and runs one block execution at a time. The host enforces what the permission model cannot: the time
 * limit (kill), the network allow-list (it performs the plugin's `fetch`), and it turns every way the process
 * can die (killed, out of memory, `process.exit`, an async throw) into a clear `BlockError` for the node.
 */
import { BlockError } from "@weft/block-sdk"
import { Effect, Exit, Queue, Schema, Stream } from "effect"
import * as NodeChild from "node:child_process"
import * as NodeFsSync from "node:fs"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { type ExecutionContext, type HostMessage, SandboxMessage } from "./internal/SandboxProtocol.ts"
import { proxyFetch } from "./NetPolicy.ts"
import { importAnchors, nodeFlags, sandboxEntry, sandboxEnv, unprivilegedUser } from "./SandboxLaunch.ts"

export class SandboxError extends Schema.TaggedError<SandboxError>()("SandboxError", {
  reason: Schema.Literals(["Spawn", "Load"]),
  message: Schema.String
}) {}

export interface SandboxPlugin {
  /** The unpacked package folder; the only plugin files the sandbox may read. */
  readonly directory: string
  /** Absolute paths of the modules that export the blocks. */
  readonly entries: ReadonlyArray<string>
  /** Hosts its `fetch` may reach (the manifest's `permissions.net`). */
  readonly net: ReadonlyArray<string>
}

export interface SandboxLimits {
  /** Wall-clock limit of one execution; the process is killed and replaced when it is exceeded. */
  readonly timeLimitMs: number
  readonly maxOldSpaceMb: number
  /** Run as this user; defaults to `nobody` when the host is root, else the host's own user. */
  readonly user?: { readonly uid: number; readonly gid: number }
}

export const defaultLimits: SandboxLimits = { timeLimitMs: 30_000, maxOldSpaceMb: 128 }

export interface ExecuteRequest {
  readonly blockId: string
  readonly input: unknown
  readonly context: ExecutionContext
  /** Plain values of the credentials this node was given, by the names the block declared. */
  readonly credentials: Readonly<Record<string, string>>
  /** Overrides `SandboxLimits.timeLimitMs` for this execution (the block's own timeout). */
  readonly timeLimitMs?: number
}

export interface PinValue {
  readonly pin: string
  readonly value: unknown
}

export interface SandboxProcess {
  readonly pid: number
  /** What `describeBlock` said of each block the plugin exports (checked by `PluginDescriptor`). */
  readonly descriptors: ReadonlyArray<unknown>
  readonly isAlive: () => boolean
  /** Runs a block; the caller must not start another execution before this stream ends. */
  readonly execute: (request: ExecuteRequest) => Stream.Stream<PinValue, BlockError>
}

/** What happened to the process, as the node's error message says it. */
const deathMessage = (code: number | null, signal: NodeJS.Signals | null, stderr: string, maxOldSpaceMb: number) => {
  if (/heap out of memory|Reached heap limit/i.test(stderr))
    return `Plugin ran out of memory (limit ${maxOldSpaceMb} MB)`
  return signal === null ? `Plugin process exited with code ${code}` : `Plugin process was killed by ${signal}`
}

type InboxMessage = SandboxMessage | { readonly _tag: "Exited"; readonly message: string }
type Inbox = Queue.Queue<InboxMessage>

/** Starts a sandbox process for `plugin` and loads it; the scope's end kills it and removes its temp folder. */
export const spawnSandbox = Effect.fn("Sandbox.spawn")(function* (
  plugin: SandboxPlugin,
  limits: SandboxLimits = defaultLimits
) {
  const isRoot = process.getuid?.() === 0
  const user = limits.user ?? (isRoot ? unprivilegedUser : undefined)
  const tempRoot = yield* Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        const dir = await NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-sandbox-"))
        if (user !== undefined) await NodeFs.chown(dir, user.uid, user.gid)
        return dir
      },
      catch: (cause) =>
        new SandboxError({ reason: "Spawn", message: `cannot create the sandbox temp folder: ${String(cause)}` })
    }),
    (dir) => Effect.promise(() => NodeFs.rm(dir, { recursive: true, force: true }))
  )
  const execDir = NodePath.join(tempRoot, "exec")
  // Emptied after each execution; checked synchronously first (two tiny readdirs), since most blocks write nothing.
  const resetExecDir = Effect.suspend(() => {
    const entries = NodeFsSync.readdirSync(tempRoot)
    if (entries.length === 1 && entries[0] === "exec" && NodeFsSync.readdirSync(execDir).length === 0)
      return Effect.void
    return Effect.promise(async () => {
      for (const entry of entries) await NodeFs.rm(NodePath.join(tempRoot, entry), { recursive: true, force: true })
      await NodeFs.mkdir(execDir)
      if (user !== undefined) await NodeFs.chown(execDir, user.uid, user.gid)
    })
  })
  yield* resetExecDir

  const child = yield* Effect.acquireRelease(
    Effect.try({
      try: () =>
        NodeChild.fork(sandboxEntry, [...importAnchors()], {
          execPath: process.execPath,
          execArgv: [
            ...nodeFlags({ pluginDirectory: plugin.directory, tempRoot, maxOldSpaceMb: limits.maxOldSpaceMb })
          ],
          env: sandboxEnv(execDir),
          cwd: tempRoot,
          stdio: ["ignore", "ignore", "pipe", "ipc"],
          serialization: "json",
          ...(user === undefined ? {} : { uid: user.uid, gid: user.gid })
        }),
      catch: (cause) => new SandboxError({ reason: "Spawn", message: `cannot start the sandbox: ${String(cause)}` })
    }),
    (child) =>
      Effect.sync(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
      })
  )

  let stderr = ""
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-8192)
  })

  // Every message and the exit go to the current inbox: the loader's first, then each execution's.
  let inbox: Inbox = yield* Queue.unbounded<InboxMessage>()
  let crash: string | undefined
  let killReason: string | undefined
  let alive = true
  child.on("message", (raw: unknown) => {
    const decoded = Schema.decodeUnknownExit(SandboxMessage)(raw)
    if (Exit.isFailure(decoded)) {
      killReason = "Plugin sent a malformed message to the host"
      child.kill("SIGKILL")
      return
    }
    if (decoded.value._tag === "Crashed") crash = decoded.value.message
    Queue.offerUnsafe(inbox, decoded.value)
  })
  child.on("exit", (code, signal) => {
    alive = false
    const message = killReason ?? crash ?? deathMessage(code, signal, stderr, limits.maxOldSpaceMb)
    Queue.offerUnsafe(inbox, { _tag: "Exited", message })
  })
  child.on("error", () => {
    // 'exit' follows (or the spawn failed, which the loader sees as an early exit).
  })
  const post = (message: HostMessage): void => {
    if (alive && child.connected) child.send(message)
  }

  post({ _tag: "Load", entries: plugin.entries })
  const descriptors = yield* awaitLoaded(inbox, () => stderr)

  const execute = (request: ExecuteRequest): Stream.Stream<PinValue, BlockError> =>
    Stream.callback<PinValue, BlockError>((output) =>
      Effect.gen(function* () {
        const id = nextExecution++
        inbox = yield* Queue.unbounded<InboxMessage>()
        const current = inbox
        if (!alive) return yield* new BlockError({ message: "Plugin process is not running", retryable: true })
        const timeLimitMs = request.timeLimitMs ?? limits.timeLimitMs
        yield* Effect.addFinalizer(() => (alive ? resetExecDir : Effect.void))
        yield* Effect.forkScoped(
          Effect.sleep(timeLimitMs).pipe(
            Effect.andThen(
              Effect.sync(() => {
                killReason = `Block exceeded its time limit of ${timeLimitMs} ms; the plugin process was killed`
                child.kill("SIGKILL")
              })
            )
          )
        )
        post({
          _tag: "Execute",
          id,
          blockId: request.blockId,
          input: request.input,
          context: request.context,
          credentials: { ...request.credentials },
          tmpDir: execDir
        })
        while (true) {
          const message = yield* Queue.take(current)
          switch (message._tag) {
            case "Yielded":
              if (message.id === id) yield* Queue.offer(output, { pin: message.pin, value: message.value })
              break
            case "Done":
              if (message.id === id) return yield* Queue.end(output)
              break
            case "Failed":
              if (message.id === id) {
                return yield* Queue.fail(
                  output,
                  new BlockError({ message: message.message, retryable: message.retryable })
                )
              }
              break
            case "Log":
              yield* Effect.logInfo(message.message).pipe(
                Effect.annotateLogs({ ...message.fields, plugin: plugin.directory })
              )
              break
            case "Fetch":
              yield* Effect.forkScoped(
                proxyFetch({ allowed: plugin.net }, message).pipe(
                  Effect.match({
                    onFailure: (denied) =>
                      post({ _tag: "FetchRefused", requestId: message.requestId, message: denied.message }),
                    onSuccess: (response) => post({ _tag: "FetchResult", requestId: message.requestId, ...response })
                  })
                )
              )
              break
            case "Exited":
              return yield* Queue.fail(output, new BlockError({ message: message.message, retryable: false }))
            case "Crashed":
            case "Loaded":
            case "LoadFailed":
              break
          }
        }
      })
    )

  const sandbox: SandboxProcess = {
    pid: child.pid ?? -1,
    descriptors,
    isAlive: () => alive,
    execute
  }
  return sandbox
})

let nextExecution = 0

const awaitLoaded = Effect.fnUntraced(function* (inbox: Inbox, stderr: () => string) {
  while (true) {
    const message = yield* Queue.take(inbox)
    switch (message._tag) {
      case "Loaded":
        return message.blocks
      case "LoadFailed":
        return yield* new SandboxError({ reason: "Load", message: `Plugin failed to load: ${message.message}` })
      case "Exited": {
        const detail = stderr().trim().slice(-500)
        return yield* new SandboxError({
          reason: "Load",
          message: `${message.message} while loading${detail === "" ? "" : `: ${detail}`}`
        })
      }
      default:
        break
    }
  }
})
