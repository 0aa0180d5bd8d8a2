/** Weft's HTTP blocks, published as the plugin package `@weft/blocks-http`. */
export { HttpRequest } from "./HttpRequest.ts"
