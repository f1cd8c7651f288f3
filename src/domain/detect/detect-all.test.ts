import { describe, expect, it } from "vitest"

import { detectAll } from "./detect-all"

const codePattern = /\b(?:C|CLI)-?\d{4,6}\b/gu

describe("detectAll", () => {
  it("returns phones, emails and codes in text order", () => {
    const text = "C-00123 : jean@exemple.fr, tél. 01 23 45 67 89 poste 12"
    expect(detectAll(text, { defaultCountry: "FR", codePattern })).toEqual([
      { kind: "code", start: 0, end: 7, value: "C-00123" },
      { kind: "email", start: 10, end: 25, value: "jean@exemple.fr" },
      { kind: "phone", start: 32, end: 55, value: "+33123456789", extension: "12" }
    ])
  })

  it("lets an email win over the phone number inside it", () => {
    expect(detectAll("0612345678@sms.exemple.fr", { defaultCountry: "FR", codePattern })).toEqual([
      { kind: "email", start: 0, end: 25, value: "0612345678@sms.exemple.fr" }
    ])
  })

  it("lets a phone number win over a code pattern that also matches it", () => {
    const found = detectAll("06 12 34 56 78", { defaultCountry: "FR", codePattern: /\d{2} \d{2} \d{2}/gu })
    expect(found.map((d) => d.kind)).toEqual(["phone"])
  })

  it("skips codes when there is no pattern", () => {
    expect(detectAll("C-00123", { defaultCountry: "FR", codePattern: null })).toEqual([])
  })
})
