import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { parsePoke } from "./sync"

describe("the poke stream parser", () => {
  it("reads the version of a poke and ignores comments, retry hints and other events", () => {
    expect(parsePoke('event: poke\ndata: {"version":42}')).toBe(42)
    expect(parsePoke(": keep-alive")).toBeNull()
    expect(parsePoke("retry: 3000")).toBeNull()
    expect(parsePoke('event: other\ndata: {"version":1}')).toBeNull()
    expect(parsePoke("event: poke\ndata: not json")).toBeNull()
  })
})
