/**
 * What graph validation reports: one issue per problem, each naming the node, link and pin it is about, so the
 * CLI, the API (400 bodies) and the studio (highlighting) can all point at the exact spot.
 */
import { Schema } from "effect"

export const GraphIssueCode = Schema.Literals([
  "unknown_block",
  "unknown_pin",
  "incompatible_pin",
  "missing_input",
  "duplicate_node_id",
  "duplicate_link_id",
  "link_to_missing_node",
  "self_containing_graph",
  "unknown_subgraph",
  "invalid_input_default"
])
export type GraphIssueCode = typeof GraphIssueCode.Type

export const GraphIssue = Schema.Struct({
  nodeId: Schema.optionalKey(Schema.String),
  linkId: Schema.optionalKey(Schema.String),
  pin: Schema.optionalKey(Schema.String),
  code: GraphIssueCode,
  message: Schema.String
})
export type GraphIssue = typeof GraphIssue.Type

/** A one-line rendering for terminals: `[missing_input] node "tpl": required input "format" ...`. */
export const formatIssue = (issue: GraphIssue): string => `[${issue.code}] ${issue.message}`

/** For callers that treat any issue as a failure (saving a graph, `weft run`). */
export class GraphValidationError extends Schema.TaggedError<GraphValidationError>()("GraphValidationError", {
  issues: Schema.Array(GraphIssue)
}) {
  override get message(): string {
    const count = this.issues.length
    return `graph is invalid (${count} issue${count === 1 ? "" : "s"}):\n${this.issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`
  }
}
