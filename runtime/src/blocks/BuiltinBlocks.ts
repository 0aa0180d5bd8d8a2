/**
 * The blocks every Weft installation has, named by `{ id }` alone in a graph (graph-format.md).
 */
import type { AnyBlock } from "@weft/block-sdk"
import { AgentExecutorBlock } from "./AgentExecutor.ts"
import { AgentInputBlock } from "./AgentInput.ts"
import { AgentOutputBlock } from "./AgentOutput.ts"
import { CalculatorBlock } from "./Calculator.ts"
import { ConditionBlock } from "./Condition.ts"
import { CreateDictionaryBlock } from "./CreateDictionary.ts"
import { CreateListBlock } from "./CreateList.ts"
import { FillTextTemplateBlock } from "./FillTextTemplate.ts"
import { NoteBlock } from "./Note.ts"
import { StepThroughItemsBlock } from "./StepThroughItems.ts"
import { StoreValueBlock } from "./StoreValue.ts"
import type { SubgraphRunner } from "./SubgraphRunner.ts"
import { WaitBlock } from "./Wait.ts"

/** What running any block may need: built-ins need nothing but the sub-graph seam. */
export type BlockServices = SubgraphRunner

export const builtinBlocks: ReadonlyArray<AnyBlock<BlockServices>> = [
  AgentInputBlock,
  AgentOutputBlock,
  StoreValueBlock,
  NoteBlock,
  FillTextTemplateBlock,
  CalculatorBlock,
  ConditionBlock,
  StepThroughItemsBlock,
  CreateListBlock,
  CreateDictionaryBlock,
  AgentExecutorBlock,
  WaitBlock
]

export const builtinBlocksById: Readonly<Record<string, AnyBlock<BlockServices>>> = Object.fromEntries(
  builtinBlocks.map((block) => [block.id, block])
)

/** The ids the engine treats specially (graph inputs and outputs, notes it skips, sub-graphs). */
export const BuiltinBlockIds = {
  AgentInput: AgentInputBlock.id,
  AgentOutput: AgentOutputBlock.id,
  Note: NoteBlock.id,
  AgentExecutor: AgentExecutorBlock.id
} as const
