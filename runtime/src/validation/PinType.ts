/**
 * A coarse, JSON-level view of a pin's Effect Schema, enough to tell whether a link can ever carry a value the
 * sink accepts (string vs number, list vs object, ...). It is derived from the schema's AST so that literals,
 * unions, optional fields and transformations are all understood; anything opaque (Unknown, Any, declarations
 * such as Date) is treated as "any" so validation never rejects a graph the engine could run.
 */
import { SchemaAST } from "effect"
import { isListIndex, type PinStep } from "./PinName.ts"

export type PinKind = "string" | "number" | "boolean" | "bigint" | "symbol" | "null" | "undefined" | "list" | "object"

/** `any` accepts and may yield every kind; otherwise `kinds` lists what the pin can hold. */
export type PinType =
  | { readonly _tag: "Any" }
  | { readonly _tag: "Kinds"; readonly kinds: ReadonlySet<PinKind>; readonly asts: ReadonlyArray<SchemaAST.AST> }

export const anyPinType: PinType = { _tag: "Any" }

const nonNullish: ReadonlyArray<PinKind> = ["string", "number", "boolean", "bigint", "symbol", "list", "object"]

/** The kind of a concrete JSON-ish value, in the same terms as pin types. */
export const kindOfValue = (value: unknown): PinKind => {
  if (value === null) return "null"
  switch (typeof value) {
    case "string":
      return "string"
    case "number":
      return "number"
    case "boolean":
      return "boolean"
    case "bigint":
      return "bigint"
    case "symbol":
      return "symbol"
    case "undefined":
      return "undefined"
    default:
      return Array.isArray(value) ? "list" : "object"
  }
}

/** Collects the members of unions and suspensions into plain ASTs; `undefined` means "any". */
const flatten = (ast: SchemaAST.AST, seen: Set<SchemaAST.AST>): Array<SchemaAST.AST> | undefined => {
  if (seen.has(ast)) return []
  seen.add(ast)
  switch (ast._tag) {
    case "Unknown":
    case "Any":
    case "Declaration":
    case "Never":
      return undefined
    case "Union": {
      const out: Array<SchemaAST.AST> = []
      for (const member of ast.types) {
        const flat = flatten(member, seen)
        if (flat === undefined) return undefined
        out.push(...flat)
      }
      return out
    }
    case "Suspend":
      return flatten(ast.thunk(), seen)
    default:
      return [ast]
  }
}

const kindsOf = (ast: SchemaAST.AST): ReadonlyArray<PinKind> => {
  switch (ast._tag) {
    case "String":
    case "TemplateLiteral":
      return ["string"]
    case "Number":
      return ["number"]
    case "Boolean":
      return ["boolean"]
    case "BigInt":
      return ["bigint"]
    case "Symbol":
    case "UniqueSymbol":
      return ["symbol"]
    case "Null":
      return ["null"]
    case "Undefined":
    case "Void":
      return ["undefined"]
    case "Literal":
      return [kindOfValue(ast.literal)]
    case "Enum":
      return ast.enums.map(([, value]) => kindOfValue(value))
    case "ObjectKeyword":
      return ["list", "object"]
    case "Arrays":
      return ["list"]
    case "Objects":
      // `Schema.Struct({})` accepts any non-nullish value, not only objects.
      return ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0 ? nonNullish : ["object"]
    default:
      return nonNullish
  }
}

/** The pin type of an AST as it is (callers pick the encoded side for sinks and the type side for sources). */
export const pinTypeOfAst = (ast: SchemaAST.AST): PinType => {
  const members = flatten(ast, new Set())
  if (members === undefined) return anyPinType
  const kinds = new Set<PinKind>()
  for (const member of members) for (const kind of kindsOf(member)) kinds.add(kind)
  return { _tag: "Kinds", kinds, asts: members }
}

/** What a sink accepts: the encoded side, since the engine decodes the merged input. */
export const sinkPinType = (ast: SchemaAST.AST): PinType => pinTypeOfAst(SchemaAST.toEncoded(ast))

