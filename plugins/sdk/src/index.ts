export * as Block from "./Block.ts"
export { BlockError } from "./Block.ts"
export type {
  AnyBlock,
  BlockContext,
  BlockDefinition,
  CredentialRequirement,
  Fields,
  InstantBlockDefinition,
  InstantYields,
  RetryPolicy,
  Yield
} from "./Block.ts"
export * as Pin from "./Pin.ts"
export type { PinAnnotations } from "./Pin.ts"
export * as BlockSchema from "./BlockSchema.ts"
export { describeBlock, inputJsonSchema, outputJsonSchema } from "./BlockSchema.ts"
export type { BlockDescriptor, DescribableBlock } from "./BlockSchema.ts"
export * as BlockTestKit from "./BlockTestKit.ts"
export type { BlockYield, TestContextOptions } from "./BlockTestKit.ts"
