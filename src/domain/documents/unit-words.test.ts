import { describe, expect, it } from "vitest"

import { unitFor, unitToStore } from "./unit-words"

describe("a line's unit on a document", () => {
  it("agrees with the quantity in French: 1 and 1,5 are singular, 2 is plural, and each word has its own plural", () => {
    expect(unitFor("pièce", 1000, "fr")).toBe("pièce")
    expect(unitFor("pièce", 1500, "fr")).toBe("pièce")
    expect(unitFor("pièce", 2000, "fr")).toBe("pièces")
    expect(unitFor("rouleau", 3000, "fr")).toBe("rouleaux")
    expect(unitFor("colis", 4000, "fr")).toBe("colis")
    expect(unitFor("boîte", 1_000_000_000, "fr")).toBe("boîtes")
  })

  it("says the catalog's French word in English for an English document: 1 box, 2 boxes, 1.5 boxes", () => {
    expect(unitFor("boîte", 1000, "en")).toBe("box")
    expect(unitFor("boîte", 2000, "en")).toBe("boxes")
    expect(unitFor("boîte", 1500, "en")).toBe("boxes")
    expect(unitFor("ramette", 3000, "en")).toBe("reams")
    expect(unitFor("box", 2000, "fr")).toBe("boîtes")
  })

  it("leaves symbols, abbreviations and unknown words as the catalog wrote them", () => {
    for (const unit of ["kg", "m", "L", "u", "pcs", "m²", "barrique"]) {
      expect(unitFor(unit, 2500, "fr")).toBe(unit)
      expect(unitFor(unit, 2500, "en")).toBe(unit)
    }
  })

  it("finds a word written in the plural, without accents or capitalised, and keeps the capital", () => {
    expect(unitFor("Pièces", 1000, "fr")).toBe("Pièce")
    expect(unitFor("boite", 2000, "fr")).toBe("boîtes")
  })
})

describe("a unit the agent typed where units are shown in their language", () => {
  it("is stored as the line had it when it names the same unit, in either language and number", () => {
    expect(unitToStore("boxes", "boîte")).toBe("boîte")
    expect(unitToStore("Box", "Boîte")).toBe("Boîte")
    expect(unitToStore("boîtes", "boîte")).toBe("boîte")
    expect(unitToStore("years", "an")).toBe("an")
  })

  it("is stored as the catalog's French word when it names another unit the table knows", () => {
    expect(unitToStore("cartons", "boîte")).toBe("carton")
    expect(unitToStore("reams", "")).toBe("ramette")
    expect(unitToStore("rolls", "kg")).toBe("rouleau")
  })

  it("is stored as typed when it is a symbol or a word the table does not know", () => {
    expect(unitToStore("mètre linéaire", "ramette")).toBe("mètre linéaire")
    expect(unitToStore("kg", "boîte")).toBe("kg")
    expect(unitToStore("", "boîte")).toBe("")
  })
})
