import { describe, expect, it } from "vitest"

import { detectAll } from "./detect-all"
import { findPhones, findPhonesMany } from "./find-phones"

/* National numbers of the base's other countries: read after the default country, kept only on a base hit. */

const page = "Jane Cooper (415) 555-0132 · Oliver Hughes 020 7946 0321 · Camille 01 42 68 53 77 · commande 2024-11-05, 1 250,00 €"

describe("findPhones with the base's other countries", () => {
  it("reads national numbers the default country leaves, in each other country, marking them as candidates", () => {
    expect(findPhones(page, "FR").map((m) => m.e164)).toEqual(["+33142685377"])
    expect(findPhones(page, "FR", { otherCountries: ["US", "GB"] }).map((m) => [m.e164, m.country])).toEqual([
      ["+14155550132", "US"],
      ["+442079460321", "GB"],
      ["+33142685377", undefined]
    ])
  })

  it("never reads again what the default country read, nor a '+' number", () => {
    const text = "01 42 68 53 77 et +44 20 7946 0321"
    expect(findPhones(text, "FR", { otherCountries: ["GB", "US"] })).toEqual(findPhones(text, "FR"))
  })

  it("gives each text of a batch its own matches", () => {
    const [a, b] = findPhonesMany(["(212) 555-0143", "rien ici 12"], "FR", { otherCountries: ["US"] })
    expect(a!.map((m) => [m.start, m.end, m.e164, m.country])).toEqual([[0, 14, "+12125550143", "US"]])
    expect(b).toEqual([])
  })
})

describe("detectAll with the base's other countries", () => {
  it("keeps a foreign reading only when the base has it, and tells the caller the others", () => {
    const asked: string[] = []
    const found = detectAll(page, {
      defaultCountry: "FR",
      codePattern: null,
      otherCountries: ["US", "GB"],
      acceptForeign: (e164) => e164 === "+14155550132",
      onForeign: (e164) => asked.push(e164)
    })
    expect(found.map((d) => d.value)).toEqual(["+14155550132", "+33142685377"])
    expect(asked).toEqual(["+442079460321"])
  })

  it("keeps none without a way to confirm them", () => {
    expect(detectAll(page, { defaultCountry: "FR", codePattern: null, otherCountries: ["US"] }).map((d) => d.value)).toEqual(["+33142685377"])
  })
})
