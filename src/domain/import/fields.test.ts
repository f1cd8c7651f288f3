import { describe, expect, it } from "vitest"

import { frenchVatKey, languageForCountry, parseCountry, parseEmails, parseLanguage, parsePaymentTerms, parseSiren, parseTags, parseVatNumber } from "./fields"

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T | string => (r.ok ? r.value : r.message)

describe("parseCountry", () => {
  it.each([
    ["FR", "FR"], ["fr", "FR"], ["FRA", "FR"], ["France", "FR"], ["france ", "FR"],
    ["Royaume-Uni", "GB"], ["United Kingdom", "GB"], ["UK", "GB"], ["GB", "GB"], ["Angleterre", "GB"],
    ["USA", "US"], ["U.S.A.", "US"], ["États-Unis", "US"], ["Etats Unis", "US"], ["United States", "US"],
    ["Belgique", "BE"], ["Belgium", "BE"], ["Suisse", "CH"], ["Switzerland", "CH"], ["Deutschland", "DE"], ["Allemagne", "DE"],
    ["Espagne", "ES"], ["Italia", "IT"], ["Pays-Bas", "NL"], ["Luxembourg", "LU"], ["Côte d’Ivoire", "CI"], ["La Réunion", "RE"], ["Canada", "CA"]
  ])("reads %j as %s", (text, code) => {
    expect(value(parseCountry(text))).toBe(code)
  })

  it("refuses a country it does not know, and a two-letter code that is not ISO", () => {
    expect(value(parseCountry("Atlantide"))).toMatch(/country "Atlantide" is unknown/)
    expect(value(parseCountry("ZZ"))).toMatch(/unknown/)
  })
})

describe("language", () => {
  it.each([["fr", "fr"], ["FR", "fr"], ["français", "fr"], ["Francais", "fr"], ["French", "fr"], ["fr-FR", "fr"], ["en", "en"], ["anglais", "en"], ["English", "en"], ["en_GB", "en"]])("reads %j as %s", (text, lang) => {
    expect(value(parseLanguage(text))).toBe(lang)
  })

  it("refuses a language other than French or English", () => {
    expect(value(parseLanguage("Deutsch"))).toMatch(/not supported; use fr or en/)
  })

  it("derives French for French-speaking countries and English elsewhere", () => {
    expect(["FR", "BE", "CH", "LU", "CA", "MC", "RE", "SN"].map(languageForCountry)).toEqual(Array(8).fill("fr"))
    expect(["GB", "US", "DE", "ES", "IE"].map(languageForCountry)).toEqual(Array(5).fill("en"))
  })
})

describe("SIREN and VAT number", () => {
  it("accepts a SIREN with a valid Luhn key, with or without spaces", () => {
    expect(value(parseSiren("443061841"))).toEqual({ siren: "443061841", fromSiret: false })
    expect(value(parseSiren("443 061 841"))).toEqual({ siren: "443061841", fromSiret: false })
    expect(value(parseSiren("443.061.841"))).toEqual({ siren: "443061841", fromSiret: false })
  })

  it("refuses a SIREN with a wrong check digit or the wrong length", () => {
    expect(value(parseSiren("443061842"))).toMatch(/wrong check digit/)
    expect(value(parseSiren("44306184"))).toMatch(/9 digits/)
    expect(value(parseSiren("A43061841"))).toMatch(/9 digits/)
  })

  it("reads a SIRET given as SIREN as its first nine digits", () => {
    expect(value(parseSiren("443 061 841 00047"))).toEqual({ siren: "443061841", fromSiret: true })
  })

  it("checks the key of a French VAT number", () => {
    expect(frenchVatKey("443061841")).toBe("64")
    expect(value(parseVatNumber("FR 64 443 061 841"))).toBe("FR64443061841")
    expect(value(parseVatNumber("fr64443061841"))).toBe("FR64443061841")
    expect(value(parseVatNumber("FR00443061841"))).toMatch(/wrong key/)
    expect(value(parseVatNumber("FR6444306184"))).toMatch(/9-digit SIREN/)
  })

  it("accepts other EU and UK VAT numbers by their shape", () => {
    expect(value(parseVatNumber("GB123456789"))).toBe("GB123456789")
    expect(value(parseVatNumber("BE 0123.456.789"))).toBe("BE0123456789")
    expect(value(parseVatNumber("DE-123456789"))).toBe("DE123456789")
  })

  it("refuses a VAT number without its country prefix", () => {
    expect(value(parseVatNumber("64443061841"))).toMatch(/must start with its country code/)
    expect(value(parseVatNumber("F1"))).toMatch(/is not a VAT number/)
  })
})

describe("parseEmails", () => {
  it("lower-cases and accepts several addresses, display names and mailto:", () => {
    expect(value(parseEmails("Jean.Dupont@Example.FR"))).toEqual(["jean.dupont@example.fr"])
    expect(value(parseEmails("a@x.fr; b@x.fr, a@x.fr"))).toEqual(["a@x.fr", "b@x.fr"])
    expect(value(parseEmails("Jean Dupont <jean@x.fr>"))).toEqual(["jean@x.fr"])
    expect(value(parseEmails("mailto:jean@x.fr"))).toEqual(["jean@x.fr"])
  })

  it.each(["jean.dupont@", "jean.dupont", "@x.fr", "jean@x", "jean@@x.fr", "jean dupont@x.fr"])("refuses %j", (text) => {
    expect(value(parseEmails(text))).toMatch(/is not an address/)
  })
})

describe("tags and payment terms", () => {
  it("splits tags on pipes, commas and semicolons, without duplicates", () => {
    expect(value(parseTags("vip|grossiste, export;VIP; "))).toEqual(["vip", "grossiste", "export"])
  })

  it("refuses a tag longer than 60 characters", () => {
    expect(value(parseTags("x".repeat(61)))).toMatch(/longer than 60/)
  })

  it.each([["30", 30], ["30 jours", 30], ["45 days", 45], ["60j", 60], ["0", 0], ["comptant", 0], ["À réception", 0], ["365", 365], ["30,0", 30]])("reads payment terms %j as %i days", (text, days) => {
    expect(value(parsePaymentTerms(text))).toBe(days)
  })

  it.each(["400", "-5", "30 jours fin de mois", "trente", "12.5"])("refuses payment terms %j", (text) => {
    expect(value(parsePaymentTerms(text))).toMatch(/number of days from 0 to 365/)
  })
})
