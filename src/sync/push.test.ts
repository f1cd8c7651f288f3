import { describe, expect, it } from "vitest"

import { refusedIndex } from "./push"
import { errorFromReply, SyncError } from "./sync-errors"

const invalid = (field?: string) => errorFromReply(400, { error: "invalid", message: "bad text", ...(field === undefined ? {} : { field }) })

describe("refusedIndex", () => {
  it("finds the change the server names", () => {
    expect(refusedIndex(invalid("/mutations/3/fields/notes"), 10)).toBe(3)
    expect(refusedIndex(invalid("/mutations/0"), 10)).toBe(0)
    expect(refusedIndex(errorFromReply(422, { error: "invalid", field: "/mutations/2/key", message: "x" }), 5)).toBe(2)
  })

  it("says unknown when the refusal names no change of a batch, and blames a change sent alone", () => {
    expect(refusedIndex(invalid(), 10)).toBe("unknown")
    expect(refusedIndex(invalid("/mutations/12/fields/notes"), 10)).toBe("unknown")
    expect(refusedIndex(invalid(), 1)).toBe(0)
    expect(refusedIndex(invalid("/mutations/12/fields/notes"), 1)).toBe(0)
  })

  it("leaves other failures to the backoff: another part of the request, another error, another status", () => {
    expect(refusedIndex(invalid("/clientId"), 10)).toBeNull()
    expect(refusedIndex(errorFromReply(400, { error: "bad-request", field: "/mutations/1", message: "x" }), 10)).toBeNull()
    expect(refusedIndex(errorFromReply(500, { error: "invalid", field: "/mutations/1", message: "x" }), 10)).toBeNull()
    expect(refusedIndex(new SyncError("offline", "down"), 10)).toBeNull()
    expect(refusedIndex(new Error("x"), 10)).toBeNull()
  })
})
