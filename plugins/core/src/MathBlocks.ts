/**
 * Math blocks beyond the built-in Calculator (which does + - * / and powers of two numbers): functions of one
 * number with rounding to decimals, aggregates over a list of numbers, and clamping. Like Calculator, results
 * that JSON cannot carry (NaN, infinities) are block errors, as are operations without a defined result.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Schema, Stream } from "effect"

const invalid = (message: string) => new BlockError({ message, retryable: false })

const finiteResult = (value: number, what: string) =>
  Number.isFinite(value)
    ? Stream.make({ pin: "result" as const, value: value + 0 }) // + 0 turns -0 into 0, as JSON would
    : Stream.fail(invalid(`${what} is not a finite number`))

const resultPin = Schema.Finite.pipe(Pin.annotate({ title: "Result" }))

/** `value` shifted by `exponent` decimal places, through the decimal text so that 1.005 shifts to 100.5. */
const shift = (value: number, exponent: number): number => {
  const [mantissa, power = "0"] = String(value).split("e")
  return Number(`${mantissa}e${Number(power) + exponent}`)
}

/** Rounds to `decimals` places: halves away from zero, so 2.5 → 3 and -2.5 → -3. */
const roundTo = (value: number, decimals: number, round: (n: number) => number): number => {
  const scaled = shift(value, decimals)
  // A number too large to scale has no digits at that place: it is already rounded.
  return Number.isFinite(scaled) ? shift(round(scaled), -decimals) : value
}

const halfAwayFromZero = (n: number): number => Math.sign(n) * Math.round(Math.abs(n))

export const MathOperation = Schema.Literals(["Round", "Floor", "Ceil", "Truncate", "Abs", "Negate", "Sign", "Sqrt"])
export type MathOperation = typeof MathOperation.Type

const apply = (operation: MathOperation, value: number, decimals: number): number => {
  switch (operation) {
    case "Round":
      return roundTo(value, decimals, halfAwayFromZero)
    case "Floor":
      return roundTo(value, decimals, Math.floor)
    case "Ceil":
      return roundTo(value, decimals, Math.ceil)
    case "Truncate":
      return roundTo(value, decimals, Math.trunc)
    case "Abs":
      return Math.abs(value)
    case "Negate":
      return -value
    case "Sign":
      return Math.sign(value)
    case "Sqrt":
      return Math.sqrt(value)
  }
}

export const MathOps = Block.make({
  id: "MathOps",
  version: "1.0.0",
  name: "Math function",
  description:
    "Rounds (halves away from zero), floors, ceils or truncates a number to some decimals, or takes its " +
    "absolute value, negation, sign or square root.",
  categories: ["logic"],
  input: {
    operation: MathOperation.pipe(Pin.annotate({ title: "Operation" }), Pin.withDefault("Round")),
    value: Schema.Finite.pipe(Pin.annotate({ title: "Value" })),
    decimals: Schema.Int.pipe(
      Schema.check(Schema.isBetween({ minimum: -15, maximum: 15 })),
      Pin.annotate({
        title: "Decimals",
        description: "For the rounding operations: places after the point (negative: 2 rounds to hundreds)."
      }),
      Pin.withDefault(0)
    )
  },
  output: { result: resultPin },
  run: (input) =>
    input.operation === "Sqrt" && input.value < 0
      ? Stream.fail(invalid(`Cannot take the square root of a negative number (${input.value})`))
      : finiteResult(apply(input.operation, input.value, input.decimals), `${input.operation} of ${input.value}`)
})

export const Aggregation = Schema.Literals(["Sum", "Product", "Average", "Median", "Min", "Max"])
export type Aggregation = typeof Aggregation.Type

const aggregate = (aggregation: Aggregation, numbers: ReadonlyArray<number>): number => {
  switch (aggregation) {
    case "Sum":
      return numbers.reduce((a, b) => a + b, 0)
    case "Product":
      return numbers.reduce((a, b) => a * b, 1)
    case "Average":
      return numbers.reduce((a, b) => a + b, 0) / numbers.length
    case "Median": {
      const sorted = [...numbers].sort((a, b) => a - b)
      const middle = Math.floor(sorted.length / 2)
      const upper = sorted[middle] ?? Number.NaN
      return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2
    }
    case "Min":
      return numbers.reduce((a, b) => Math.min(a, b))
    case "Max":
      return numbers.reduce((a, b) => Math.max(a, b))
  }
}

export const AggregateNumbers = Block.make({
  id: "AggregateNumbers",
  version: "1.0.0",
  name: "Aggregate numbers",
  description:
    "Sum, product, average, median, minimum or maximum of a list of numbers. An empty list sums to 0 and " +
    "multiplies to 1; its other aggregates are errors.",
  categories: ["logic"],
  input: {
    numbers: Schema.Array(Schema.Finite).pipe(Pin.annotate({ title: "Numbers" })),
    operation: Aggregation.pipe(Pin.annotate({ title: "Operation" }), Pin.withDefault("Sum"))
  },
  output: { result: resultPin },
  run: (input) =>
    input.numbers.length === 0 && input.operation !== "Sum" && input.operation !== "Product"
      ? Stream.fail(invalid(`${input.operation} of an empty list is undefined`))
      : finiteResult(aggregate(input.operation, input.numbers), `${input.operation} of the numbers`)
})

export const Clamp = Block.make({
  id: "Clamp",
  version: "1.0.0",
  name: "Clamp",
  description: "Limits a number to the range [min, max].",
  categories: ["logic"],
  input: {
    value: Schema.Finite.pipe(Pin.annotate({ title: "Value" })),
    min: Schema.Finite.pipe(Pin.annotate({ title: "Min" })),
    max: Schema.Finite.pipe(Pin.annotate({ title: "Max" }))
  },
  output: { result: resultPin },
  run: (input) =>
    input.min > input.max
      ? Stream.fail(invalid(`Clamp range is empty: min ${input.min} is greater than max ${input.max}`))
      : finiteResult(Math.min(Math.max(input.value, input.min), input.max), "Clamp")
})
