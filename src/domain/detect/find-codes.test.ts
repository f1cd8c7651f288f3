import { describe, expect, it } from "vitest"

import { compileCodePattern, DEFAULT_SETTINGS } from "../settings/settings.schema"
import { findCodes } from "./find-codes"

function pattern(source: string): RegExp {
  const compiled = compileCodePattern(source)
  if (!compiled.ok) throw new Error(compiled.error)
  return compiled.re
}

describe("findCodes", () => {
  const re = pattern(DEFAULT_SETTINGS.customerCodePattern)

  it("finds codes with the default pattern, with offsets, upper-cased", () => {
    expect(findCodes("Client C-00123, ancien code CLI0042.", re)).toEqual([
      { start: 7, end: 14, code: "C-00123" },
      { start: 28, end: 35, code: "CLI0042" }
    ])
  })

  it("upper-cases what a pattern accepting lower case finds", () => {
    expect(findCodes("voir cli-00042", pattern("[Cc][Ll][Ii]-\\d{5}")).map((c) => c.code)).toEqual(["CLI-00042"])
  })

  it("leaves the shared pattern reusable: the same RegExp gives the same answer twice", () => {
    expect(findCodes("C-00123", re)).toHaveLength(1)
    expect(findCodes("C-00123", re)).toHaveLength(1)
    expect(re.lastIndex).toBe(0)
  })

  it("accepts a non-global RegExp and finds every occurrence", () => {
    expect(findCodes("C-1234 et C-5678", /C-\d{4}/).map((c) => c.code)).toEqual(["C-1234", "C-5678"])
  })

  it("skips empty matches instead of looping", () => {
    expect(findCodes("abc", /x*/gu)).toEqual([])
  })

  it("finds nothing in invoice or order numbers the default pattern does not describe", () => {
    expect(findCodes("FA202611290042 CMD-2026-001234 C-12", re)).toEqual([])
  })
})
