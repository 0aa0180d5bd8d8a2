/**
 * Execution statuses shared by graph runs and node runs, and the transitions the store allows
 * (semantics.md, "Statuses"). The table lives here so the store's SQL guard and the engine agree.
 */
import { Schema } from "effect"

export const ExecutionStatus = Schema.Literals([
  "INCOMPLETE",
  "QUEUED",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "TERMINATED",
  "REVIEW"
])
export type ExecutionStatus = typeof ExecutionStatus.Type

/** For each target status, the statuses it may be entered from. */
export const allowedFrom: { readonly [To in ExecutionStatus]: ReadonlyArray<ExecutionStatus> } = {
  INCOMPLETE: [],
  QUEUED: ["INCOMPLETE", "TERMINATED", "REVIEW"],
  RUNNING: ["INCOMPLETE", "QUEUED", "TERMINATED", "REVIEW"],
  COMPLETED: ["RUNNING"],
  FAILED: ["INCOMPLETE", "QUEUED", "RUNNING", "REVIEW"],
  TERMINATED: ["INCOMPLETE", "QUEUED", "RUNNING", "REVIEW"],
  REVIEW: ["RUNNING"]
}

export const canTransition = (from: ExecutionStatus, to: ExecutionStatus): boolean => allowedFrom[to].includes(from)

/** Statuses after which nothing more happens to an execution unless it is explicitly resumed. */
export const isFinal = (status: ExecutionStatus): boolean =>
  status === "COMPLETED" || status === "FAILED" || status === "TERMINATED"
