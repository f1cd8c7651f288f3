export * from "./call-record"
export * from "./dial-target"
export * from "./phone-state"
