/**
 * A failure the user must fix (bad file, unknown block, missing input): printed as one line naming what and
 * where, exit code 2. `ExitCode` ends the process with a chosen code once the message has been printed.
 */
import { Data, Runtime, Schema } from "effect"

export class CliFailure extends Schema.TaggedError<CliFailure>()("CliFailure", {
  message: Schema.String
}) {}

export const usageExitCode = 2

/** Ends `weft` with `code`; already reported, so the runtime does not log it again. */
export class ExitCode extends Data.TaggedError("ExitCode")<{ readonly code: number }> {
  override get [Runtime.errorExitCode](): number {
    return this.code
  }
  override readonly [Runtime.errorReported] = false
}
