import { describe, expect, it } from "vitest"

import { SETTINGS_DEFAULTS, compileCodePattern } from "../settings/settings-values"
import { compileCodeShapes, learnCodeShapes, pagePattern } from "./code-shapes"
import { findCodes } from "./find-codes"

const codes = (prefix: string, digits: number, n: number, from = 1) => Array.from({ length: n }, (_, i) => `${prefix}${String(from + i).padStart(digits, "0")}`)

describe("learnCodeShapes", () => {
  it("learns CL-01087 as [A-Z]{2}-\\d{5}, searched with its own letters", () => {
    expect(learnCodeShapes(codes("CL-", 5, 50, 1000))).toEqual([{ shape: "[A-Z]{2}-\\d{5}", source: "CL-\\d{5}", count: 50 }])
  })

  it("keeps mixed shapes apart, the most common first, and joins digit counts of one shape", () => {
    const base = [...codes("CL-", 5, 60), ...codes("CLI", 4, 30), "C-123", "C-1234", "C-12345", "C-99", ...codes("FR/", 3, 10).map((c) => c.replace("FR/", "FR/A"))]
    expect(learnCodeShapes(base).map((s) => [s.shape, s.source, s.count])).toEqual([
      ["[A-Z]{2}-\\d{5}", "CL-\\d{5}", 60],
      ["[A-Z]{3}\\d{4}", "CLI\\d{4}", 30],
      ["[A-Z]{2}\\/[A-Z]{1}\\d{3}", "FR\\/A\\d{3}", 10],
      ["[A-Z]{1}-\\d{2,5}", "C-\\d{2,5}", 4]
    ])
  })

  it("ignores a few outliers: a typo, a legacy code, a code without digits", () => {
    const base = [...codes("CL-", 5, 200), "CL01087", "clt 12", "DUPONT-INDUS", "12345", "??"]
    expect(learnCodeShapes(base).map((s) => s.shape)).toEqual(["[A-Z]{2}-\\d{5}"])
  })

  it("uses a letter class when the letters vary too much to list", () => {
    const base = ["AB-1234", "CD-2345", "EF-3456", "GH-4567", "IJ-5678", "KL-6789"]
    expect(learnCodeShapes(base)).toEqual([{ shape: "[A-Z]{2}-\\d{4}", source: "[A-Z]{2}-\\d{4}", count: 6 }])
    expect(learnCodeShapes(["AB-1234", "CD-2345"])[0]!.source).toBe("(?:AB|CD)-\\d{4}")
  })

  it("keeps at most maxShapes shapes", () => {
    const base = ["A", "BB", "CCC", "DDDD", "EEEEE", "FFFFFF", "GGGGGGG", "HHHHHHHH"].flatMap((p) => codes(`${p}-`, 3, 5))
    expect(learnCodeShapes(base, { maxShapes: 3 })).toHaveLength(3)
    expect(learnCodeShapes(base)).toHaveLength(6)
  })
})

describe("the page's code pattern", () => {
  const learned = learnCodeShapes(codes("CL-", 5, 20, 1080)).map((s) => s.source)

  it("finds codes of the learned shapes as whole words, and the default pattern's codes still", () => {
    const source = pagePattern(SETTINGS_DEFAULTS.customerCodePattern, SETTINGS_DEFAULTS.customerCodePattern, learned)
    const compiled = compileCodePattern(source)
    expect(compiled.ok).toBe(true)
    const re = compiled.ok ? compiled.re : /$^/g
    expect(findCodes("Client CL-01087, ancien C-00123; pas XCL-01087 ni CL-010870 ni FR-75001", re).map((c) => c.code)).toEqual(["CL-01087", "C-00123"])
  })

  it("is the user's pattern alone when the user wrote one", () => {
    expect(pagePattern("ACME\\d+", SETTINGS_DEFAULTS.customerCodePattern, learned)).toBe("ACME\\d+")
  })

  it("compiles shapes alone for a page", () => {
    expect(findCodes("CL-01087 / CL-1", compileCodeShapes(learned)!).map((c) => c.code)).toEqual(["CL-01087"])
    expect(compileCodeShapes([])).toBeNull()
  })
})
