export * from "./merge"
export * from "./protocol"
export * from "./replica"
export * from "./tables"
