/** Weft's core blocks, published as the plugin package `@weft/blocks-core`. */
export { JsonParse, JsonStringify, GetPath, SetPath } from "./DataBlocks.ts"
export {
  DictEntries,
  DictFromEntries,
  DictHasKey,
  DictKeys,
  DictMerge,
  DictRemoveKey,
  DictValues
} from "./DictionaryBlocks.ts"
export {
  ListAppend,
  ListConcat,
  ListGetItem,
  ListIndexOf,
  ListLength,
  ListReverse,
  ListSlice,
  ListSort,
  ListUnique
} from "./ListBlocks.ts"
export { Compare, Range, Switch } from "./LogicBlocks.ts"
export { AggregateNumbers, Clamp, MathOps } from "./MathBlocks.ts"
export {
  ChangeCase,
  JoinText,
  RegexMatch,
  RegexReplace,
  SplitText,
  TextContains,
  TextLength,
  TrimText
} from "./TextBlocks.ts"
export { AddTime, FormatTime, Now, TimeDifference } from "./TimeBlocks.ts"
