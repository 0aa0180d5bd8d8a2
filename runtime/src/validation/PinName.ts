/**
 * Pin names as graph links spell them: a base pin, optionally followed by dynamic steps that address parts of a
 * structured value (semantics.md "Dynamic pins"): `a_$_2` is element 2 of list `a`, `a_#_key` key `key` of object
 * `a`, `a_@_attr` attribute `attr`, and they nest (`items_$_0_#_id`). Validation only needs the structure, so
 * this parser is deliberately small; the engine keeps its own for routing values.
 */

/** `$` indexes a list, `#` keys an object, `@` names an attribute (treated like an object key). */
export type PinStepKind = "$" | "#" | "@"

export interface PinStep {
  readonly kind: PinStepKind
  readonly key: string
}

export interface PinName {
  /** The declared pin the name starts from, e.g. `values` for `values_#_name`. */
  readonly base: string
  readonly steps: ReadonlyArray<PinStep>
}

const delimiter = /_([$#@])_/g

const isStepKind = (s: string | undefined): s is PinStepKind => s === "$" || s === "#" || s === "@"

/** Splits a pin name into its base and dynamic steps. A name without delimiters is just a base pin. */
export const parsePinName = (name: string): PinName => {
  const parts: Array<{ readonly kind: PinStepKind | undefined; readonly start: number; readonly end: number }> = []
  let previousEnd = 0
  let previousKind: PinStepKind | undefined
  for (const match of name.matchAll(delimiter)) {
    const kind = match[1]
    if (!isStepKind(kind)) continue
    parts.push({ kind: previousKind, start: previousEnd, end: match.index })
    previousEnd = match.index + match[0].length
    previousKind = kind
  }
  parts.push({ kind: previousKind, start: previousEnd, end: name.length })
  const [first, ...rest] = parts
  const base = first === undefined ? name : name.slice(first.start, first.end)
  const steps: Array<PinStep> = []
  for (const part of rest) {
    if (part.kind !== undefined) steps.push({ kind: part.kind, key: name.slice(part.start, part.end) })
  }
  return { base, steps }
}

/** True when the name addresses a part of a pin rather than a whole declared pin. */
export const isDynamicPinName = (name: string): boolean => parsePinName(name).steps.length > 0

/** A list index step must be a plain non-negative integer (`values_$_0`, not `values_$_x`); the engine's limit. */
export const isListIndex = (key: string): boolean => /^(0|[1-9][0-9]{0,8})$/.test(key)
