/**
 * A run of a graph made only of instant blocks (BlockCatalog.runsInline: built-in, effect-free, no retries) can
 * end before it is ever stored. Its starter then runs it in memory, through the same engine and step code as a
 * driver (RunSteps), and writes it whole in the commit that creates it: the run, every node execution, every
 * yield in routing order and the end. Nobody can watch, cancel or resume a run before that commit, and after it
 * there is nothing left to drive, so the run needs no GraphRun entity, no cluster message and no second commit.
 * If the commit is lost the run never existed and its starter never answered with its id.
 *
 * A graph that loops through more instant node runs than one step allows (`inlineBudget`) is stored as far as it
 * got, RUNNING, and its entity loads and finishes it like any resumed run.
 */
import { Effect } from "effect"
import * as Engine from "@weft/runtime"
import type { RunEnd } from "./RunProtocol.ts"
import type { Step } from "./RunPlan.ts"
import { inlineBudget, runInlineWork, type StepContext } from "./RunSteps.ts"

const instantGraphs = new WeakMap<Engine.CompiledGraph, boolean>()

/** Every node of the graph runs inline: a start may try to finish it at once (cached per compiled graph). */
export const isInstantGraph = (ctx: Pick<StepContext, "compiled" | "runsInline">): boolean => {
  const known = instantGraphs.get(ctx.compiled)
  if (known !== undefined) return known
  let instant = true
  for (const node of ctx.compiled.nodeById.values()) if (!ctx.runsInline(node.node.block)) instant = false
  instantGraphs.set(ctx.compiled, instant)
  return instant
}

/**
 * Runs the just-started run (its start already planned into `step`) as far as instant blocks take it, adding the
 * rows and events to `step`: RUNNING, every node run, and the end if it settled, which is then returned.
 */
export const runInstantly = Effect.fnUntraced(function* (ctx: StepContext, step: Step) {
  step.ops.push({ _tag: "UpdateExecution", id: ctx.executionId, status: "RUNNING", stats: { driver: ctx.runner } })
  step.events.push({ _tag: "graph", status: "RUNNING" })
  const left = yield* runInlineWork(ctx, step, { left: inlineBudget })
  step.dispatch.push(...left)
  if (step.dispatch.length > 0 || !Engine.isSettled(ctx.state)) return undefined
  const { status, outputs, stuckNodes } = Engine.result(ctx.state)
  step.ops.push({ _tag: "UpdateExecution", id: ctx.executionId, status, outputs, stuckNodes })
  step.events.push({ _tag: "graph", status })
  const end: RunEnd = { status, outputs, stuckNodes }
  return end
})
