import { describe, expect, it } from "vitest"

import { detectAll, detectMany } from "./detect-all"

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

  it("gives for a batch of texts exactly what it gives for each text alone", () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const parts = [
      "01 23 45 67 89",
      "+44 20 7946 0958",
      "jean@exemple.fr",
      "C-00123",
      "FA2026000042",
      "29/11/2026",
      "1 234,56 €",
      "Tél.",
      "SIREN",
      "poste 12",
      ", ",
      "\n",
      "abc",
      "123 456 789",
      "０６ １２ ３４ ５６ ７８",
      "٠١٢٣٤٥٦٧٨٩",
      "+",
      "x12"
    ]
    const texts = Array.from({ length: 120 }, () =>
      Array.from({ length: Math.floor(rnd() * 8) }, () => parts[Math.floor(rnd() * parts.length)]).join(rnd() < 0.5 ? " " : "")
    )
    for (const defaultCountry of ["FR", "US", null] as const) {
      const opts = { defaultCountry, codePattern }
      expect(detectMany(texts, opts)).toEqual(texts.map((t) => detectAll(t, opts)))
    }
    expect(detectMany([], { defaultCountry: "FR", codePattern })).toEqual([])
  })
})
