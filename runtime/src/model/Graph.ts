/**
 * Graphs, nodes and links as stored and exchanged (semantics.md "Data model", graph-format.md). A graph is
 * keyed by `(id, version)`; versions are immutable once saved.
 */
import { Schema } from "effect"
import { GraphId, GraphVersion, LinkId, NodeId, UserId } from "./Ids.ts"

/** `{ id }` names a built-in block; `{ package, version, id }` a plugin block pinned to an exact version. */
export const BlockRef = Schema.Struct({
  id: Schema.NonEmptyString,
  version: Schema.optionalKey(Schema.NonEmptyString),
  package: Schema.optionalKey(Schema.NonEmptyString)
})
export type BlockRef = typeof BlockRef.Type

export const JsonObject = Schema.Record(Schema.String, Schema.Unknown)
export type JsonObject = typeof JsonObject.Type

export const Node = Schema.Struct({
  id: NodeId,
  block: BlockRef,
  inputDefault: JsonObject,
  metadata: JsonObject
})
export type Node = typeof Node.Type

export const Link = Schema.Struct({
  id: LinkId,
  sourceId: NodeId,
  sourceName: Schema.NonEmptyString,
  sinkId: NodeId,
  sinkName: Schema.NonEmptyString,
  isStatic: Schema.Boolean
})
export type Link = typeof Link.Type

export const Graph = Schema.Struct({
  id: GraphId,
  version: GraphVersion,
  name: Schema.String,
  description: Schema.String,
  nodes: Schema.Array(Node),
  links: Schema.Array(Link),
  isActive: Schema.Boolean,
  ownerId: UserId,
  createdAt: Schema.String,
  /** What its author said about this version when saving it. */
  versionMessage: Schema.optionalKey(Schema.String)
})
export type Graph = typeof Graph.Type