/** What a source yields: the decoded (type) side of its output schema. */
export const sourcePinType = (ast: SchemaAST.AST): PinType => pinTypeOfAst(SchemaAST.toType(ast))

export const stringPinType: PinType = { _tag: "Kinds", kinds: new Set(["string"]), asts: [SchemaAST.string] }

/** A link is plausible when some value could both come out of the source and be accepted by the sink. */
export const isCompatible = (source: PinType, sink: PinType): boolean => {
  if (source._tag === "Any" || sink._tag === "Any") return true
  for (const kind of source.kinds) if (sink.kinds.has(kind)) return true
  return false
}

/** A short human description: `string`, `number | null`, `list`, `any`. */
export const describePinType = (type: PinType): string =>
  type._tag === "Any" ? "any" : type.kinds.size === 0 ? "nothing" : [...type.kinds].join(" | ")

export type StepResult =
  | { readonly _tag: "Ok"; readonly type: PinType }
  | { readonly _tag: "Invalid"; readonly reason: string }

const indexAccepts = (parameter: SchemaAST.AST, key: string): boolean => {
  switch (parameter._tag) {
    case "String":
    case "TemplateLiteral":
      return true
    case "Literal":
      return parameter.literal === key
    case "Union":
      return parameter.types.some((member) => indexAccepts(member, key))
    default:
      return false
  }
}

const elementOfList = (ast: SchemaAST.Arrays, key: string): SchemaAST.AST | undefined => {
  const index = Number(key)
  const element = ast.elements[index]
  if (element !== undefined) return element
  return ast.rest[0]
}

const memberOfObject = (ast: SchemaAST.Objects, key: string): SchemaAST.AST | undefined => {
  const property = ast.propertySignatures.find((p) => p.name === key)
  if (property !== undefined) return property.type
  if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) return SchemaAST.unknown
  return ast.indexSignatures.find((index) => indexAccepts(index.parameter, key))?.type
}

/**
 * The type of the part `step` addresses inside a value of `type`, or why the step cannot apply (a list step
 * into a string pin, a key that a closed struct does not declare, ...). `toPinType` re-derives the side.
 */
export const stepInto = (type: PinType, step: PinStep, toPinType: (ast: SchemaAST.AST) => PinType): StepResult => {
  const wantList = step.kind === "$"
  if (step.key === "")
    return { _tag: "Invalid", reason: `the ${wantList ? "list index" : "key"} after "_${step.kind}_" is empty` }
  if (wantList && !isListIndex(step.key)) {
    return { _tag: "Invalid", reason: `list index "${step.key}" is not a non-negative integer` }
  }
  if (type._tag === "Any") return { _tag: "Ok", type: anyPinType }
  const found: Array<SchemaAST.AST> = []
  let containerSeen = false
  for (const ast of type.asts) {
    if (ast._tag === "ObjectKeyword") return { _tag: "Ok", type: anyPinType }
    if (wantList && ast._tag === "Arrays") {
      containerSeen = true
      const element = elementOfList(ast, step.key)
      if (element !== undefined) found.push(element)
    }
    if (!wantList && ast._tag === "Objects") {
      containerSeen = true
      const member = memberOfObject(ast, step.key)
      if (member !== undefined) found.push(member)
    }
  }
  if (!containerSeen) {
    return {
      _tag: "Invalid",
      reason: `it is ${describePinType(type)}, not ${wantList ? "a list" : "an object"}`
    }
  }
  if (found.length === 0) {
    return {
      _tag: "Invalid",
      reason: wantList ? `the list has no element ${step.key}` : `the object declares no key "${step.key}"`
    }
  }
  const [first, ...others] = found
  if (first !== undefined && others.length === 0) return { _tag: "Ok", type: toPinType(first) }
  return { _tag: "Ok", type: toPinType(new SchemaAST.Union(found)) }
}
