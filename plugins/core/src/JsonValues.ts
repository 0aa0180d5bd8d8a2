/**
 * What the core blocks need to know about the JSON values that flow over links: which ones are plain objects,
 * how to name a value's type in an error message, and when two values are equal by content. Values reach a
 * block decoded from JSON, so there are no class instances, functions or cycles to consider.
 */

/** A JSON object (not a list, not null). */
export const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The JSON name of a value's type, for error messages: null, list, object, string, number, boolean. */
export const describeType = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "list" : typeof u)

/** Structural equality: lists by elements in order, objects by keys and values in any key order. */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    )
  }
  return false
}

/** JSON text with object keys sorted, so that two values are `jsonEqual` exactly when their texts are equal. */
export const canonicalJson = (u: unknown): string => {
  if (Array.isArray(u)) return `[${u.map(canonicalJson).join(",")}]`
  if (isPlainObject(u)) {
    const keys = Object.keys(u).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(u[key])}`).join(",")}}`
  }
  return JSON.stringify(u) ?? "null"
}
