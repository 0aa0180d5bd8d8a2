/**
 * Checks that a graph would start with the given inputs, without storing anything: the same pure check
 * `Executions.start` makes, for callers that must not write a graph whose run would be rejected.
 */
import { Result } from "effect"
import {
  compile,
  ExecutionId,
  GraphId,
  GraphVersion,
  type Link,
  type Node,
  start,
  type StartRejected,
  UserId
} from "@weft/runtime"
import type { BlockCatalog } from "./BlockCatalog.ts"

export const checkStart = (
  catalog: BlockCatalog,
  graph: { readonly name: string; readonly nodes: ReadonlyArray<Node>; readonly links: ReadonlyArray<Link> },
  inputs: Readonly<Record<string, unknown>>
): Result.Result<void, StartRejected> => {
  const compiled = compile(
    {
      ...graph,
      id: GraphId.make("unsaved"),
      version: GraphVersion.make(1),
      description: "",
      isActive: true,
      ownerId: UserId.make("unsaved"),
      createdAt: ""
    },
    catalog.blockInfo
  )
  return Result.map(start(compiled, ExecutionId.make("unsaved"), inputs), () => undefined)
}

/** One line per problem: unknown inputs first, then each starting node's errors. */
export const describeRejection = (rejected: StartRejected): ReadonlyArray<string> => [
  ...rejected.unknownInputs.map((name) => `unknown input "${name}"`),
  ...Object.entries(rejected.nodeErrors).map(([node, errors]) => `node "${node}": ${errors.join(", ")}`)
]
