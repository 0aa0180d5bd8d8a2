export * from "./model/Ids.ts"
export * from "./model/Status.ts"
export * from "./model/Graph.ts"
export * from "./model/Execution.ts"
