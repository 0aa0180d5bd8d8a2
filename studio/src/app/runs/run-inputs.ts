/**
 * The inputs a run asks for: one per built-in AgentInput node with a name (graph-format.md: a run's `inputs`
 * are keyed by those names), described by the node's own pins (title, description, default value, suggested
 * values, secret, advanced), and how what the user typed becomes the `inputs` object.
 */
import type { GraphNode } from "../api/api-types"

export interface RunInputField {
  readonly nodeId: string
  /** The key in the run's inputs. */
  readonly name: string
  readonly label: string
  readonly description: string
  readonly secret: boolean
  readonly advanced: boolean
  /** The node's own value, used when the field is left empty (undefined: the input must be given). */
  readonly defaultValue: unknown
  readonly suggestions: ReadonlyArray<string>
}

const text = (value: unknown): string => (typeof value === "string" ? value : "")

/** What a value looks like in a text field: strings as they are, everything else as JSON. */
export const formatRunInput = (value: unknown): string =>
  value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value)

export const runInputFields = (nodes: ReadonlyArray<GraphNode>): ReadonlyArray<RunInputField> => {
  const fields: Array<RunInputField> = []
  const seen = new Set<string>()
  for (const node of nodes) {
    if (node.block.id !== "AgentInput" || node.block.package !== undefined) continue
    const name = text(node.inputDefault["name"])
    if (name === "" || seen.has(name)) continue
    seen.add(name)
    const suggestions = node.inputDefault["placeholder_values"]
    fields.push({
      nodeId: node.id,
      name,
      label: text(node.inputDefault["title"]) || name,
      description: text(node.inputDefault["description"]),
      secret: node.inputDefault["secret"] === true,
      advanced: node.inputDefault["advanced"] === true,
      defaultValue: node.inputDefault["value"],
      suggestions: Array.isArray(suggestions) ? suggestions.map(formatRunInput) : []
    })
  }
  return fields.sort((a, b) => Number(a.advanced) - Number(b.advanced))
}

/** What was typed into a run input: JSON when it parses as a number, boolean, list or object, text otherwise. */
export const runInputValue = (typed: string): unknown => {
  try {
    const value: unknown = JSON.parse(typed)
    return typeof value === "string" || value === null ? typed : value
  } catch {
    return typed
  }
}

/**
 * The `inputs` of the run: every field the user filled in. A field left empty is left out, so the node's own
 * value applies (or the gateway reports the missing input on its node); secret fields are taken as typed.
 */
export const runInputs = (
  fields: ReadonlyArray<RunInputField>,
  typed: ReadonlyMap<string, string>
): Record<string, unknown> => {
  const inputs: Record<string, unknown> = {}
  for (const field of fields) {
    const value = typed.get(field.name)
    if (value === undefined || value === "") continue
    inputs[field.name] = field.secret ? value : runInputValue(value)
  }
  return inputs
}
