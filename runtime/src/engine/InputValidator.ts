/**
 * Builds `BlockInfo.validateInput` from a block's input schema: decodes the merged input and turns schema issues
 * into per-pin errors that name the pin, the expected type and the type of the value that arrived
 * ("Expected number, got string"), as semantics.md asks of a value that does not fit a sink pin. The value
 * itself is left out of the message: it may be large or secret.
 */
import { Result, Schema, SchemaIssue } from "effect"
import type { PinError } from "./CompiledGraph.ts"

/** A short name for the type of a JSON-like value. */
export const typeName = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : value === undefined ? "nothing" : typeof value

const valueAt = (
  input: unknown,
  path: ReadonlyArray<PropertyKey>
): { readonly found: boolean; readonly value: unknown } => {
  let current = input
  for (const key of path) {
    if (typeof current !== "object" || current === null || typeof key === "symbol")
      return { found: false, value: undefined }
    if (!Object.hasOwn(current, key)) return { found: false, value: undefined }
    current = Reflect.get(current, key)
  }
  return { found: true, value: current }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Converts a schema issue about `input` into per-pin errors. */
export const pinErrorsOf = (issue: SchemaIssue.Issue, input: unknown): Array<PinError> =>
  formatter(issue).issues.map(({ path, message }) => {
    const keys = (path ?? []).map((segment) =>
      typeof segment === "object" && segment !== null ? segment.key : segment
    )
    const pin = keys.length > 0 ? String(keys[0]) : "(input)"
    const at = keys.length > 1 ? ` at ${keys.slice(1).map(String).join(".")}` : ""
    const actual = valueAt(input, keys)
    const got = message.startsWith("Expected") && actual.found ? `, got ${typeName(actual.value)}` : ""
    const text = message === "Missing key" ? "a value is required" : `${message}${got}`
    return { pin, message: `${text}${at}` }
  })

/** `validateInput` for a block whose input schema is `schema` (pure; all issues are reported, not the first). */
export const inputValidator = <S extends Schema.Top & Schema.Decoder<unknown>>(schema: S) => {
  const decode = Schema.decodeUnknownResult(schema)
  return (input: Record<string, unknown>): Result.Result<Record<string, unknown>, ReadonlyArray<PinError>> => {
    const decoded = decode(input, { errors: "all" })
    if (Result.isFailure(decoded)) return Result.fail(pinErrorsOf(decoded.failure.issue, input))
    const value: unknown = decoded.success
    return isRecord(value)
      ? Result.succeed(value)
      : Result.fail([{ pin: "(input)", message: "the input schema did not decode to an object" }])
  }
}
