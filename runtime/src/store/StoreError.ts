/**
 * The error every repository fails with when the database itself lets it down (connection lost, a row that
 * does not decode). Domain errors (not found, access denied, ...) are separate classes next to each store;
 * this one means "retry later or page someone", which is why it is one class with a `reason`.
 */
import { Effect, Schema } from "effect"
import { isSqlError, type SqlError } from "effect/sql/SqlError"

export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  operation: Schema.String,
  reason: Schema.Literals(["Database", "Decode"]),
  message: Schema.String
}) {}

type Infrastructure = SqlError | Schema.SchemaError

const isInfrastructure = (error: unknown): error is Infrastructure => isSqlError(error) || Schema.isSchemaError(error)

/** The driver's SqlError message is generic ("Query failed"); PostgreSQL's own message sits in the cause. */
const describe = (error: Infrastructure): string => {
  if (!isSqlError(error)) return error.message
  const cause = error.reason.cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}

/**
 * Turns SqlError and SchemaError into StoreError and leaves every domain error untouched. Applied once at the
 * edge of each repository operation, so the services never leak driver errors.
 */
export const mapStoreErrors =
  (operation: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, Exclude<E, Infrastructure> | StoreError, R> =>
    Effect.mapError(self, (error) =>
      isInfrastructure(error)
        ? new StoreError({ operation, reason: isSqlError(error) ? "Database" : "Decode", message: describe(error) })
        : // TypeScript cannot narrow a generic E by a negated guard; the branch above took every Infrastructure.
          (error as Exclude<E, Infrastructure>)
    )
