import { parsePhoneNumberFromString } from "libphonenumber-js"
import { describe, expect, it } from "vitest"

import { seededRandom } from "../demo/random"
import { fastFrench, FRENCH_FAST_PATH_ENABLED, parsePhoneCell } from "./phone-cells"

const phones = (raw: string, country = "FR"): unknown => {
  const r = parsePhoneCell(raw, country)
  return r.ok ? r.value : r.message
}

describe("parsePhoneCell", () => {
  it.each(["01 42 68 53 00", "01.42.68.53.00", "0142685300", "+33 1 42 68 53 00", "+33 (0)1 42 68 53 00", "0033 1 42 68 53 00", "01-42-68-53-00", "+33142685300"])(
    "normalises the French number %j to E.164",
    (written) => {
      expect(phones(written)).toEqual({ phones: ["+33142685300"], extensions: [], invalid: [] })
    }
  )

  it("reads national numbers in the row's country", () => {
    expect(phones("020 7946 0018", "GB")).toEqual({ phones: ["+442079460018"], extensions: [], invalid: [] })
    expect(phones("(212) 555-0143", "US")).toMatchObject({ phones: ["+12125550143"] })
    expect(phones("+32 2 512 34 56", "FR")).toMatchObject({ phones: ["+3225123456"] })
  })

  it("sets aside a number that is not valid, saying why in words and hinting at the country code", () => {
    expect(phones("020 7946 0018", "FR")).toEqual({ phones: [], extensions: [], invalid: [{ written: "020 7946 0018", why: "too long for a French number", problem: { kind: "too_long", country: "FR" } }] })
    expect(phones("12 34")).toMatchObject({ invalid: [{ why: "too short for a French number" }] })
    expect(phones("06 12 34 56 78", "GB")).toMatchObject({ invalid: [{ why: "not a valid UK number (add its country code, +44…, if it is not a UK number)" }] })
    expect(phones("n/c tel")).toMatchObject({ invalid: [{ why: "not a phone number" }] })
  })

  it("judges an international number by its own country, not the row's", () => {
    expect(phones("+44 20 7946", "FR")).toMatchObject({ invalid: [{ why: "too short for a UK number", problem: { kind: "too_short", country: "GB" } }] })
    expect(phones("+1 212 555 01", "FR")).toMatchObject({ invalid: [{ why: "too short for a US number" }] })
  })

  it("keeps the good numbers of a cell that also holds a bad one", () => {
    expect(phones("01 42 68 53 00 | 12 34")).toEqual({ phones: ["+33142685300"], extensions: [], invalid: [{ written: "12 34", why: "too short for a French number", problem: { kind: "too_short", country: "FR" } }] })
  })

  it("keeps extensions out of E.164", () => {
    expect(phones("01 42 68 53 00 poste 12")).toEqual({ phones: ["+33142685300"], extensions: [{ e164: "+33142685300", extension: "12" }], invalid: [] })
    expect(phones("+44 20 7946 0018 ext. 305", "GB")).toEqual({ phones: ["+442079460018"], extensions: [{ e164: "+442079460018", extension: "305" }], invalid: [] })
    expect(phones("01 42 68 53 00 #4")).toMatchObject({ extensions: [{ extension: "4" }] })
  })

  it("reads several numbers in one cell", () => {
    expect(phones("01 42 68 53 00 | 06 12 34 56 78 / +44 20 7946 0018")).toEqual({ phones: ["+33142685300", "+33612345678", "+442079460018"], extensions: [], invalid: [] })
    expect(phones("01 42 68 53 00 ou 01 42 68 53 00")).toEqual({ phones: ["+33142685300"], extensions: [], invalid: [] })
  })
})

describe("the French fast path", () => {
  it("is enabled with the installed libphonenumber metadata", () => {
    expect(FRENCH_FAST_PATH_ENABLED).toBe(true)
  })

  it("gives libphonenumber's verdict on thousands of written French numbers", () => {
    const rnd = seededRandom(7)
    const digit = (): string => String(Math.floor(rnd() * 10))
    let fast = 0
    for (let i = 0; i < 1000; i++) {
      const nsn = Array.from({ length: 9 }, digit).join("")
      const pairs = ("0" + nsn).match(/../g)!
      const forms = [pairs.join(" "), pairs.join("."), "0" + nsn, `+33 ${nsn[0]} ${pairs.slice(1).join(" ")}`, `+33 (0)${nsn[0]} ${pairs.slice(1).join(" ")}`, `0033${nsn}`, `+33${nsn}`, `+330${nsn}`]
      for (const written of forms) {
        for (const country of ["FR", "GB"] as const) {
          const quick = fastFrench(written, country)
          if (quick === null) continue
          fast++
          const lib = parsePhoneNumberFromString(written, country)
          expect(lib?.isValid() ? lib.number : null, `${written} in ${country}`).toBe(quick)
        }
      }
    }
    expect(fast).toBeGreaterThan(7000)
  })
})
