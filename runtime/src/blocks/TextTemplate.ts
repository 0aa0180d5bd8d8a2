/**
 * The tiny template language of FillTextTemplate and AgentOutput's `format`: `{{ name }}` and dotted paths
 * `{{ user.address.city }}` / `{{ items.0 }}`, as in Jinja. Templates are user input, so this is an
 * interpreter over a fixed grammar, not `eval`: a path walks only own properties of plain objects and arrays,
 * and `__proto__`, `constructor` and `prototype` never resolve, so a template can reach no host object.
 * Anything else between `{{ }}` (filters, operators, calls) is rejected rather than shown half-rendered.
 */
import { Result } from "effect"

const expression = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/

const forbiddenSegments: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"])

const isPlainContainer = (u: unknown): u is Readonly<Record<string, unknown>> => {
  if (Array.isArray(u)) return true
  if (typeof u !== "object" || u === null) return false
  const proto: unknown = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

/** The value at `path` in `values`, or `undefined` when any step is missing or not allowed. */
export const resolveTemplatePath = (values: unknown, path: ReadonlyArray<string>): unknown => {
  let current: unknown = values
  for (const segment of path) {
    if (forbiddenSegments.has(segment) || !isPlainContainer(current) || !Object.hasOwn(current, segment)) {
      return undefined
    }
    current = current[segment]
  }
  return current
}

/** Strings as they are, other JSON values as JSON text, a missing value as nothing (Jinja's `Undefined`). */
const display = (value: unknown): string => {
  if (value === undefined) return ""
  if (typeof value === "string") return value
  const json = JSON.stringify(value)
  return json === undefined ? "" : json
}

/** Renders `template` with `values`; fails with a message naming the first unsupported placeholder. */
export const renderTemplate = (template: string, values: unknown): Result.Result<string, string> => {
  let output = ""
  let position = 0
  while (position < template.length) {
    const open = template.indexOf("{{", position)
    if (open === -1) break
    const close = template.indexOf("}}", open + 2)
    if (close === -1) break
    const source = template.slice(open + 2, close).trim()
    if (!expression.test(source)) {
      return Result.fail(`Unsupported template expression "{{ ${source} }}": only names and dotted paths are allowed`)
    }
    output += template.slice(position, open) + display(resolveTemplatePath(values, source.split(".")))
    position = close + 2
  }
  return Result.succeed(output + template.slice(position))
}
