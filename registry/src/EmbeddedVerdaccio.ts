/**
 * The embedded npm registry: Verdaccio 6 in this process, bound to 127.0.0.1, storage under
 * `<dataDir>/registry`, offline (no uplinks), audit off, no web UI and no self-registration: only users Weft
 * writes into its htpasswd file may log in, and so obtain a publish token (`RegistryTokens`).
 */
import { Effect, Schema } from "effect"
import * as NodeFs from "node:fs/promises"
import type * as NodeHttp from "node:http"
import type { AddressInfo } from "node:net"
import * as NodePath from "node:path"
import { type NotifyEndpoint, notifyConfig } from "./PublishNotifications.ts"

export class RegistryError extends Schema.TaggedError<RegistryError>()("RegistryError", {
  reason: Schema.Literals(["Start", "Request", "Auth"]),
  message: Schema.String
}) {}

/** The config file Verdaccio reads (YAML; JSON is YAML). Paths are relative to the file. */
const configFor = (options: { readonly maxBodyMb: number; readonly notify: NotifyEndpoint | undefined }) => ({
  storage: "./storage",
  auth: { htpasswd: { file: "./htpasswd", max_users: -1 } },
  uplinks: {},
  packages: {
    "@*/*": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
    "**": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" }
  },
  middlewares: { audit: { enabled: false } },
  web: { enable: false },
  log: { type: "stdout", format: "json", level: "error" },
  max_body_size: `${options.maxBodyMb}mb`,
  ...(options.notify === undefined ? {} : { notify: notifyConfig(options.notify) })
})

export interface EmbeddedRegistryOptions {
  /** Weft's data folder; the registry lives in `<dataDir>/registry`. */
  readonly dataDir: string
  /** 0 picks a free port. */
  readonly port?: number
  readonly maxBodyMb?: number
  /** Where Verdaccio posts each publish and unpublish (PublishNotifications). */
  readonly notify?: NotifyEndpoint
}

export interface RunningRegistry {
  readonly url: string
  /** Verdaccio's folder: config, htpasswd, storage. */
  readonly directory: string
}

/** Starts Verdaccio; the scope's end stops it. */
export const startEmbeddedRegistry = Effect.fn("EmbeddedVerdaccio.start")(function* (options: EmbeddedRegistryOptions) {
  const directory = NodePath.join(options.dataDir, "registry")
  const configPath = NodePath.join(directory, "config.yaml")
  yield* Effect.tryPromise({
    try: async () => {
      await NodeFs.mkdir(NodePath.join(directory, "storage"), { recursive: true })
      await NodeFs.writeFile(
        configPath,
        JSON.stringify(configFor({ maxBodyMb: options.maxBodyMb ?? 20, notify: options.notify }), null, 2),
        // It may hold the notify secret.
        { mode: 0o600 }
      )
      await NodeFs.appendFile(NodePath.join(directory, "htpasswd"), "")
    },
    catch: (cause) => new RegistryError({ reason: "Start", message: `cannot prepare ${directory}: ${String(cause)}` })
  })
  const server = yield* Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        // Loaded here, not at the top: processes that only use a registry (gateway, runner) never load Verdaccio.
        const { runServer } = await import("verdaccio")
        const app: NodeHttp.Server = await runServer(configPath)
        // Verdaccio's own CLI sets these from its config; embedded we must. Node's 5 s default closes idle
        // keep-alive sockets that npm's client may be about to reuse, which npm reports as an unexpected EOF.
        app.keepAliveTimeout = 60_000
        app.headersTimeout = 65_000
        await new Promise<void>((resolve, reject) => {
          app.once("error", reject)
          app.listen(options.port ?? 0, "127.0.0.1", () => resolve())
        })
        return app
      },
      catch: (cause) => new RegistryError({ reason: "Start", message: `Verdaccio did not start: ${String(cause)}` })
    }),
    (app) =>
      Effect.callback<void>((resume) => {
        app.closeAllConnections()
        app.close(() => resume(Effect.void))
      })
  )
  // `listen` bound a TCP address above, so `address()` is an AddressInfo (a boundary cast of Node's union type).
  const { port } = server.address() as AddressInfo
  const running: RunningRegistry = { url: `http://127.0.0.1:${port}`, directory }
  return running
})
