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
      expect(phones(written)).toEqual({ phones: ["+33142685300"], extensions: [] })
    }
  )

  it("reads national numbers in the row's country", () => {
    expect(phones("020 7946 0018", "GB")).toEqual({ phones: ["+442079460018"], extensions: [] })
    expect(phones("(212) 555-0143", "US")).toMatchObject({ phones: ["+12125550143"] })
    expect(phones("+32 2 512 34 56", "FR")).toMatchObject({ phones: ["+3225123456"] })
  })

  it("refuses a number that is not valid for its country, hinting at the country code", () => {
    expect(phones("020 7946 0018", "FR")).toMatch(/not a valid number for FR \(add its country code/)
    expect(phones("12 34")).toMatch(/phone "12 34" is not a valid number/)
    expect(phones("01 42 68 53")).toMatch(/not a valid number/)
  })

  it("keeps extensions out of E.164", () => {
    expect(phones("01 42 68 53 00 poste 12")).toEqual({ phones: ["+33142685300"], extensions: [{ e164: "+33142685300", extension: "12" }] })
    expect(phones("+44 20 7946 0018 ext. 305", "GB")).toEqual({ phones: ["+442079460018"], extensions: [{ e164: "+442079460018", extension: "305" }] })
    expect(phones("01 42 68 53 00 #4")).toMatchObject({ extensions: [{ extension: "4" }] })
  })

  it("reads several numbers in one cell", () => {
    expect(phones("01 42 68 53 00 | 06 12 34 56 78 / +44 20 7946 0018")).toEqual({ phones: ["+33142685300", "+33612345678", "+442079460018"], extensions: [] })
    expect(phones("01 42 68 53 00 ou 01 42 68 53 00")).toEqual({ phones: ["+33142685300"], extensions: [] })
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
