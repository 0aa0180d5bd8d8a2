/**
 * Type-level tests of the Block contract: every `Block.make` result must be assignable to `AnyBlock<R>` (the
 * engine and the registry hold blocks erased to it), and `Yield` must only admit declared pins. `tsc` checks
 * this file; the `@ts-expect-error` lines fail the typecheck if a wrong program starts to compile.
 */
import { describe, it } from "@effect/vitest"
import { Context, Effect, Schema, Stream } from "effect"
import type { AnyBlock, BlockError, Fields, Yield } from "./Block.ts"
import * as Block from "./Block.ts"
import * as Pin from "./Pin.ts"

class Clock extends Context.Service<Clock, { readonly now: Effect.Effect<number> }>()("test/Clock") {}

const plain = Block.make({
  id: "Plain",
  version: "1.0.0",
  name: "Plain",
  description: "",
  categories: [],
  input: { a: Schema.String, n: Schema.Finite.pipe(Pin.withDefault(1)), o: Pin.optional(Schema.Unknown) },
  output: { b: Schema.Number },
  run: (input) => Stream.make({ pin: "b", value: input.a.length + input.n })
})

const withService = Block.make({
  id: "WithService",
  version: "1.0.0",
  name: "WithService",
  description: "",
  categories: [],
  input: {},
  output: { now: Schema.Number },
  run: () =>
    Stream.fromEffect(Clock.use((clock) => Effect.map(clock.now, (now) => ({ pin: "now" as const, value: now }))))
})

export const erasedPlain: AnyBlock = plain
export const erasedPlainInWiderContext: AnyBlock<Clock> = plain
export const erasedWithService: AnyBlock<Clock> = withService
// @ts-expect-error a block needing Clock is not an AnyBlock<never>
export const notErased: AnyBlock = withService
export const generic = <I extends Fields, O extends Fields, R>(block: Block.Block<I, O, R>): AnyBlock<R> => block
export const list: ReadonlyArray<AnyBlock<Clock>> = [plain, withService]

export const declaredPin: Yield<{ b: typeof Schema.Number }> = { pin: "b", value: 1 }
export const errorPin: Yield<{ b: typeof Schema.Number }> = { pin: "error", value: "boom" }
// @ts-expect-error undeclared pin
export const undeclaredPin: Yield<{ b: typeof Schema.Number }> = { pin: "c", value: 1 }
// @ts-expect-error wrong value type for the pin
export const wrongValue: Yield<{ b: typeof Schema.Number }> = { pin: "b", value: "1" }

export const runInputIsDecodedType = Block.make({
  id: "Typed",
  version: "1.0.0",
  name: "Typed",
  description: "",
  categories: [],
  input: { n: Schema.Finite.pipe(Pin.withDefault(1)), o: Pin.optional(Schema.String) },
  output: { out: Schema.Number },
  run: (input) => {
    const n: number = input.n // the default makes it always present
    // @ts-expect-error an optional pin may be absent
    const o: string = input.o
    return Stream.make({ pin: "out", value: n + o.length })
  }
})

export const failing = (error: BlockError) => Stream.fail(error)

describe("Block types", () => {
  it("are checked by tsc", () => {})
})

export const dynamic = Block.make({
  id: "Dynamic",
  version: "1.0.0",
  name: "Dynamic",
  description: "",
  categories: [],
  input: {},
  output: Block.dynamicPins,
  dynamicOutput: true,
  run: () => Stream.make({ pin: "anything", value: 1 }, { pin: "other", value: "x" })
})
export const erasedDynamic: AnyBlock = dynamic
