/**
 * A failure the user must fix (bad file, unknown block, missing input): printed as one line naming what and
 * where, exit code 2. Everything else is a crash with its own exit code.
 */
import { Schema } from "effect"

export class CliFailure extends Schema.TaggedError<CliFailure>()("CliFailure", {
  message: Schema.String
}) {}

export const usageExitCode = 2
