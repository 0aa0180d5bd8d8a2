/**
 * The runs whose driver lives in this process. RunRecovery consults it so it only re-starts runs that no
 * driver here is already running.
 */
import { Context, Layer } from "effect"

export class ActiveRuns extends Context.Service<ActiveRuns, Set<string>>()("@weft/actors/ActiveRuns") {
  static readonly layer = Layer.sync(ActiveRuns, () => new Set<string>())
}
