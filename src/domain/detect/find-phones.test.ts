import { describe, expect, it } from "vitest"

import { findPhones } from "./find-phones"

const e164s = (text: string, country: string | null = "FR") => findPhones(text, country).map((m) => m.e164)

describe("findPhones", () => {
  it.each([
    ["01 23 45 67 89", "+33123456789"],
    ["01.23.45.67.89", "+33123456789"],
    ["01-23-45-67-89", "+33123456789"],
    ["0123456789", "+33123456789"],
    ["06 12 34 56 78", "+33612345678"],
    ["07 51 23 45 67", "+33751234567"],
    ["+33 1 23 45 67 89", "+33123456789"],
    ["+33 (0)1 23 45 67 89", "+33123456789"],
    ["+33123456789", "+33123456789"],
    ["0033 1 23 45 67 89", "+33123456789"],
    ["01\u00A023\u00A045\u00A067\u00A089", "+33123456789"],
    ["01\u202F23\u202F45\u202F67\u202F89", "+33123456789"]
  ])("reads the French form %j as %s", (text, expected) => {
    expect(e164s(`Tél. : ${text}.`)).toEqual([expected])
  })

  it("reads British and American numbers written in international form with a French default", () => {
    expect(e164s("London +44 20 7946 0958, mobile +44 7851 297614, New York +1 212 555 0100 or +1 (415) 666-7777")).toEqual([
      "+442079460958",
      "+447851297614",
      "+12125550100",
      "+14156667777"
    ])
  })

  it("reads national forms of another country only with that country as the default", () => {
    expect(e164s("07851 297614", "FR")).toEqual([])
    expect(e164s("07851 297614", "GB")).toEqual(["+447851297614"])
    expect(e164s("(212) 555-0100", "US")).toEqual(["+12125550100"])
  })

  it("finds only international forms without a default country, and treats an unknown country the same way", () => {
    expect(e164s("01 23 45 67 89 ou +33 6 12 34 56 78", null)).toEqual(["+33612345678"])
    expect(e164s("01 23 45 67 89 ou +33 6 12 34 56 78", "XX")).toEqual(["+33612345678"])
  })

  it("gives offsets and the raw text of each number", () => {
    const text = "Appelez le 01 23 45 67 89 ou le 06.12.34.56.78 !"
    const found = findPhones(text, "FR")
    expect(found.map((m) => [m.start, m.end, m.raw])).toEqual([
      [11, 25, "01 23 45 67 89"],
      [32, 46, "06.12.34.56.78"]
    ])
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.raw)
  })

  it("reads extensions written as poste, ext. and x, and covers them in the span", () => {
    const poste = findPhones("Standard : 01 23 45 67 89 poste 123, merci", "FR")
    expect(poste).toEqual([{ start: 11, end: 35, e164: "+33123456789", extension: "123", raw: "01 23 45 67 89 poste 123" }])
    expect(findPhones("01 23 45 67 89 (poste 4567)", "FR")[0]).toMatchObject({ extension: "4567", raw: "01 23 45 67 89 (poste 4567)" })
    expect(findPhones("+1 212 555 0100 ext. 45", "FR")[0]).toMatchObject({ e164: "+12125550100", extension: "45" })
    expect(findPhones("+33 1 23 45 67 89 x123", "FR")[0]).toMatchObject({ e164: "+33123456789", extension: "123" })
    expect(findPhones("01 23 45 67 89", "FR")[0]).not.toHaveProperty("extension")
  })

  it("reads a comma-separated list as several numbers, not one number with an extension", () => {
    expect(findPhones("Tél : 01 23 45 67 89, 06 12 34 56 78", "FR").map((m) => [m.e164, m.extension])).toEqual([
      ["+33123456789", undefined],
      ["+33612345678", undefined]
    ])
    expect(e164s("01 23 45 67 89,06 12 34 56 78")).toEqual(["+33123456789", "+33612345678"])
  })

  it("accepts valid French 07 mobile numbers that the max metadata would reject", () => {
    expect(e164s("Portable : 07 80 12 34 56")).toEqual(["+33780123456"])
  })

  describe("finds no phone in page noise", () => {
    it.each([
      ["dates", "Le 29/11/2026, livré le 2026-11-29, échéance 29.11.2026 ou 29-11-2026, 1/12/2026."],
      ["times", "Rendez-vous à 14:30, 09h41 ou 2026-11-29 08:00:00 ; durée 01:23:45."],
      ["amounts", "Montant : 1 234,56 € HT ; 12 345.00 USD ; total 1 481,47 € TTC ; CA 12 345 678,90 € ; 123 456 789 €."],
      ["percentages", "TVA 20 % ; remise 12,5 % ; marge 33,33 %."],
      ["SIRET", "SIRET 123 456 789 00012 ; SIRET : 73282932000074."],
      ["SIREN", "SIREN 123456789 ; SIREN : 732 829 320 ; RCS Paris B 732 829 320."],
      ["a SIREN alone", "732829320"],
      ["unlabelled SIRET and SIREN", "123 456 789 00012 ; 12345678900012 ; 123456789 ; 123 456 789"],
      ["IBAN", "IBAN FR76 3000 6000 0112 3456 7890 189 ; BIC AGRIFRPP882."],
      ["VAT numbers", "TVA intracommunautaire FR44 732829320 ; FR 44 732 829 320."],
      ["order and invoice numbers", "Commande CMD-2026-001234, facture FA202611290042, BL 2026 11 29 001, colis 8V00123456789."],
      ["postal codes", "75011 Paris ; 69003 Lyon ; CEDEX 13008."],
      ["quantities and versions", "3 x 250 ml ; poids 12,500 kg ; version 1.13.16 ; build 2026.11.29.1234 ; lot 20261129."],
      ["serial numbers", "Série 1234 5678 9012 3456 ; EORI FR73282932000074 ; PO 4500012345."]
    ])("%s", (_kind, text) => {
      expect(findPhones(text, "FR")).toEqual([])
    })
  })

  it("keeps a number written without its national prefix when a phone word announces it", () => {
    expect(e164s("The phone number is 231354125.")).toEqual(["+33231354125"])
    expect(e164s("Tél. 612345678")).toEqual(["+33612345678"])
    expect(e164s("Tél. 01 23 45 67 89 ; SIREN 612345678")).toEqual(["+33123456789"])
  })

  it("finds a number in the middle of a long digit-heavy text, exactly as a scan of the whole text does", () => {
    const noise = Array.from({ length: 80 }, (_, i) => `FA2026${String(i).padStart(6, "0")} du ${(i % 28) + 1}/11/2026 : ${(i * 98.76).toFixed(2)} €`).join("\n")
    const text = `${noise}\nContact : 06 12 34 56 78\n${noise}`
    expect(e164s(text)).toEqual(["+33612345678"])
    expect(findPhones(text, "FR")).toEqual(findPhones(text, "FR", { prefilter: false }))
  })

  it("agrees with a scan of the whole text on generated mixtures of numbers and noise", () => {
    let seed = 42
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    const parts = ["01 23 45 67 89", "+44 20 7946 0958", "0612345678", "29/11/2026", "1 234,56 €", "x12", "ext. 7", ", ", " - ", "/", "(", ")", "Tél", "abc", "\n", "  ", "123 456 789", "2026-11-29 08:00", "+1 212 555 0100"]
    for (let n = 0; n < 60; n++) {
      const text = Array.from({ length: 12 }, () => parts[Math.floor(rnd() * parts.length)]).join(rnd() < 0.5 ? " " : "")
      for (const country of ["FR", "US", null]) {
        expect(findPhones(text, country), text).toEqual(findPhones(text, country, { prefilter: false }))
      }
    }
  })

  it("returns nothing for empty or digit-free text", () => {
    expect(findPhones("", "FR")).toEqual([])
    expect(findPhones("Bonjour, merci pour votre commande.", "FR")).toEqual([])
  })
})
