/**
 * Resolves a pin name used by a link or an `inputDefault` key against a block's declared pins: the plain pin,
 * the implicit `error` output, the open outputs of `dynamicOutput` blocks, and dynamic parts (`values_#_k`,
 * `items_$_0`, nested) of list- or object-typed pins. The result is the pin type the name stands for.
 */
import type { AnyBlock } from "@weft/block-sdk"
import { SchemaAST } from "effect"
import { parsePinName } from "./PinName.ts"
import { anyPinType, type PinType, sinkPinType, sourcePinType, stepInto, stringPinType } from "./PinType.ts"

export type PinSide = "input" | "output"

export type PinResolution =
  | { readonly _tag: "Resolved"; readonly base: string; readonly type: PinType }
  | { readonly _tag: "UnknownPin"; readonly base: string; readonly known: ReadonlyArray<string> }
  | { readonly _tag: "InvalidPart"; readonly base: string; readonly reason: string }

/** Every block yields failures on `error` (semantics.md "Errors"), whether it declares it or not. */
export const errorPin = "error"

export const knownPins = (block: AnyBlock<unknown>, side: PinSide): ReadonlyArray<string> =>
  side === "input"
    ? Object.keys(block.input)
    : [...Object.keys(block.output), ...(errorPin in block.output ? [] : [errorPin])]

const basePinType = (block: AnyBlock<unknown>, side: PinSide, base: string): PinType | undefined => {
  const fields = side === "input" ? block.input : block.output
  const field = fields[base]
  if (field !== undefined) return side === "input" ? sinkPinType(field.ast) : sourcePinType(field.ast)
  if (side === "output" && base === errorPin) return stringPinType
  if (side === "output" && block.dynamicOutput === true) return anyPinType
  return undefined
}

export const resolvePin = (block: AnyBlock<unknown>, side: PinSide, name: string): PinResolution => {
  // A declared name wins even if it happens to contain a delimiter.
  const exact = basePinType(block, side, name)
  if (exact !== undefined && Object.hasOwn(side === "input" ? block.input : block.output, name)) {
    return { _tag: "Resolved", base: name, type: exact }
  }
  const { base, steps } = parsePinName(name)
  if (base === "") return { _tag: "UnknownPin", base, known: knownPins(block, side) }
  const baseType = basePinType(block, side, base)
  if (baseType === undefined) return { _tag: "UnknownPin", base, known: knownPins(block, side) }
  const toPinType = side === "input" ? sinkPinType : sourcePinType
  let type = baseType
  for (const step of steps) {
    const next = stepInto(type, step, toPinType)
    if (next._tag === "Invalid") return { _tag: "InvalidPart", base, reason: next.reason }
    type = next.type
  }
  return { _tag: "Resolved", base, type }
}

/** Whether the input pin must be given: its key is not optional on the encoded side (defaults make it optional). */
export const isRequiredInput = (block: AnyBlock<unknown>, pin: string): boolean => {
  const field = block.input[pin]
  return field !== undefined && !SchemaAST.isOptional(SchemaAST.toEncoded(field.ast))
}
