/**
 * Calculator: one arithmetic operation on two numbers. Division by zero and results that are not finite
 * numbers (which JSON cannot carry) are block errors, not retried.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { Schema } from "effect"

export const CalculatorOperation = Schema.Literals(["Add", "Subtract", "Multiply", "Divide", "Power"])
export type CalculatorOperation = typeof CalculatorOperation.Type

const apply = (operation: CalculatorOperation, a: number, b: number): number => {
  switch (operation) {
    case "Add":
      return a + b
    case "Subtract":
      return a - b
    case "Multiply":
      return a * b
    case "Divide":
      return a / b
    case "Power":
      return a ** b
  }
}

export const CalculatorBlock = Block.instant({
  id: "Calculator",
  version: "1.0.0",
  name: "Calculator",
  description: "Adds, subtracts, multiplies, divides or raises two numbers.",
  categories: ["logic"],
  input: {
    operation: CalculatorOperation.pipe(Pin.annotate({ title: "Operation" }), Pin.withDefault("Add")),
    a: Schema.Finite.pipe(Pin.annotate({ title: "A", description: "The first operand." }), Pin.withDefault(0)),
    b: Schema.Finite.pipe(Pin.annotate({ title: "B", description: "The second operand." }), Pin.withDefault(0)),
    round_result: Schema.Boolean.pipe(
      Pin.annotate({ title: "Round result", description: "Round the result to the nearest integer." }),
      Pin.withDefault(false)
    )
  },
  output: {
    result: Schema.Finite.pipe(Pin.annotate({ title: "Result" }))
  },
  yields: (input) => {
    if (input.operation === "Divide" && input.b === 0) {
      return new BlockError({ message: "Cannot divide by zero", retryable: false })
    }
    const raw = apply(input.operation, input.a, input.b)
    if (!Number.isFinite(raw)) {
      return new BlockError({
        message: `${input.operation} of ${input.a} and ${input.b} is not a finite number`,
        retryable: false
      })
    }
    // `+ 0` turns the -0 that Math.round(-0.4) gives into 0, which is what JSON would carry anyway.
    return [{ pin: "result", value: input.round_result ? Math.round(raw) + 0 : raw }]
  }
})
