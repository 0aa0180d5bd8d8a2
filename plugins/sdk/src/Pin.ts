/**
 * Annotation helpers for a block's pins. A pin is a struct field of the block's `input` or `output`; these
 * helpers attach the documentation the studio shows (title, description, placeholder, default) and the
 * Weft-specific hints `advanced` (collapsed by default in the editor) and `secret` (masked, never logged).
 * `BlockSchema` reads them back from the field and writes them onto the pin's JSON Schema property.
 */
import { Effect, Schema } from "effect"

declare module "effect/Schema" {
  namespace Annotations {
    interface Annotations {
      /** Weft: the studio collapses this pin under "advanced". */
      readonly advanced?: boolean | undefined
      /** Weft: the value is a secret (masked in the studio, redacted in logs). */
      readonly secret?: boolean | undefined
      /** Weft: a hint shown in an empty input. */
      readonly placeholder?: string | undefined
    }
  }
}

/** What a pin may carry besides its type. (A type literal, not an interface, so it fits Effect's annotation record.) */
export type PinAnnotations = {
  readonly title?: string
  readonly description?: string
  readonly placeholder?: string
  readonly advanced?: boolean
  readonly secret?: boolean
}

/** The annotation keys that describe a pin and are copied into its JSON Schema property. */
export const pinAnnotationKeys: ReadonlyArray<string> = [
  "title",
  "description",
  "placeholder",
  "default",
  "examples",
  "advanced",
  "secret"
]

/** Weft's own keys, which JSON Schema does not know; `BlockSchema` lets them through. */
export const customAnnotationKeys: ReadonlyArray<string> = ["advanced", "secret", "placeholder"]

/** Pipeable: `Schema.String.pipe(Pin.annotate({ title: "Name" }))`. */
export const annotate =
  (annotations: PinAnnotations) =>
  <S extends Schema.Top>(schema: S): S["Rebuild"] =>
    schema.annotate(annotations)

/** Marks a pin as advanced: the editor hides it until asked. */
export const advanced = <S extends Schema.Top>(schema: S): S["Rebuild"] => schema.annotate({ advanced: true })

/** Marks a pin as secret: masked in the editor and redacted in logs. */
export const secret = <S extends Schema.Top>(schema: S): S["Rebuild"] => schema.annotate({ secret: true })

/** An input pin that may be left unset (the key is then absent from the block's input). */
export const optional = <S extends Schema.Top>(schema: S): Schema.optionalKey<S> => Schema.optionalKey(schema)

/**
 * An input pin that takes `value` when unset. The block's `run` sees the pin as always present; the JSON Schema
 * shows it as not required, with `"default": value`. `value` should be JSON so the studio can show it.
 */
export const withDefault =
  <S extends Schema.Top & { readonly DecodingServices: never }>(value: S["Type"]) =>
  (schema: S): Schema.withDecodingDefaultTypeKey<S> =>
    Schema.withDecodingDefaultTypeKey<S>(Effect.succeed(value))(schema).annotate({ default: value })
