/**
 * Dynamic pins (semantics.md "Dynamic pins"): a pin name may address a part of a structured value.
 * `a_$_2` is element 2 of list `a`, `a_#_key` is key `key` of object `a`, `a_@_attr` is attribute `attr` of
 * object `a`, and they nest (`items_$_0_#_id`). On the source side a link selects a part of a yielded value; on
 * the sink side values for the parts are assembled into the whole.
 *
 * Nothing here mutates a value it was given: yielded values are shared by every execution they reach, and
 * `inputDefault` belongs to the graph.
 */

export type PinSegmentKind = "list" | "dict" | "attr"

export interface PinSegment {
  readonly kind: PinSegmentKind
  readonly key: string
}

export interface PinName {
  /** The pin the block declares (`a` for `a_$_2`). */
  readonly base: string
  /** Empty for a plain pin. */
  readonly path: ReadonlyArray<PinSegment>
}

const delimiter = /_([$#@])_/g

const kindOf = (marker: string): PinSegmentKind => (marker === "$" ? "list" : marker === "#" ? "dict" : "attr")

/** Splits a pin name at its `_$_`, `_#_` and `_@_` delimiters. A plain name yields an empty path. */
export const parsePin = (name: string): PinName => {
  const path: Array<PinSegment> = []
  let base: string | undefined
  let kind: PinSegmentKind | undefined
  let start = 0
  for (const match of name.matchAll(delimiter)) {
    const part = name.slice(start, match.index)
    if (kind === undefined) base = part
    else path.push({ kind, key: part })
    kind = kindOf(match[1] ?? "@")
    start = match.index + match[0].length
  }
  const rest = name.slice(start)
  if (kind === undefined) return { base: name, path }
  path.push({ kind, key: rest })
  return { base: base ?? "", path }
}

const isListIndex = (key: string): boolean => /^(0|[1-9][0-9]{0,8})$/.test(key)

/**
 * Why a pin name cannot be used, or undefined when it can: an empty base or key, or a list index that is not a
 * non-negative integer. Graph validation reports these on save; the engine fails a sink execution that has one.
 */
export const pinNameError = (name: string): string | undefined => {
  const { base, path } = parsePin(name)
  if (base === "") return `pin "${name}" has an empty base name`
  for (const segment of path) {
    if (segment.key === "") return `pin "${name}" has an empty ${segment.kind} key`
    if (segment.kind === "list" && !isListIndex(segment.key))
      return `pin "${name}": list index "${segment.key}" is not a non-negative integer`
  }
  return undefined
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * The part of `value` that `path` addresses, or undefined when it is missing (not a list / object there, index
 * out of range, key absent). The engine routes nothing over a link whose selection is missing: a link on
 * `result_#_name` forwards `name` when the yielded object has it and stays silent otherwise.
 */
export const selectPath = (value: unknown, path: ReadonlyArray<PinSegment>): unknown => {
  let current = value
  for (const segment of path) {
    if (segment.kind === "list") {
      if (!Array.isArray(current) || !isListIndex(segment.key)) return undefined
      const index = Number(segment.key)
      if (index >= current.length) return undefined
      current = current[index]
    } else {
      if (typeof current !== "object" || current === null || !Object.hasOwn(current, segment.key)) return undefined
      current = Reflect.get(current, segment.key)
    }
  }
  return current
}

/** Sets an own property even for the key `__proto__`, which plain assignment would turn into a prototype change. */
export const setOwn = (target: object, key: string, value: unknown): void => {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  else Reflect.set(target, key, value)
}

/**
 * Builds the input record from pin values keyed by pin name: plain names are copied first, then each dynamic
 * name writes its value into the container at its base (`values_$_0`, `values_$_1` -> list `values`, padded with
 * `null`; `values_#_k` / `values_@_k` -> object `values`), nesting as deep as the name does. A container that is
 * already there (from a plain pin or a default) is copied and extended; one of the wrong kind is replaced.
 * Names with an invalid path (see `pinNameError`) are skipped; the engine reports them before assembling.
 */
export const assemblePins = (values: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const result: Record<string, unknown> = {}
  const dynamic: Array<readonly [PinName, unknown]> = []
  for (const name of Object.keys(values)) {
    const value = values[name]
    const parsed = parsePin(name)
    if (parsed.path.length === 0) setOwn(result, name, value)
    else if (pinNameError(name) === undefined) dynamic.push([parsed, value])
  }
  // Containers created here may be written in place; any other container is shared and copied first.
  const own = new Set<object>()
  const containerFor = (existing: unknown, kind: PinSegmentKind): Record<string, unknown> | Array<unknown> => {
    if (kind === "list") {
      if (Array.isArray(existing)) {
        if (own.has(existing)) return existing
        const copy: Array<unknown> = [...existing]
        own.add(copy)
        return copy
      }
      const fresh: Array<unknown> = []
      own.add(fresh)
      return fresh
    }
    if (isRecord(existing)) {
      if (own.has(existing)) return existing
      const copy: Record<string, unknown> = {}
      for (const key of Object.keys(existing)) setOwn(copy, key, existing[key])
      own.add(copy)
      return copy
    }
    const fresh: Record<string, unknown> = {}
    own.add(fresh)
    return fresh
  }
  const write = (container: Record<string, unknown> | Array<unknown>, key: string, value: unknown): void => {
    if (Array.isArray(container)) {
      const index = Number(key)
      while (container.length < index) container.push(null)
      container[index] = value
    } else setOwn(container, key, value)
  }
  const read = (container: Record<string, unknown> | Array<unknown>, key: string): unknown =>
    Array.isArray(container) ? container[Number(key)] : Object.hasOwn(container, key) ? container[key] : undefined

  for (const [{ base, path }, value] of dynamic) {
    const first = path[0]
    if (first === undefined) continue
    let container = containerFor(Object.hasOwn(result, base) ? result[base] : undefined, first.kind)
    setOwn(result, base, container)
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i]
      const next = path[i + 1]
      if (segment === undefined || next === undefined) break
      const child = containerFor(read(container, segment.key), next.kind)
      write(container, segment.key, child)
      container = child
    }
    const last = path[path.length - 1]
    if (last !== undefined) write(container, last.key, value)
  }
  return result
}
