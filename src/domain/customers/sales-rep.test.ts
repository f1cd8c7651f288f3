import { describe, expect, it } from "vitest"

import { salesRepChoices, salesRepShown, teamMemberNamed } from "./sales-rep"

const TEAM = ["Marc Lefèbvre", "Claire Dubois", "Sophie Martin"]

describe("a customer's sales rep among the team's users", () => {
  it("is the member a stored name spells, case, accents and spaces aside, in the team's spelling", () => {
    expect(salesRepShown("marc  LEFEBVRE ", TEAM)).toEqual({ kind: "member", name: "Marc Lefèbvre" })
    expect(teamMemberNamed("claire dubois", TEAM)).toBe("Claire Dubois")
  })

  it("is kept as itself, outside the team, when no member goes by that name (never a look-alike)", () => {
    expect(salesRepShown("Paul Girard", TEAM)).toEqual({ kind: "outsider", name: "Paul Girard" })
    expect(salesRepShown("Marc", TEAM)).toEqual({ kind: "outsider", name: "Marc" })
    expect(teamMemberNamed("Marc", TEAM)).toBeUndefined()
  })

  it("is a former member, in the team's spelling, when the name is a disabled account's: not an outsider", () => {
    expect(salesRepShown("jeanne roux", TEAM, ["Jeanne Roux"])).toEqual({ kind: "inactive", name: "Jeanne Roux" })
    expect(salesRepShown("Claire Dubois", TEAM, ["Claire Dubois"])).toEqual({ kind: "member", name: "Claire Dubois" })
  })

  it("is nobody when the file names no one", () => {
    expect(salesRepShown("", TEAM)).toEqual({ kind: "none" })
    expect(salesRepShown("   ", TEAM)).toEqual({ kind: "none" })
    expect(salesRepShown(null, TEAM)).toEqual({ kind: "none" })
  })

  it("offers each person once, in alphabetical order, and no blank name", () => {
    expect(salesRepChoices(["Sophie Martin", " ", "Élodie Aubert", "claire dubois", "Claire Dubois", "Bruno Petit"])).toEqual(["Bruno Petit", "claire dubois", "Élodie Aubert", "Sophie Martin"])
  })
})
