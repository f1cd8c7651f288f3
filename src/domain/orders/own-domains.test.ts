import { describe, expect, it } from "vitest"

import { ownDomainsOf } from "./own-domains"

describe("the team's own mail domains", () => {
  it("takes the signed-in agent's company domain", () => {
    expect(ownDomainsOf(["Claire.Dubois@Comptoir-Fournitures.fr"])).toEqual(["comptoir-fournitures.fr"])
  })

  it("never takes a free-mail provider's domain, which customers write from too", () => {
    expect(ownDomainsOf(["marc.lefebvre@gmail.com", "sophie@orange.fr", "j.carter@hotmail.co.uk"])).toEqual([])
  })

  it("has none when nobody is signed in or the address is not one", () => {
    expect(ownDomainsOf([null, undefined, "", "not an address"])).toEqual([])
  })
})
