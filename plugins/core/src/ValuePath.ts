/**
 * Dotted paths into JSON values (`a.b.0.c`): reading and copy-on-write setting, shared by GetPath/SetPath and
 * by the list blocks' `key` inputs. Paths come from graph authors, so keys that would reach an object's
 * prototype are refused rather than followed.
 */
import { BlockError } from "@weft/block-sdk"
import { Effect } from "effect"
import { isPlainObject } from "./JsonValues.ts"

const forbidden: ReadonlySet<string> = new Set(["__proto__", "prototype", "constructor"])

const isContainer = (u: unknown): u is Record<string, unknown> | Array<unknown> => typeof u === "object" && u !== null

/** The keys of a dotted path; empty segments are ignored, so `""` is the value itself. */
export const segments = (path: string): Array<string> => path.split(".").filter((s) => s !== "")

/** The path's keys, or a BlockError when one of them names a prototype key. */
export const parsePath = (path: string): Effect.Effect<Array<string>, BlockError> =>
  segments(path).some((s) => forbidden.has(s))
    ? Effect.fail(new BlockError({ message: `Path "${path}" names a forbidden key`, retryable: false }))
    : Effect.succeed(segments(path))

/** The value at `path` (own properties only), or `undefined` when a step is missing. */
export const getAt = (value: unknown, path: ReadonlyArray<string>): unknown => {
  let current = value
  for (const key of path) {
    if (!isContainer(current) || !Object.hasOwn(current, key)) return undefined
    current = Array.isArray(current) ? current[Number(key)] : current[key]
  }
  return current
}

/** A copy of `value` with the value at `path` replaced; objects are created where the path leads nowhere. */
export const setAt = (value: unknown, path: ReadonlyArray<string>, replacement: unknown): unknown => {
  const [head, ...rest] = path
  if (head === undefined) return replacement
  if (Array.isArray(value) && /^\d+$/.test(head)) {
    const copy: Array<unknown> = [...value]
    copy[Number(head)] = setAt(value[Number(head)], rest, replacement)
    return copy
  }
  const base: Record<string, unknown> = isPlainObject(value) ? { ...value } : {}
  base[head] = setAt(base[head], rest, replacement)
  return base
}
