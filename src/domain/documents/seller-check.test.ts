import { describe, expect, it } from "vitest"

import { DEMO_SELLER } from "../demo/demo-seller"
import { checkSellerForIssue, teamDunningSchedule, teamRiskSettings, TeamSettingsRow } from "./seller.schema"

describe("issuing needs the seller's identity", () => {
  it("lets a quote, an invoice and a credit note be issued when the identity is complete", () => {
    for (const type of ["quote", "invoice", "credit-note"]) expect(checkSellerForIssue(type, DEMO_SELLER)).toEqual({ ok: true })
  })

  it("refuses a quote when nobody filled the identity in, saying who can fix it", () => {
    const r = checkSellerForIssue("quote", null)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toBe("a quote cannot be issued while the team's seller identity is incomplete (the seller identity has not been filled in): a manager completes it in the options page")
  })

  it("names each missing or malformed piece of an invoice's seller: name, legal form, SIREN, VAT number, address", () => {
    const { name: _n, ...noName } = DEMO_SELLER
    const r = checkSellerForIssue("invoice", { ...noName, legalForm: "", siren: "1234", vatNumber: "732829320", address: { ...DEMO_SELLER.address, postalCode: "" } })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems).toEqual([
        "the company name is missing",
        "the legal form (SAS, SARL…) is missing",
        "the SIREN has 9 digits",
        "the VAT number starts with the country code (FR…)",
        "the postal code is missing"
      ])
  })

  it("does not ask it of an order, which stays in-house", () => {
    expect(checkSellerForIssue("order", null)).toEqual({ ok: true })
  })
})

describe("the team's reminder days", () => {
  it("are 7, 15 and 30 days until a manager sets them", () => {
    expect(teamDunningSchedule({ id: "seller" })).toEqual({ friendly: 7, firm: 15, "formal-notice": 30 })
    expect(teamDunningSchedule(undefined)).toEqual({ friendly: 7, firm: 15, "formal-notice": 30 })
  })

  it("follow the team's settings row, and a row whose days do not increase is refused", () => {
    const row = { id: "seller", seller: DEMO_SELLER, updatedAt: 1, dunningSchedule: { friendly: 10, firm: 20, "formal-notice": 45 } }
    expect(teamDunningSchedule(TeamSettingsRow.parse(row))).toEqual({ friendly: 10, firm: 20, "formal-notice": 45 })
    const bad = TeamSettingsRow.safeParse({ ...row, dunningSchedule: { friendly: 20, firm: 15, "formal-notice": 30 } })
    expect(bad.success ? "" : bad.error.issues[0]!.message).toBe("reminder days must increase: friendly < firm < formal notice")
  })
})

describe("the team's overdue threshold (customer risk)", () => {
  const row = { id: "seller", seller: DEMO_SELLER, updatedAt: 1 }

  it("blocks beyond 30 days until a manager sets another", () => {
    expect(teamRiskSettings(TeamSettingsRow.parse(row)).blockOverdueDays).toBe(30)
    expect(teamRiskSettings(null).blockOverdueDays).toBe(30)
  })

  it("follows the team's settings row, the other risk rules left as they are", () => {
    expect(teamRiskSettings(TeamSettingsRow.parse({ ...row, riskOverdueDays: 45 }))).toEqual({ watchAtLimitShareBp: 8000, blockOverdueDays: 45, watchAverageDaysLate: 15 })
  })

  it("is a whole number of days from 1 to 365: a row saying otherwise is refused, and read as the default", () => {
    for (const [days, why] of [
      [0, "the overdue threshold is at least 1 day"],
      [366, "the overdue threshold is at most 365 days"],
      [12.5, "the overdue threshold is a whole number of days"]
    ] as const) {
      const r = TeamSettingsRow.safeParse({ ...row, riskOverdueDays: days })
      expect(r.success ? "" : r.error.issues[0]!.message).toBe(why)
      expect(teamRiskSettings({ ...row, riskOverdueDays: days }).blockOverdueDays).toBe(30)
    }
  })
})
