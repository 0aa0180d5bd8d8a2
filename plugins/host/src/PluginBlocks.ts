/**
 * Turns an installed plugin version into blocks the engine can run: one `AnyBlock` per block the plugin
 * exports, whose input and output schemas are Effect Schemas derived from the JSON Schemas the sandbox
 * reported (effect's `SchemaRepresentation.fromJsonSchemaDocument`), and whose `run` is a sandbox call. The
 * host checks every yield again against those schemas: the sandbox's own check runs in untrusted code.
 */
import { type AnyBlock, BlockError, type Fields } from "@weft/block-sdk"
import { Effect, Redacted, Schema, SchemaRepresentation, type Scope, Stream } from "effect"
import * as NodePath from "node:path"
import { type PluginSandbox, type PluginSandboxOptions, makePluginSandbox } from "./PluginSandbox.ts"
import { readPluginPackage, type PluginManifestError, type PluginPackageJson } from "./PluginManifest.ts"
import type { SandboxError } from "./SandboxProcess.ts"

/** What the host reads of a sandbox's block descriptor (the SDK's `BlockDescriptor`, checked). */
const JsonObject = Schema.Record(Schema.String, Schema.Unknown)
export const PluginBlockDescriptor = Schema.Struct({
  id: Schema.NonEmptyString,
  version: Schema.String,
  name: Schema.String,
  description: Schema.String,
  categories: Schema.Array(Schema.String),
  inputSchema: JsonObject,
  outputSchema: JsonObject,
  staticOutput: Schema.Boolean,
  dynamicOutput: Schema.Boolean,
  credentials: Schema.Record(
    Schema.String,
    Schema.Struct({ provider: Schema.String, description: Schema.optionalKey(Schema.String) })
  )
})
export type PluginBlockDescriptor = typeof PluginBlockDescriptor.Type

export class PluginLoadError extends Schema.TaggedError<PluginLoadError>()("PluginLoadError", {
  directory: Schema.String,
  message: Schema.String
}) {}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The Effect Schema of one pin's JSON Schema (`$defs` of the whole document shared). */
const pinSchema = (property: unknown, definitions: Record<string, Record<string, unknown>>): Fields[string] => {
  const schema = SchemaRepresentation.fromJsonSchemaDocument(
    { dialect: "draft-2020-12", schema: isRecord(property) ? { ...property } : {}, definitions },
    {
      patterns: "apply",
      includeAnnotationKey: (key) => key === "advanced" || key === "secret" || key === "placeholder"
    }
  )
  // Boundary cast: an imported JSON Schema has no decoding services, but `fromJsonSchemaDocument` returns `Top`.
  return schema as unknown as Fields[string]
}

/** The pins of an object JSON Schema as struct fields; pins not `required` become optional keys. */
export const fieldsFromJsonSchema = (
  document: Readonly<Record<string, unknown>>,
  skip: ReadonlyArray<string> = []
): Fields => {
  const properties = isRecord(document["properties"]) ? document["properties"] : {}
  const required = Array.isArray(document["required"]) ? document["required"] : []
  const definitions: Record<string, Record<string, unknown>> = {}
  for (const [name, definition] of Object.entries(isRecord(document["$defs"]) ? document["$defs"] : {})) {
    if (isRecord(definition)) definitions[name] = { ...definition }
  }
  const fields: Record<string, Fields[string]> = {}
  for (const [pin, property] of Object.entries(properties)) {
    if (skip.includes(pin)) continue
    const schema = pinSchema(property, definitions)
    fields[pin] = required.includes(pin) ? schema : Schema.optionalKey(schema)
  }
  return fields
}

const hostCheck = (descriptor: PluginBlockDescriptor, output: Fields) => {
  const checks = new Map(Object.entries(output).map(([pin, field]) => [pin, Schema.is(field)]))
  return (pin: string, value: unknown): string | undefined => {
    if (pin === "error") return typeof value === "string" ? undefined : "the error pin carries a string"
    const check = checks.get(pin)
    if (check === undefined) return descriptor.dynamicOutput ? undefined : `block has no output pin "${pin}"`
    return check(value) ? undefined : `value does not match the schema of output pin "${pin}"`
  }
}

