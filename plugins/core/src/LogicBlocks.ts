/**
 * Logic blocks: a strict comparison, a switch over a list of cases, and a range of numbers to loop over (feed
 * it to StepThroughItems). Unlike the built-in Condition, Compare never reads "10" as the number 10: values
 * compare as they are, which is what a graph author who has typed values wants.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Schema, Stream } from "effect"
import { describeType, isPlainObject, jsonEqual } from "./JsonValues.ts"

const invalid = (message: string) => new BlockError({ message, retryable: false })

const Operator = Schema.Literals(["==", "!=", "<", "<=", ">", ">="])
type Operator = typeof Operator.Type

/** Strings lower-cased, inside lists and objects too (keys stay as they are). */
const foldCase = (u: unknown): unknown => {
  if (typeof u === "string") return u.toLowerCase()
  if (Array.isArray(u)) return u.map(foldCase)
  if (isPlainObject(u)) return Object.fromEntries(Object.entries(u).map(([key, value]) => [key, foldCase(value)]))
  return u
}

/** `a operator b`, or why two values cannot be ordered. */
const compare = (a: unknown, operator: Operator, b: unknown): boolean | string => {
  if (operator === "==") return jsonEqual(a, b)
  if (operator === "!=") return !jsonEqual(a, b)
  if (!((typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string"))) {
    return `Cannot order ${describeType(a)} ${operator} ${describeType(b)}: only two numbers or two strings`
  }
  switch (operator) {
    case "<":
      return a < b
    case "<=":
      return a <= b
    case ">":
      return a > b
    case ">=":
      return a >= b
  }
}

export const Compare = Block.make({
  id: "Compare",
  version: "1.0.0",
  name: "Compare",
  description:
    "Compares two values without converting them: == and != by content (lists and objects too), ordering for " +
    'two numbers or two strings (by character code, so "B" < "a"). Yields the result, then `a` on yes_output or ' +
    "no_output.",
  categories: ["logic"],
  input: {
    a: Schema.Unknown.pipe(Pin.annotate({ title: "A" })),
    operator: Operator.pipe(Pin.annotate({ title: "Operator" }), Pin.withDefault("==")),
    b: Schema.Unknown.pipe(Pin.annotate({ title: "B" })),
    ignore_case: Schema.Boolean.pipe(
      Pin.annotate({
        title: "Ignore case",
        description: "Compare strings (also inside lists and objects) ignoring case."
      }),
      Pin.advanced,
      Pin.withDefault(false)
    )
  },
  output: {
    result: Schema.Boolean.pipe(Pin.annotate({ title: "Result" })),
    yes_output: Schema.Unknown.pipe(Pin.annotate({ title: "Yes output", description: "`a`, when true." })),
    no_output: Schema.Unknown.pipe(Pin.annotate({ title: "No output", description: "`a`, when false." }))
  },
  run: (input) => {
    const outcome = input.ignore_case
      ? compare(foldCase(input.a), input.operator, foldCase(input.b))
      : compare(input.a, input.operator, input.b)
    if (typeof outcome === "string") return Stream.fail(invalid(outcome))
    return Stream.make(
      { pin: "result" as const, value: outcome },
      outcome ? { pin: "yes_output" as const, value: input.a } : { pin: "no_output" as const, value: input.a }
    )
  }
})

export const Switch = Block.make({
  id: "Switch",
  version: "1.0.0",
  name: "Switch",
  description:
    "Finds the value among the cases (compared by content). On a match yields the case's index and the value; " +
    "otherwise yields the value on `default`.",
  categories: ["logic"],
  input: {
    value: Schema.Unknown.pipe(Pin.annotate({ title: "Value" })),
    cases: Schema.Array(Schema.Unknown).pipe(
      Pin.annotate({ title: "Cases", description: "The values to match, in order; the first equal one wins." })
    )
  },
  output: {
    matched_index: Schema.Int.pipe(Pin.annotate({ title: "Matched index" })),
    matched: Schema.Unknown.pipe(Pin.annotate({ title: "Matched", description: "The value, when a case matched." })),
    default: Schema.Unknown.pipe(Pin.annotate({ title: "Default", description: "The value, when no case matched." }))
  },
  run: (input) => {
    const index = input.cases.findIndex((candidate) => jsonEqual(candidate, input.value))
    return index < 0
      ? Stream.make({ pin: "default" as const, value: input.value })
      : Stream.make({ pin: "matched_index" as const, value: index }, { pin: "matched" as const, value: input.value })
  }
})

/** The most numbers a Range yields: enough for any loop a graph should run, small enough to store. */
export const maxRangeLength = 100_000

export const Range = Block.make({
  id: "Range",
  version: "1.0.0",
  name: "Range",
  description:
    "The numbers from start up to, not including, stop, by step (negative to count down); feed the list to " +
    "StepThroughItems to repeat something.",
  categories: ["logic"],
  input: {
    start: Schema.Finite.pipe(Pin.annotate({ title: "Start" }), Pin.withDefault(0)),
    stop: Schema.Finite.pipe(Pin.annotate({ title: "Stop", description: "Not included." })),
    step: Schema.Finite.pipe(Pin.annotate({ title: "Step" }), Pin.withDefault(1))
  },
  output: { list: Schema.Array(Schema.Finite).pipe(Pin.annotate({ title: "List" })) },
  run: (input) => {
    if (input.step === 0) return Stream.fail(invalid("Range step must not be 0"))
    const length = Math.max(0, Math.ceil((input.stop - input.start) / input.step))
    if (length > maxRangeLength) {
      return Stream.fail(invalid(`Range would have ${length} numbers; at most ${maxRangeLength} are allowed`))
    }
    return Stream.make({
      pin: "list" as const,
      value: Array.from({ length }, (_, i) => input.start + i * input.step)
    })
  }
})
