import { describe, expect, it } from "vitest"

import { DEMO_SELLER } from "../demo/demo-seller"
import { checkLatePenalty, earlyPaymentMention, readPaymentSettings, LEGAL_INTEREST_RATES, latePenaltyMention, legalInterestRateOn, penaltyFloorBp } from "./late-penalty"
import { paymentMentions } from "./legal-mentions"
import { checkSellerForIssue, SellerIdentitySchema, sellerProblems, TeamSettingsRow } from "./seller.schema"

describe("the legal interest rate and the penalty floor", () => {
  it("reads the half-year's rate: 2.62 % in the first half of 2026, so penalties of at least 7.86 %", () => {
    expect(legalInterestRateOn("2026-03-15")).toEqual({ rateBp: 262, from: "2026-01-01", current: true })
    expect(penaltyFloorBp("2026-03-15")).toBe(786)
    expect(penaltyFloorBp("2025-12-31")).toBe(828)
    expect(penaltyFloorBp("2025-07-01")).toBe(828)
    expect(penaltyFloorBp("2025-06-30")).toBe(1113)
  })

  it("has one row per half-year, in order, each starting on 1 January or 1 July", () => {
    for (const [i, r] of LEGAL_INTEREST_RATES.entries()) {
      expect(r.from).toMatch(/^\d{4}-(01|07)-01$/)
      if (i > 0) {
        const prev = LEGAL_INTEREST_RATES[i - 1]!.from
        expect(r.from).toBe(prev.slice(5, 7) === "01" ? `${prev.slice(0, 4)}-07-01` : `${Number(prev.slice(0, 4)) + 1}-01-01`)
      }
    }
  })

  it("says the table is out of date past its last half-year, and keeps the last known rate", () => {
    expect(legalInterestRateOn("2030-02-01")).toMatchObject({ rateBp: LEGAL_INTEREST_RATES.at(-1)!.rateBp, current: false })
  })

  it("refuses a fixed rate below three times the legal rate and accepts one at the floor", () => {
    const low = checkLatePenalty({ kind: "fixed", rateBp: 785 }, "2026-03-15")
    expect(low).toMatchObject({ ok: false, code: "below-legal-floor", floorBp: 786 })
    if (!low.ok) expect(low.message).toBe("the late-payment penalty rate cannot be below three times the legal interest rate: 7.86% in the first half of 2026 (Code de commerce L441-10)")
    expect(checkLatePenalty({ kind: "fixed", rateBp: 786 }, "2026-03-15")).toEqual({ ok: true })
    expect(checkLatePenalty({ kind: "legal-rate-times-3" }, "2026-03-15")).toEqual({ ok: true })
    expect(checkLatePenalty({ kind: "ecb-plus-10" }, "2026-03-15")).toEqual({ ok: true })
  })
})

describe("the penalty and discount printed on quotes and invoices", () => {
  it("prints a fixed rate, and three times the legal rate with the figure of the document's half-year", () => {
    expect(latePenaltyMention({ kind: "fixed", rateBp: 1200 }, "fr")).toMatch(/^Pénalités de retard : 12\s%\spar an$/)
    expect(latePenaltyMention({ kind: "legal-rate-times-3" }, "fr", "2026-02-10")).toMatch(/trois fois le taux d'intérêt légal, soit 7,86\s% par an au 1er semestre 2026$/)
    expect(latePenaltyMention({ kind: "legal-rate-times-3" }, "en", "2025-09-01")).toBe("Late-payment penalties: three times the French legal interest rate, that is 8.28% a year in the second half of 2025")
  })

  it("prints the discount, or that there is none", () => {
    expect(earlyPaymentMention(200, "en")).toBe("Early-payment discount: 2%")
    expect(earlyPaymentMention(0, "fr")).toBe("Pas d'escompte pour paiement anticipé")
    const seller = { ...DEMO_SELLER, latePenalty: { kind: "fixed" as const, rateBp: 1000 }, earlyPaymentDiscountBp: 150 }
    expect(paymentMentions(seller, "en", true, "2026-02-10")).toEqual(["Late-payment penalties: 10% a year", "Fixed compensation for recovery costs in case of late payment: €40", "Early-payment discount: 1.5%"])
  })
})

describe("the seller's settings keep the floor", () => {
  const lowSeller = { ...DEMO_SELLER, latePenalty: { kind: "fixed", rateBp: 100 } }

  it("refuses to write a team settings row whose fixed rate is below the floor (the device and the server share this schema)", () => {
    const r = TeamSettingsRow.safeParse({ id: "seller", seller: lowSeller, updatedAt: 1 })
    expect(r.success).toBe(false)
    if (!r.success) expect(r.error.issues[0]!.path).toEqual(["seller", "latePenalty", "rateBp"])
    expect(TeamSettingsRow.safeParse({ id: "seller", seller: { ...DEMO_SELLER, latePenalty: { kind: "fixed", rateBp: 1500 }, earlyPaymentDiscountBp: 200 }, updatedAt: 1 }).success).toBe(true)
  })

  it("still reads a stored rate the law overtook, but refuses to issue with it, naming the floor", () => {
    expect(SellerIdentitySchema.safeParse(lowSeller).success).toBe(true)
    expect(sellerProblems({ ...DEMO_SELLER, latePenalty: { kind: "fixed", rateBp: 800 } }, "2026-03-01")).toEqual([])
    expect(sellerProblems({ ...DEMO_SELLER, latePenalty: { kind: "fixed", rateBp: 800 } }, "2025-12-01")[0]).toMatch(/8\.28% in the second half of 2025/)
    const r = checkSellerForIssue("invoice", lowSeller, "2026-03-01")
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/^an invoice cannot be issued .*three times the legal interest rate: 7\.86%/)
  })

  it("refuses a negative early-payment discount", () => {
    expect(SellerIdentitySchema.safeParse({ ...DEMO_SELLER, earlyPaymentDiscountBp: -1 }).success).toBe(false)
  })
})

describe("the options page's penalty and discount as typed", () => {
  it("reads a fixed rate and a discount typed the French way, without a float", () => {
    expect(readPaymentSettings({ penaltyKind: "fixed", penaltyRate: "12,5", discount: "1,5" }, "2026-03-01")).toEqual({ ok: true, latePenalty: { kind: "fixed", rateBp: 1250 }, earlyPaymentDiscountBp: 150 })
    expect(readPaymentSettings({ penaltyKind: "ecb-plus-10", penaltyRate: "", discount: "" }, "2026-03-01")).toEqual({ ok: true, latePenalty: { kind: "ecb-plus-10" }, earlyPaymentDiscountBp: 0 })
  })

  it("refuses a rate under the floor, saying the floor, and a discount that is not a percentage", () => {
    expect(readPaymentSettings({ penaltyKind: "fixed", penaltyRate: "5", discount: "" }, "2026-03-01")).toEqual({ ok: false, field: "penaltyRate", error: "penaltyBelowFloor", floorBp: 786 })
    expect(readPaymentSettings({ penaltyKind: "fixed", penaltyRate: "abc", discount: "" }, "2026-03-01")).toMatchObject({ ok: false, error: "penaltyRate" })
    expect(readPaymentSettings({ penaltyKind: "legal-rate-times-3", penaltyRate: "", discount: "-2" }, "2026-03-01")).toMatchObject({ ok: false, field: "discount" })
    expect(readPaymentSettings({ penaltyKind: "legal-rate-times-3", penaltyRate: "", discount: "1.234" }, "2026-03-01")).toMatchObject({ ok: false, field: "discount" })
  })
})
