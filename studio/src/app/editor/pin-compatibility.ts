/**
 * Whether an output pin may be linked to an input pin, decided from the two blocks' JSON Schemas before the link
 * exists, so that the editor refuses a mismatch while the user drags and says why. The engine does not convert
 * values (semantics.md: a value that does not fit the sink pin fails the sink node), so the rule is strict typing
 * with the one safe widening, integer into number. A pin whose schema says nothing about its type accepts and
 * offers anything.
 *
 * Sink pin names may address part of a pin (graph-format.md): `values_#_key` an entry of the object pin
 * `values`, `values_$_3` an element of the list pin `values`, `values_@_attr` an attribute of an object pin.
 */
import { admittedTypes, isRecord, type JsonSchema, type JsonType, properties, resolveRef } from "./json-schema"

export type Compatibility = { readonly ok: true } | { readonly ok: false; readonly reason: string }

const dynamicPin = /^(.+?)_([#$@])_(.+)$/

/** The schema of one pin (by name) of a block's input or output schema, or undefined when there is no such pin. */
export const pinSchema = (blockSchema: unknown, pin: string): JsonSchema | undefined => {
  if (!isRecord(blockSchema)) return undefined
  const direct = properties(blockSchema).find(([name]) => name === pin)
  if (direct !== undefined) return direct[1]
  const dynamic = dynamicPin.exec(pin)
  if (dynamic !== null) {
    const [, base = "", kind] = dynamic
    const parent = properties(blockSchema).find(([name]) => name === base)?.[1]
    if (parent === undefined) return undefined
    const part = kind === "$" ? parent["items"] : kind === "#" ? parent["additionalProperties"] : undefined
    return isRecord(part) ? resolveRef(part, blockSchema) : {}
  }
  // A block with dynamic output (additionalProperties: true) may yield pins it does not declare.
  const extra = blockSchema["additionalProperties"]
  if (extra === true) return {}
  if (isRecord(extra)) return resolveRef(extra, blockSchema)
  return undefined
}

const describe = (types: ReadonlySet<JsonType>): string => [...types].sort().join(" or ")

/** Can every value of a `source` type be accepted by a sink admitting `sink`? */
const accepts = (sink: ReadonlySet<JsonType>, source: JsonType): boolean =>
  sink.has(source) || (source === "integer" && sink.has("number"))

export const pinTypesCompatible = (
  sourceSchema: JsonSchema,
  sinkSchema: JsonSchema,
  sourceRoot: JsonSchema = sourceSchema,
  sinkRoot: JsonSchema = sinkSchema
): Compatibility => {
  const source = admittedTypes(sourceSchema, sourceRoot)
  const sink = admittedTypes(sinkSchema, sinkRoot)
  if (source === "any" || sink === "any") return { ok: true }
  const refused = [...source].filter((type) => !accepts(sink, type))
  // A source that may produce several types is allowed when at least one fits: the graph author knows which
  // branch feeds this link (e.g. a Condition's outputs), and the engine still checks each value.
  if (refused.length < source.size) return { ok: true }
  return { ok: false, reason: `${describe(source)} output cannot feed a ${describe(sink)} input` }
}

/** The full rule for a link from `sourcePin` of one block to `sinkPin` of another. */
export const canConnect = (
  sourceOutputSchema: unknown,
  sourcePin: string,
  sinkInputSchema: unknown,
  sinkPin: string
): Compatibility => {
  const source = pinSchema(sourceOutputSchema, sourcePin)
  if (source === undefined) return { ok: false, reason: `The block has no output pin "${sourcePin}"` }
  const sink = pinSchema(sinkInputSchema, sinkPin)
  if (sink === undefined) return { ok: false, reason: `The block has no input pin "${sinkPin}"` }
  const sourceRoot = isRecord(sourceOutputSchema) ? sourceOutputSchema : source
  const sinkRoot = isRecord(sinkInputSchema) ? sinkInputSchema : sink
  return pinTypesCompatible(source, sink, sourceRoot, sinkRoot)
}
