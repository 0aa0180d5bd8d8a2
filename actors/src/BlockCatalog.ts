/**
 * What the engine needs to know about each node's block (`BlockInfo`), its retry policy and whether the driver
 * may run it inline, derived from the registry (BlockInfo cached: the engine asks on every node it compiles).
 */
import { Duration, Result } from "effect"
import type { AnyBlock } from "@weft/block-sdk"
import { type BlockInfo, type BlockRef, inputValidator, type Node } from "@weft/runtime"

const keyOf = (ref: BlockRef) => `${ref.package ?? ""}\u0000${ref.id}\u0000${ref.version ?? ""}`

const kindOf = (ref: BlockRef): BlockInfo["kind"] => {
  if (ref.package !== undefined) return "other"
  switch (ref.id) {
    case "AgentInput":
      return "input"
    case "AgentOutput":
      return "output"
    case "Note":
      return "note"
    default:
      return "other"
  }
}

export interface BlockCatalog {
  readonly blockInfo: (node: Node) => BlockInfo
  readonly retryPolicy: (ref: BlockRef) => { readonly times: number; readonly backoffMs: number }
  /** A built-in block marked `inline` without retries: the driver may run it within its step. */
  readonly runsInline: (ref: BlockRef) => boolean
}

export const makeBlockCatalog = (resolve: (ref: BlockRef) => AnyBlock<unknown> | undefined): BlockCatalog => {
  const infos = new Map<string, BlockInfo>()
  const blockInfo = (node: Node): BlockInfo => {
    const key = keyOf(node.block)
    const cached = infos.get(key)
    if (cached !== undefined) return cached
    const block = resolve(node.block)
    const info: BlockInfo =
      block === undefined
        ? {
            blockId: node.block.id,
            staticOutput: false,
            kind: "other",
            validateInput: () => Result.fail([{ pin: "(block)", message: `unknown block ${node.block.id}` }])
          }
        : {
            blockId: block.id,
            staticOutput: block.staticOutput === true,
            kind: kindOf(node.block),
            validateInput: inputValidator(block.inputSchema)
          }
    // An unknown block is not remembered: its plugin version may load later (BlockRegistry.ensure).
    if (block !== undefined) infos.set(key, info)
    return info
  }
  const retryPolicy = (ref: BlockRef) => {
    const retry = resolve(ref)?.retry
    if (retry === undefined) return { times: 0, backoffMs: 0 }
    return {
      times: retry.times,
      backoffMs: retry.backoff === undefined ? 100 : Duration.toMillis(Duration.fromInputUnsafe(retry.backoff))
    }
  }
  const runsInline = (ref: BlockRef) => {
    if (ref.package !== undefined) return false
    const block = resolve(ref)
    return block?.inline === true && (block.retry?.times ?? 0) === 0 && block.timeout === undefined
  }
  return { blockInfo, retryPolicy, runsInline }
}
