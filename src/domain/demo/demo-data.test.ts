import { describe, expect, it } from "vitest"

import { rankScripts } from "../scripts/choose-script"
import { CallScript } from "../scripts/script.schema"
import { SHIPPED_SCRIPTS } from "../scripts/shipped"
import { generateCustomers } from "./demo-data"

const FRENCH_WORDS = ["grossiste", "relance", "nouveau", "distributeur", "salon-2026"]
const ENGLISH_WORDS = ["wholesaler", "follow-up", "new", "distributor", "trade-show-2026"]

describe("the demo customers' tags (the seed of npm start)", () => {
  const customers = generateCustomers({ count: 2000 })
  const english = customers.filter((c) => c.language === "en")
  const french = customers.filter((c) => c.language === "fr")

  it("are English words on English-speaking customers' cards", () => {
    expect(english.length).toBeGreaterThan(300)
    const tags = new Set(english.flatMap((c) => c.tags))
    for (const word of FRENCH_WORDS) expect(tags).not.toContain(word)
    for (const word of ["wholesaler", "distributor", "follow-up"]) expect(tags).toContain(word)
  })

  it("stay French words on French customers' cards", () => {
    const tags = new Set(french.flatMap((c) => c.tags))
    for (const word of ENGLISH_WORDS) expect(tags).not.toContain(word)
    expect(tags).toContain("grossiste")
  })

  it("still lead an English customer's call to the direction's usual script (the demo team's scripts, none made for a tag)", () => {
    const scripts = SHIPPED_SCRIPTS.map((s) => CallScript.parse(s))
    for (const c of english.slice(0, 100)) {
      expect(rankScripts(scripts, { direction: "outbound", customerTags: c.tags, hasOverdueInvoices: false })[0]!.purpose).toBe("outbound-prospecting")
      expect(rankScripts(scripts, { direction: "inbound", customerTags: c.tags, hasOverdueInvoices: false })[0]!.purpose).toBe("inbound-advice")
    }
  })
})
