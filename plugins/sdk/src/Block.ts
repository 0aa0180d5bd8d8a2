/**
 * The Block contract: what a block author writes and what the engine runs. A block declares its input and
 * output pins as Effect Schema struct fields; `run` returns a Stream of `{ pin, value }` yields, so a block
 * may yield any pin any number of times (semantics.md). Yielding on the `error` pin fails the node.
 */
import type { Duration, Effect, Redacted } from "effect"
import { Schema, Stream } from "effect"

/** A block failure the author chose to raise. `retryable: false` skips the block's retry policy. */
export class BlockError extends Schema.TaggedError<BlockError>()("BlockError", {
  message: Schema.String,
  retryable: Schema.optionalKey(Schema.Boolean)
}) {}

/**
 * A block's pins: struct fields whose decoding needs no services, because the engine decodes a node's input
 * with nothing but the schema (and so `Block<I, O, R>` stays assignable to `AnyBlock<R>`).
 */
export type Fields = { readonly [x: PropertyKey]: Schema.Constraint & { readonly DecodingServices: never } }

/** One yield on output pin `pin`; typed so that only declared pins (and `error`) can be yielded. */
export type Yield<O extends Fields> =
  | { readonly [K in keyof O & string]: { readonly pin: K; readonly value: O[K]["Type"] } }[keyof O & string]
  | { readonly pin: "error"; readonly value: string }

/** What a running block may use besides its input. Nothing here grants access to other runs or the vault. */
export interface BlockContext {
  readonly executionId: string
  readonly nodeExecutionId: string
  readonly nodeId: string
  /** 1 for the first attempt, incremented by each retry and by each re-run after a runner died. */
  readonly attempt: number
  /** Stable across attempts of one node execution: `executionId/nodeExecutionId`. */
  readonly idempotencyKey: string
  /** The credentials this node was given, by the names the block declared. */
  readonly credentials: Readonly<Record<string, Redacted.Redacted<string>>>
  readonly log: (message: string, fields?: Readonly<Record<string, unknown>>) => Effect.Effect<void>
}

export interface RetryPolicy {
  /** Extra attempts after the first. */
  readonly times: number
  /** Delay before the first retry; doubled for each further retry. */
  readonly backoff?: Duration.Input
}

export interface CredentialRequirement {
  readonly provider: string
  readonly description?: string
}

export interface BlockDefinition<I extends Fields, O extends Fields, R> {
  /** Stable across versions; a graph node names it. */
  readonly id: string
  readonly version: string
  readonly name: string
  readonly description: string
  readonly categories: ReadonlyArray<string>
  readonly input: I
  readonly output: O
  /** All outgoing links of such a block are static (semantics.md "static link"). */
  readonly staticOutput?: boolean
  /** Output pins are not fixed by the block (sub-graphs yield one pin per child output). */
  readonly dynamicOutput?: boolean
  readonly retry?: RetryPolicy
  readonly timeout?: Duration.Input
  readonly credentials?: Readonly<Record<string, CredentialRequirement>>
  /**
   * Instant and without effects outside its yields (no I/O, no waiting): a built-in block so marked may run inside
   * the run driver's step, its yields committed with those of the nodes it feeds. Ignored for plugin blocks.
   */
  readonly inline?: boolean
  readonly run: (input: Schema.Struct<I>["Type"], ctx: BlockContext) => Stream.Stream<Yield<O>, BlockError, R>
  /** An instant block's yields as a plain function (`Block.instant`); `run` streams the same yields. */
  readonly instant?: (input: Schema.Struct<I>["Type"]) => InstantYields<O>
}

/** What an instant block makes of its input: every yield, in order, or the error that fails the node. */
export type InstantYields<O extends Fields> = ReadonlyArray<Yield<O>> | BlockError

export interface Block<I extends Fields = Fields, O extends Fields = Fields, R = never>
  extends BlockDefinition<I, O, R> {
  readonly inputSchema: Schema.Struct<I>
  readonly outputSchema: Schema.Struct<O>
}

/** Any block, erased to what the engine needs. */
export interface AnyBlock<R = never> {
  readonly id: string
  readonly version: string
  readonly name: string
  readonly description: string
  readonly categories: ReadonlyArray<string>
  readonly inputSchema: Schema.Top & Schema.Decoder<unknown>
  readonly outputSchema: Schema.Top & Schema.Decoder<unknown>
  readonly input: Fields
  readonly output: Fields
  readonly staticOutput?: boolean
  readonly dynamicOutput?: boolean
  readonly retry?: RetryPolicy
  readonly timeout?: Duration.Input
  readonly credentials?: Readonly<Record<string, CredentialRequirement>>
  readonly inline?: boolean
  readonly run: (
    input: never,
    ctx: BlockContext
  ) => Stream.Stream<{ readonly pin: string; readonly value: unknown }, BlockError, R>
  readonly instant?: (input: never) => ReadonlyArray<{ readonly pin: string; readonly value: unknown }> | BlockError
}

/**
 * The `output` of a block whose pins are not known in advance (`dynamicOutput: true`, e.g. a sub-graph that
 * yields one pin per child output): it declares no pin, yet `Yield` admits any pin name with any value.
 */
export const dynamicPins: { readonly [pin: string]: typeof Schema.Unknown } = {}

export const make = <I extends Fields, O extends Fields, R = never>(
  definition: BlockDefinition<I, O, R>
): Block<I, O, R> => ({
  ...definition,
  inputSchema: Schema.Struct(definition.input),
  outputSchema: Schema.Struct(definition.output)
})

/**
 * An instant block: its yields are a function of its input alone, computed at once, with no services, I/O, waiting,
 * retries or credentials, which the type enforces rather than a flag's promise. Such a built-in runs inline (see
 * `inline`); where it runs inline its yields are taken straight from `yields`, without a stream per node execution
 * (what lets a run of them cost little more than its commit). `run` yields the same values as a stream, for every
 * other caller.
 */
export interface InstantBlockDefinition<I extends Fields, O extends Fields>
  extends Omit<BlockDefinition<I, O, never>, "run" | "instant" | "inline" | "retry" | "timeout" | "credentials"> {
  readonly yields: (input: Schema.Struct<I>["Type"]) => InstantYields<O>
}

export const instant = <I extends Fields, O extends Fields>({
  yields,
  ...definition
}: InstantBlockDefinition<I, O>): Block<I, O, never> =>
  make({
    ...definition,
    inline: true,
    instant: yields,
    run: (input) => {
      const outcome = yields(input)
      return outcome instanceof BlockError ? Stream.fail(outcome) : Stream.fromIterable(outcome)
    }
  })
