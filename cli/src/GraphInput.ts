/**
 * Reading what the user gave `weft run`: the graph file (decoded and validated, with every problem named by node
 * and pin) and `--input name=value` pairs (a value that parses as JSON is taken as JSON, else as text).
 */
import { Effect } from "effect"
import * as NodeFs from "node:fs/promises"
import { formatIssue, type BlockLookup, type GraphDocument, parseGraphFileText, validateGraph } from "@weft/runtime"
import { CliFailure } from "./CliFailure.ts"

export const readGraphFile = Effect.fn("weft.readGraphFile")(function* (path: string, lookup: BlockLookup) {
  const text = yield* Effect.tryPromise({
    try: () => NodeFs.readFile(path, "utf8"),
    catch: (e) =>
      new CliFailure({ message: `${path}: cannot read file (${e instanceof Error ? e.message : String(e)})` })
  })
  const graph = yield* parseGraphFileText(text).pipe(
    Effect.mapError((e) => new CliFailure({ message: `${path}: ${e.message.replace(/\n\s*/g, "; ")}` }))
  )
  const issues = validateGraph(graph, lookup)
  if (issues.length > 0) {
    return yield* new CliFailure({ message: `${path}: ${issues.map(formatIssue).join("; ")}` })
  }
  return graph satisfies GraphDocument
})

/** `42` is a number, `{"a":1}` an object, `hello` (not JSON) the text itself. */
const parseValue = (raw: string): unknown => {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

export const parseInputs = (pairs: ReadonlyArray<string>): Effect.Effect<Record<string, unknown>, CliFailure> =>
  Effect.gen(function* () {
    const inputs: Record<string, unknown> = {}
    for (const pair of pairs) {
      const eq = pair.indexOf("=")
      if (eq <= 0) return yield* new CliFailure({ message: `--input ${pair}: expected name=value` })
      // defineProperty: an input named "__proto__" must be data, not a prototype change.
      Object.defineProperty(inputs, pair.slice(0, eq), {
        value: parseValue(pair.slice(eq + 1)),
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    return inputs
  })
