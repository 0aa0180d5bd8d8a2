/**
 * Reads an npm package tarball (gzip'd tar) into memory, refusing anything a plugin package must not contain:
 * links (symbolic or hard), devices, absolute paths, `..` segments, and archives larger than a limit (packed or
 * unpacked). Only regular files and directories pass; pax headers are read for long paths. npm's own tarballs
 * put everything under `package/`, which is stripped.
 */
import { Effect, Schema } from "effect"
import * as NodeZlib from "node:zlib"

export class TarballRejected extends Schema.TaggedError<TarballRejected>()("TarballRejected", {
  message: Schema.String
}) {}

export interface TarEntry {
  /** Relative to the package root, forward slashes. */
  readonly path: string
  readonly content: Uint8Array
}

export interface TarballLimits {
  readonly maxPackedBytes: number
  readonly maxUnpackedBytes: number
  readonly maxEntries: number
}

export const defaultTarballLimits: TarballLimits = {
  maxPackedBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000
}

const text = (block: Uint8Array, start: number, length: number): string => {
  const slice = block.subarray(start, start + length)
  const end = slice.indexOf(0)
  return Buffer.from(end === -1 ? slice : slice.subarray(0, end)).toString("utf8")
}

const octal = (block: Uint8Array, start: number, length: number): number =>
  Number.parseInt(text(block, start, length).trim() || "0", 8)

/** `path` records of a pax extended header (`"<len> path=<value>\n"`). */
const paxPath = (data: Uint8Array): string | undefined => {
  for (const record of Buffer.from(data).toString("utf8").split("\n")) {
    const match = /^\d+ path=(.*)$/.exec(record)
    if (match?.[1] !== undefined) return match[1]
  }
  return undefined
}

/** The path inside the package, or a reason to reject it. */
const safePath = (raw: string): string | { readonly reject: string } => {
  if (raw.startsWith("/") || /^[a-zA-Z]:/.test(raw) || raw.includes("\\"))
    return { reject: `absolute or non-POSIX path "${raw}"` }
  const segments = raw.split("/").filter((s) => s !== "" && s !== ".")
  if (segments.includes("..")) return { reject: `path escapes the package: "${raw}"` }
  // npm packs everything under one top folder (`package/`); strip it.
  return segments.slice(1).join("/")
}

const parse = (tar: Uint8Array, limits: TarballLimits): ReadonlyArray<TarEntry> | { readonly reject: string } => {
  const entries: Array<TarEntry> = []
  let offset = 0
  let unpacked = 0
  let pendingPath: string | undefined
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every((byte) => byte === 0)) break
    const size = octal(header, 124, 12)
    const type = String.fromCharCode(header[156] ?? 0)
    const dataStart = offset + 512
    const data = tar.subarray(dataStart, dataStart + size)
    if (data.length !== size) return { reject: "truncated archive" }
    offset = dataStart + Math.ceil(size / 512) * 512
    if (type === "x") {
      pendingPath = paxPath(data)
      continue
    }
    if (type === "g") continue
    const prefix = text(header, 345, 155)
    const name = pendingPath ?? (prefix === "" ? text(header, 0, 100) : `${prefix}/${text(header, 0, 100)}`)
    pendingPath = undefined
    if (type === "5") {
      const dir = safePath(name)
      if (typeof dir !== "string") return dir
      continue
    }
    if (type !== "0" && type !== "\0" && type !== "7") {
      return {
        reject: `entry "${name}" is not a regular file (type ${JSON.stringify(type)}: links and devices are refused)`
      }
    }
    const path = safePath(name)
    if (typeof path !== "string") return path
    if (path === "") return { reject: `entry "${name}" has no path inside the package` }
    unpacked += size
    if (unpacked > limits.maxUnpackedBytes) return { reject: `unpacks to more than ${limits.maxUnpackedBytes} bytes` }
    if (entries.length >= limits.maxEntries) return { reject: `more than ${limits.maxEntries} entries` }
    entries.push({ path, content: data })
  }
  return entries
}

/** Gunzips and checks `tarball`; fails with `TarballRejected` naming the first offence. */
export const readTarball = Effect.fn("TarballReader.read")(function* (
  tarball: Uint8Array,
  limits: TarballLimits = defaultTarballLimits
) {
  if (tarball.length > limits.maxPackedBytes) {
    return yield* new TarballRejected({ message: `tarball larger than ${limits.maxPackedBytes} bytes` })
  }
  const tar = yield* Effect.try({
    try: () => NodeZlib.gunzipSync(tarball, { maxOutputLength: limits.maxUnpackedBytes + 1024 * 1024 }),
    catch: (cause) => new TarballRejected({ message: `not a gzip'd tarball or too large: ${String(cause)}` })
  })
  const result = parse(tar, limits)
  if ("reject" in result) return yield* new TarballRejected({ message: result.reject })
  return result
})
