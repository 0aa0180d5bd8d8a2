/** Weft's core blocks, published as the plugin package `@weft/blocks-core`. */
export { JsonParse, JsonStringify, GetPath, SetPath } from "./DataBlocks.ts"
export { ChangeCase, JoinText, RegexMatch, RegexReplace, SplitText } from "./TextBlocks.ts"
