import { describe, expect, it } from "vitest"

import { editDistanceAtMost1, strictNameMatch, type NameCandidate } from "./name-match"

const base: NameCandidate[] = [
  { id: "a", company: "Papeterie Lefèvre", contacts: [{ firstName: "Hélène", lastName: "Lefèvre" }] },
  { id: "b", company: "Bureau Vallée Lyon", contacts: [{ firstName: "Marie", lastName: "Martin" }, { firstName: "Paul", lastName: "Girard" }] },
  { id: "c", company: "Martin & Fils", contacts: [{ firstName: "Marie", lastName: "Durand" }] },
  { id: "d", company: "Imprimerie du Centre", contacts: [{ firstName: "Jean", lastName: "Dupont" }] },
  { id: "e", company: "Agence Sud", contacts: [{ firstName: "Jean", lastName: "Dupond" }] },
  { id: "f", company: "Agence Nord", contacts: [{ firstName: "Luc", lastName: "Bernard" }] },
  { id: "g", company: "Agence Est", contacts: [{ firstName: "Luc", lastName: "Bernard" }] }
]

describe("strictNameMatch", () => {
  it("matches a sender's full name to the one contact who has it, accents and case folded", () => {
    expect(strictNameMatch("HELENE LEFEVRE", base)).toEqual({ id: "a", via: "contact", typo: false })
    expect(strictNameMatch("Lefèvre, Hélène", base)).toEqual({ id: "a", via: "contact", typo: false })
  })

  it("forgives one typo over the whole name, not two", () => {
    expect(strictNameMatch("Helene Lefebre", base)).toEqual({ id: "a", via: "contact", typo: true })
    expect(strictNameMatch("Hélène Lfèvre", base)).toEqual({ id: "a", via: "contact", typo: true })
    expect(strictNameMatch("Heleen Lefebre", base)).toBeNull()
  })

  it("brings nothing for a first name alone, even one shared by several contacts", () => {
    expect(strictNameMatch("Marie", base)).toBeNull()
    expect(strictNameMatch("Hélène", base)).toBeNull()
  })

  it("brings nothing for a part of a name or a name with more words", () => {
    expect(strictNameMatch("Marie Martin Durand", base)).toBeNull()
    expect(strictNameMatch("Sales Agent", base)).toBeNull()
    expect(strictNameMatch("Rue Paul Girard", base)).toBeNull()
  })

  it("prefers the one exact name to a one-typo neighbour, and refuses two exact ones", () => {
    expect(strictNameMatch("Jean Dupont", base)).toEqual({ id: "d", via: "contact", typo: false })
    expect(strictNameMatch("Luc Bernard", base)).toBeNull()
    // One typo away from both Dupont and Dupond: ambiguous.
    expect(strictNameMatch("Jean Dupon", base)).toBeNull()
  })

  it("matches a company's whole name, folded, and only one company", () => {
    expect(strictNameMatch("papeterie lefevre", base)).toEqual({ id: "a", via: "company", typo: false })
    expect(strictNameMatch("Martin et Fils", base)).toBeNull()
    expect(strictNameMatch("Agence", base)).toBeNull()
  })
})

describe("editDistanceAtMost1", () => {
  it("tells equal, one edit apart and farther", () => {
    expect(editDistanceAtMost1("dupont", "dupont")).toBe(0)
    expect(editDistanceAtMost1("dupont", "dupond")).toBe(1)
    expect(editDistanceAtMost1("dupont", "dupnot")).toBe(1)
    expect(editDistanceAtMost1("dupont", "duppont")).toBe(1)
    expect(editDistanceAtMost1("dupont", "dupon")).toBe(1)
    expect(editDistanceAtMost1("dupont", "dpon")).toBe(2)
    expect(editDistanceAtMost1("dupont", "dupndo")).toBe(2)
  })
})
