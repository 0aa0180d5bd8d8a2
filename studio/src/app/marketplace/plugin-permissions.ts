/**
 * Reads the permissions a plugin version asks for (its manifest's `weft.permissions`: hosts it may fetch,
 * environment variables, file access) from the marketplace's untyped field, and words them for a person
 * deciding whether to install it. Anything unreadable is reported as such rather than hidden.
 */

export interface PluginPermissions {
  /** Hosts its `fetch` may reach: `api.example.com`, `*.example.com`, or `*` for any host. */
  readonly net: ReadonlyArray<string>
  readonly env: ReadonlyArray<string>
  readonly fs: string
  /** False when the field did not have the manifest's shape. */
  readonly readable: boolean
}

const strings = (value: unknown): ReadonlyArray<string> | null =>
  Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null

export const readPermissions = (value: unknown): PluginPermissions => {
  if (typeof value !== "object" || value === null) return { net: [], env: [], fs: "none", readable: value == null }
  const net = "net" in value ? strings(value.net) : []
  const env = "env" in value ? strings(value.env) : []
  const fs = "fs" in value ? value.fs : "none"
  return {
    net: net ?? [],
    env: env ?? [],
    fs: typeof fs === "string" ? fs : "unknown",
    readable: net !== null && env !== null && typeof fs === "string"
  }
}

/** One sentence per permission, the broad ones first. */
export const describePermissions = (permissions: PluginPermissions): ReadonlyArray<string> => {
  const lines: Array<string> = []
  if (!permissions.readable) lines.push("The permissions of this version could not be read: treat it with care.")
  if (permissions.net.includes("*")) lines.push("Network: may reach any host.")
  else if (permissions.net.length > 0) lines.push(`Network: may reach ${permissions.net.join(", ")}.`)
  else lines.push("Network: none.")
  lines.push(permissions.env.length > 0 ? `Environment: may read ${permissions.env.join(", ")}.` : "Environment: none.")
  lines.push(permissions.fs === "none" ? "Files: none outside its own folder." : `Files: ${permissions.fs}.`)
  return lines
}
