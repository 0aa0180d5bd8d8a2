/**
 * Branded identifiers of the domain model. Branding keeps a graph id from being passed where a node id is
 * expected; the brands cost nothing at run time.
 */
import { Schema } from "effect"

export const GraphId = Schema.NonEmptyString.pipe(Schema.brand("GraphId"))
export type GraphId = typeof GraphId.Type

export const GraphVersion = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)).pipe(Schema.brand("GraphVersion"))
export type GraphVersion = typeof GraphVersion.Type

export const NodeId = Schema.NonEmptyString.pipe(Schema.brand("NodeId"))
export type NodeId = typeof NodeId.Type

export const LinkId = Schema.NonEmptyString.pipe(Schema.brand("LinkId"))
export type LinkId = typeof LinkId.Type

export const ExecutionId = Schema.NonEmptyString.pipe(Schema.brand("ExecutionId"))
export type ExecutionId = typeof ExecutionId.Type

export const NodeExecutionId = Schema.NonEmptyString.pipe(Schema.brand("NodeExecutionId"))
export type NodeExecutionId = typeof NodeExecutionId.Type

export const UserId = Schema.NonEmptyString.pipe(Schema.brand("UserId"))
export type UserId = typeof UserId.Type

export const CredentialId = Schema.NonEmptyString.pipe(Schema.brand("CredentialId"))
export type CredentialId = typeof CredentialId.Type
