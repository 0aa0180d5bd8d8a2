/**
 * `weft graph validate <graph.json>`: every validation problem of the file, one per line, with its node and pin.
 * Needs no database: only the blocks built into this process are known.
 */
import { Console, Effect } from "effect"
import * as NodeFs from "node:fs/promises"
import { BlockRegistry, formatIssue, parseGraphFileText, validateGraph } from "@weft/runtime"
import { CliFailure } from "./CliFailure.ts"

export const validateGraphFile = Effect.fn("weft.graph.validate")(function* (path: string) {
  const registry = yield* BlockRegistry
  const text = yield* Effect.tryPromise({
    try: () => NodeFs.readFile(path, "utf8"),
    catch: (e) =>
      new CliFailure({ message: `${path}: cannot read file (${e instanceof Error ? e.message : String(e)})` })
  })
  const doc = yield* parseGraphFileText(text).pipe(
    Effect.mapError((e) => new CliFailure({ message: `${path}: ${e.message.replace(/\n\s*/g, "; ")}` }))
  )
  const issues = validateGraph(doc, registry.resolveSync)
  if (issues.length === 0) {
    yield* Console.log(`${path}: valid (${doc.nodes.length} nodes, ${doc.links.length} links)`)
    return
  }
  for (const issue of issues) yield* Console.error(`${path}: ${formatIssue(issue)}`)
  return yield* new CliFailure({ message: `${path}: ${issues.length} problem${issues.length === 1 ? "" : "s"}` })
})
