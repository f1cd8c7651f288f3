import { describe, expect, it } from "vitest"

import { coerceBaseProfile, learnBaseProfile, otherCountries } from "./base-profile"

describe("learnBaseProfile", () => {
  it("lists the base's countries, most customers first, and its code shapes", () => {
    const customers = [
      ...Array.from({ length: 30 }, (_, i) => ({ country: "FR", code: `CL-0${1000 + i}` })),
      ...Array.from({ length: 5 }, (_, i) => ({ country: "US", code: `CL-0${2000 + i}` })),
      ...Array.from({ length: 8 }, (_, i) => ({ country: "GB", code: `CL-0${3000 + i}` })),
      { country: "DE", code: "MULLER" }
    ]
    const profile = learnBaseProfile(customers)
    expect(profile).toEqual({ countries: ["FR", "GB", "US", "DE"], codeShapes: ["CL-\\d{5}"] })
    expect(otherCountries(profile, "FR")).toEqual(["GB", "US", "DE"])
  })
})

describe("coerceBaseProfile", () => {
  it("reads what the background stored and drops what is malformed", () => {
    expect(coerceBaseProfile({ countries: ["US", "gb", 3, "GB"], codeShapes: ["CL-\\d{5}", "(", "", 7] })).toEqual({ countries: ["US", "GB"], codeShapes: ["CL-\\d{5}"] })
    expect(coerceBaseProfile(undefined)).toEqual({ countries: [], codeShapes: [] })
  })
})
