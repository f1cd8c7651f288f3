import { describe, expect, it } from "vitest"

import { formOwnerOnOpen } from "./form-owner"

describe("the call whose outcome form a dock opens by itself", () => {
  it("is the call just ended, when it is still to log", () => {
    expect(formOwnerOnOpen({ call: { id: "b", phase: "ended" }, lastCallId: "b", pendingIds: ["a", "b"] })).toEqual({
      kind: "ended",
      callId: "b"
    })
  })

  it("is the last call ended once the softphone is idle again", () => {
    expect(formOwnerOnOpen({ call: null, lastCallId: "b", pendingIds: ["b", "a"] })).toEqual({ kind: "ended", callId: "b" })
  })

  it("is never an earlier call left to log while another call is under way", () => {
    expect(formOwnerOnOpen({ call: { id: "b", phase: "in-call" }, lastCallId: "a", pendingIds: ["a"] })).toBeNull()
    expect(formOwnerOnOpen({ call: { id: "b", phase: "ringing-out" }, lastCallId: "a", pendingIds: ["a"] })).toBeNull()
    expect(formOwnerOnOpen({ call: { id: "b", phase: "ringing-in" }, lastCallId: "a", pendingIds: ["a"] })).toBeNull()
  })

  it("is the call under way when the agent already began its notes", () => {
    expect(formOwnerOnOpen({ call: { id: "b", phase: "in-call" }, lastCallId: "a", pendingIds: ["a", "b"] })).toEqual({
      kind: "live",
      callId: "b"
    })
  })

  it("is none when the call just ended was already logged, even with earlier calls still to log", () => {
    expect(formOwnerOnOpen({ call: { id: "b", phase: "ended" }, lastCallId: "b", pendingIds: ["a"] })).toBeNull()
    expect(formOwnerOnOpen({ call: null, lastCallId: "b", pendingIds: ["a"] })).toBeNull()
  })

  it("is none when the ended call is not the one the softphone recorded last", () => {
    expect(formOwnerOnOpen({ call: { id: "c", phase: "ended" }, lastCallId: "a", pendingIds: ["a", "c"] })).toBeNull()
  })
})