/** A plugin block as the engine sees it. */
export const pluginBlock = (
  descriptor: PluginBlockDescriptor,
  sandbox: PluginSandbox,
  timeLimitMs?: number
): AnyBlock => {
  const input = fieldsFromJsonSchema(descriptor.inputSchema)
  const output = fieldsFromJsonSchema(descriptor.outputSchema, ["error"])
  const mismatch = hostCheck(descriptor, output)
  const run = (decoded: unknown, ctx: Parameters<AnyBlock["run"]>[1]) =>
    sandbox
      .execute({
        blockId: descriptor.id,
        input: decoded,
        context: {
          executionId: ctx.executionId,
          nodeExecutionId: ctx.nodeExecutionId,
          nodeId: ctx.nodeId,
          attempt: ctx.attempt,
          idempotencyKey: ctx.idempotencyKey
        },
        credentials: Object.fromEntries(
          Object.entries(ctx.credentials).map(([name, value]) => [name, Redacted.value(value)])
        ),
        ...(timeLimitMs === undefined ? {} : { timeLimitMs })
      })
      .pipe(
        Stream.mapEffect((y) => {
          const problem = mismatch(y.pin, y.value)
          return problem === undefined
            ? Effect.succeed(y)
            : Effect.fail(
                new BlockError({
                  message: `Plugin block "${descriptor.id}" yielded an invalid value: ${problem}`,
                  retryable: false
                })
              )
        })
      )
  return {
    id: descriptor.id,
    version: descriptor.version,
    name: descriptor.name,
    description: descriptor.description,
    categories: descriptor.categories,
    input,
    output,
    inputSchema: Schema.Struct(input),
    outputSchema: Schema.Struct(output),
    staticOutput: descriptor.staticOutput,
    dynamicOutput: descriptor.dynamicOutput,
    credentials: descriptor.credentials,
    run
  }
}

export interface LoadedPlugin {
  readonly package: string
  readonly version: string
  readonly manifest: PluginPackageJson["weft"]
  readonly descriptors: ReadonlyArray<PluginBlockDescriptor>
  readonly blocks: ReadonlyArray<AnyBlock>
}

/**
 * Loads the plugin unpacked in `directory` into a sandbox pool (kept for the scope) and returns its blocks,
 * in the shape `BlockRegistry.make({ plugins })` takes.
 */
export const loadPlugin = Effect.fn("PluginBlocks.load")(function* (
  directory: string,
  options: PluginSandboxOptions & { readonly timeLimitMs?: number } = {}
): Effect.fn.Return<LoadedPlugin, PluginLoadError | PluginManifestError | SandboxError, Scope.Scope> {
  const pkg = yield* readPluginPackage(directory)
  const sandbox = yield* makePluginSandbox(
    {
      directory,
      entries: pkg.weft.blocks.map((entry) => NodePath.join(directory, entry)),
      net: pkg.weft.permissions.net
    },
    options
  )
  const descriptors = yield* Schema.decodeUnknownEffect(Schema.Array(PluginBlockDescriptor))(sandbox.descriptors).pipe(
    Effect.mapError(
      (issue) =>
        new PluginLoadError({ directory, message: `the plugin described its blocks wrongly: ${issue.message}` })
    )
  )
  const blocks = yield* Effect.try({
    try: () => descriptors.map((descriptor) => pluginBlock(descriptor, sandbox, options.timeLimitMs)),
    catch: (cause) => new PluginLoadError({ directory, message: `cannot use the plugin's schemas: ${String(cause)}` })
  })
  const loaded: LoadedPlugin = { package: pkg.name, version: pkg.version, manifest: pkg.weft, descriptors, blocks }
  return loaded
})
