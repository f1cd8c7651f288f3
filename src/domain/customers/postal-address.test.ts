import { describe, expect, it } from "vitest"

import { countryName, townLine } from "./postal-address"

describe("an address's town line", () => {
  it("writes a French postcode before the town", () => {
    expect(townLine({ postalCode: "69002", city: "Lyon", country: "FR" })).toBe("69002 Lyon")
  })

  it("writes a British postcode after the town, as Royal Mail does", () => {
    expect(townLine({ postalCode: "B1 1BB", city: "Birmingham", country: "GB" })).toBe("Birmingham B1 1BB")
  })

  it("writes an American ZIP code after the city", () => {
    expect(townLine({ postalCode: "02108", city: "Boston", country: "us" })).toBe("Boston 02108")
  })

  it("keeps the postcode first for a Belgian or German address", () => {
    expect(townLine({ postalCode: "1000", city: "Bruxelles", country: "BE" })).toBe("1000 Bruxelles")
    expect(townLine({ postalCode: "10115", city: "Berlin", country: "DE" })).toBe("10115 Berlin")
  })

  it("leaves out a missing postcode or town without a stray space", () => {
    expect(townLine({ postalCode: "", city: "Dublin", country: "IE" })).toBe("Dublin")
    expect(townLine({ postalCode: " 75011 ", city: "", country: "FR" })).toBe("75011")
  })
})

describe("a country's name", () => {
  it("names the country in the reader's language, not by its code", () => {
    expect(countryName("GB", "en")).toBe("United Kingdom")
    expect(countryName("GB", "fr")).toBe("Royaume-Uni")
    expect(countryName("us", "fr")).toBe("États-Unis")
  })

  it("keeps what it cannot read as a country code", () => {
    expect(countryName("Freedonia", "en")).toBe("Freedonia")
  })
})
