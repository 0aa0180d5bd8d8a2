/**
 * Condition: compares two values and routes by the outcome. Like AutoGPT's block, strings that read as numbers
 * compare as numbers ("10" > "9"); `==` / `!=` compare structurally (lists and objects by content); ordering
 * applies to two numbers (booleans count as 0/1) or two strings, anything else is a block error.
 * Yields `result`, then `yes_output` or `no_output` (the yes/no value, or value1 when that is unset or null).
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Result, Schema } from "effect"

export const ComparisonOperator = Schema.Literals(["==", "!=", ">", "<", ">=", "<="])
export type ComparisonOperator = typeof ComparisonOperator.Type

/** Trimmed strings that parse as finite numbers become numbers; everything else stays as given. */
const normalize = (value: unknown): unknown => {
  if (typeof value !== "string") return value
  const trimmed = value.trim()
  const number = trimmed === "" ? Number.NaN : Number(trimmed)
  return Number.isFinite(number) ? number : trimmed
}

const toOrdered = (value: unknown): number | string | undefined => {
  if (typeof value === "number" || typeof value === "string") return value
  if (typeof value === "boolean") return value ? 1 : 0
  return undefined
}

const describeType = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "list" : typeof value

/** Structural equality of JSON-like values. */
const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  if (
    typeof a === "object" &&
    a !== null &&
    typeof b === "object" &&
    b !== null &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const aEntries = Object.entries(a)
    const bRecord: Readonly<Record<string, unknown>> = { ...b }
    return (
      aEntries.length === Object.keys(bRecord).length &&
      aEntries.every(([key, value]) => Object.hasOwn(bRecord, key) && jsonEqual(value, bRecord[key]))
    )
  }
  return a === b
}

/** The outcome of `value1 operator value2`, or why the two cannot be ordered. */
export const compareCondition = (
  value1: unknown,
  operator: ComparisonOperator,
  value2: unknown
): Result.Result<boolean, string> => {
  const left = normalize(value1)
  const right = normalize(value2)
  if (operator === "==") return Result.succeed(jsonEqual(left, right))
  if (operator === "!=") return Result.succeed(!jsonEqual(left, right))
  const a = toOrdered(left)
  const b = toOrdered(right)
  if (a === undefined || b === undefined || typeof a !== typeof b) {
    return Result.fail(`Cannot compare ${describeType(left)} ${operator} ${describeType(right)}`)
  }
  switch (operator) {
    case ">":
      return Result.succeed(a > b)
    case "<":
      return Result.succeed(a < b)
    case ">=":
      return Result.succeed(a >= b)
    case "<=":
      return Result.succeed(a <= b)
  }
}

export const ConditionBlock = Block.instant({
  id: "Condition",
  version: "1.0.0",
  name: "Condition",
  description: "Compares two values and yields on yes_output or no_output accordingly.",
  categories: ["logic"],
  input: {
    value1: Schema.Unknown.pipe(Pin.annotate({ title: "Value 1" })),
    operator: ComparisonOperator.pipe(Pin.annotate({ title: "Operator" }), Pin.withDefault("==")),
    value2: Schema.Unknown.pipe(Pin.annotate({ title: "Value 2" })),
    yes_value: Pin.optional(
      Schema.Unknown.pipe(Pin.annotate({ title: "Yes value", description: "Yielded when true; value1 if unset." }))
    ),
    no_value: Pin.optional(
      Schema.Unknown.pipe(Pin.annotate({ title: "No value", description: "Yielded when false; value1 if unset." }))
    )
  },
  output: {
    result: Schema.Boolean.pipe(Pin.annotate({ title: "Result" })),
    yes_output: Schema.Unknown.pipe(Pin.annotate({ title: "Yes output" })),
    no_output: Schema.Unknown.pipe(Pin.annotate({ title: "No output" }))
  },
  yields: (input) => {
    const outcome = compareCondition(input.value1, input.operator, input.value2)
    if (Result.isFailure(outcome)) return new BlockError({ message: outcome.failure, retryable: false })
    const chosen = outcome.success ? input.yes_value : input.no_value
    const value = chosen === undefined || chosen === null ? input.value1 : chosen
    return [
      { pin: "result", value: outcome.success },
      outcome.success ? { pin: "yes_output", value } : { pin: "no_output", value }
    ]
  }
})
