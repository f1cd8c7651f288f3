import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { findPhones, type FindPhonesOptions } from "./find-phones"

/**
 * Upstream libphonenumber / libphonenumber-js "find numbers in text" cases (tests/fixtures/phone-cases.json, read
 * its "description"). libphonenumber-js itself agrees with 97 of the 99 expectations with its `min` metadata, so
 * the project's detector must too: its prefilter and page rules may not cost a single upstream case.
 */
interface PhoneCase {
  text: string
  region: string | null
  expected: string[]
  /** "any": the upstream assertion holds at every leniency; we check the two libphonenumber-js supports. */
  leniency: "VALID" | "POSSIBLE" | "any"
  spans?: [number, number][]
  ext?: (string | null)[]
  note?: string
}

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL("../../../tests/fixtures/phone-cases.json", import.meta.url)), "utf8")) as {
  count: number
  cases: PhoneCase[]
}

type Leniency = NonNullable<FindPhonesOptions["leniency"]>
const leniencies = (c: PhoneCase): Leniency[] => (c.leniency === "any" ? ["VALID", "POSSIBLE"] : [c.leniency])

function disagreement(c: PhoneCase, leniency: Leniency): string | null {
  const found = findPhones(c.text, c.region, { leniency })
  const e164 = found.map((m) => m.e164)
  if (JSON.stringify(e164) !== JSON.stringify(c.expected)) return `found ${JSON.stringify(e164)}`
  if (c.spans) {
    const spans = found.map((m) => [m.start, m.end])
    if (JSON.stringify(spans) !== JSON.stringify(c.spans)) return `spans ${JSON.stringify(spans)}`
  }
  if (c.ext) {
    const ext = found.map((m) => m.extension ?? null)
    if (JSON.stringify(ext) !== JSON.stringify(c.ext)) return `extensions ${JSON.stringify(ext)}`
  }
  return null
}

describe("phone detection against the upstream conformance cases", () => {
  it("reads all 99 cases from the fixture", () => {
    expect(fixture.cases).toHaveLength(99)
    expect(fixture.count).toBe(99)
  })

  it("agrees with the upstream expectation in at least 97 of the 99 cases", () => {
    const failures: string[] = []
    fixture.cases.forEach((c, i) => {
      for (const leniency of leniencies(c)) {
        const why = disagreement(c, leniency)
        if (why !== null) {
          failures.push(`#${i} ${JSON.stringify(c.text)} region=${c.region} leniency=${leniency}: expected ${JSON.stringify(c.expected)}, ${why}`)
          return
        }
      }
    })
    const agreeing = fixture.cases.length - failures.length
    console.log(`phone conformance: ${agreeing}/${fixture.cases.length}\n${failures.join("\n")}`)
    expect(agreeing).toBeGreaterThanOrEqual(97)
  })

  it("finds exactly what a scan of the whole text finds, so the prefilter loses no case", () => {
    for (const c of fixture.cases) {
      for (const leniency of leniencies(c)) {
        expect(findPhones(c.text, c.region, { leniency }), c.text).toEqual(findPhones(c.text, c.region, { leniency, prefilter: false }))
      }
    }
  })
})
