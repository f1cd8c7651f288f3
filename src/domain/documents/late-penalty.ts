import * as z from "zod"

import { parseScaledDecimal } from "./money"

/**
 * Late-payment penalties and the early-payment discount, as French law frames them (Code de commerce L441-10):
 * between businesses the penalty rate is what the seller's terms say, but never below three times the legal
 * interest rate; when the terms say nothing, the ECB's refinancing rate plus 10 points applies. The discount
 * (escompte) is free, and an invoice must say when there is none.
 */
export type LatePenalty = { kind: "ecb-plus-10" } | { kind: "legal-rate-times-3" } | { kind: "fixed"; rateBp: number }

export type DocLanguage = "fr" | "en"

/**
 * The French legal interest rate "for all other cases" (creditors who are not private persons: the one the
 * penalty floor is read on), in basis points of a percent, from the date each half-year's ministerial order
 * (arrêté) applies. It changes every 1 January and 1 July: A ROW MUST BE ADDED EACH HALF-YEAR when the order
 * is published (late June, late December; Banque de France / Légifrance). Past the last row the last known
 * rate is used, and `legalInterestRateOn` says it may be out of date.
 */
export const LEGAL_INTEREST_RATES: readonly { from: string; rateBp: number }[] = [
  { from: "2023-01-01", rateBp: 206 },
  { from: "2023-07-01", rateBp: 422 },
  { from: "2024-01-01", rateBp: 507 },
  { from: "2024-07-01", rateBp: 492 },
  { from: "2025-01-01", rateBp: 371 },
  { from: "2025-07-01", rateBp: 276 },
  // Arrêté du 15 décembre 2025 (JORF 26 December 2025): 2.62 %, a floor of 7.86 %.
  { from: "2026-01-01", rateBp: 262 }
]

/** The penalty rate is at least this many times the legal interest rate (L441-10). */
export const LEGAL_RATE_MULTIPLIER = 3

export interface LegalRate {
  rateBp: number
  /** First day of the half-year the rate is for. */
  from: string
  /** False when the date is past the half-year of the table's last row (a row is missing). */
  current: boolean
}

/** The legal interest rate that applies on an ISO date; before the table, its first row. */
export function legalInterestRateOn(date: string): LegalRate {
  let row = LEGAL_INTEREST_RATES[0]!
  for (const r of LEGAL_INTEREST_RATES) if (r.from <= date) row = r
  return { rateBp: row.rateBp, from: row.from, current: date < nextHalfYear(row.from) }
}

/** The lowest penalty rate a seller may print on that date, basis points. */
export function penaltyFloorBp(date: string): number {
  return LEGAL_RATE_MULTIPLIER * legalInterestRateOn(date).rateBp
}

export type PenaltyCheck = { ok: true } | { ok: false; code: "below-legal-floor"; rateBp: number; floorBp: number; from: string; message: string }

/**
 * Whether a seller's penalty is lawful on a date. The legal default (ECB + 10 points) and "three times the
 * legal rate" are lawful by definition; a fixed rate must reach the floor of the half-year.
 */
export function checkLatePenalty(p: LatePenalty, date: string): PenaltyCheck {
  if (p.kind !== "fixed") return { ok: true }
  const floorBp = penaltyFloorBp(date)
  if (p.rateBp >= floorBp) return { ok: true }
  const from = legalInterestRateOn(date).from
  return {
    ok: false,
    code: "below-legal-floor",
    rateBp: p.rateBp,
    floorBp,
    from,
    message: `the late-payment penalty rate cannot be below three times the legal interest rate: ${pct(floorBp, "en")} in the ${halfYearText(from, "en")} (Code de commerce L441-10)`
  }
}

export const LatePenaltySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ecb-plus-10") }),
  z.object({ kind: z.literal("legal-rate-times-3") }),
  z.object({ kind: z.literal("fixed"), rateBp: z.number().int().min(0).max(10_000) })
])

/** The early-payment discount, basis points of the amount; 0 = none (and the documents then say so). */
export const EarlyPaymentDiscountSchema = z.number().int().min(0, "the early-payment discount cannot be negative").max(10_000, "the early-payment discount cannot exceed 100 %")

export type PaymentSettingsInput = { penaltyKind: LatePenalty["kind"]; penaltyRate: string; discount: string }

export type PaymentSettingsRead =
  | { ok: true; latePenalty: LatePenalty; earlyPaymentDiscountBp: number }
  | { ok: false; field: "penaltyRate" | "discount"; error: "penaltyRate" | "penaltyBelowFloor" | "discount"; floorBp: number }

/**
 * The options page's penalty and discount as typed ("12", "7,86", "1.5" %), read into basis points without a
 * float and checked against the floor of `date`'s half-year. Errors name an i18n key under `quotes.seller.errors`.
 */
export function readPaymentSettings(v: PaymentSettingsInput, date: string): PaymentSettingsRead {
  const floorBp = penaltyFloorBp(date)
  const discount = v.discount.trim() === "" ? 0 : parseScaledDecimal(v.discount.replace(/%/g, ""), 2)
  if (discount === null || !EarlyPaymentDiscountSchema.safeParse(discount).success) return { ok: false, field: "discount", error: "discount", floorBp }
  let latePenalty: LatePenalty = { kind: v.penaltyKind } as LatePenalty
  if (v.penaltyKind === "fixed") {
    const rateBp = parseScaledDecimal(v.penaltyRate.replace(/%/g, ""), 2)
    if (rateBp === null || rateBp > 10_000) return { ok: false, field: "penaltyRate", error: "penaltyRate", floorBp }
    latePenalty = { kind: "fixed", rateBp }
    if (!checkLatePenalty(latePenalty, date).ok) return { ok: false, field: "penaltyRate", error: "penaltyBelowFloor", floorBp }
  }
  return { ok: true, latePenalty, earlyPaymentDiscountBp: discount }
}

/** "first half of 2026" / "1er semestre 2026". */
export function halfYearText(from: string, lang: DocLanguage): string {
  const year = from.slice(0, 4)
  const first = from.slice(5, 7) < "07"
  if (lang === "fr") return `${first ? "1er" : "2d"} semestre ${year}`
  return `${first ? "first" : "second"} half of ${year}`
}

/**
 * The penalty sentence of a quote or an invoice. With the document's date, "three times the legal rate" also
 * gives the figure of that half-year, which a customer would otherwise have to look up.
 */
export function latePenaltyMention(p: LatePenalty, lang: DocLanguage, date?: string): string {
  const fr = lang === "fr"
  if (p.kind === "ecb-plus-10") return fr ? "Pénalités de retard : taux de refinancement de la BCE majoré de 10 points" : "Late-payment penalties: the ECB refinancing rate plus 10 percentage points"
  if (p.kind === "fixed") return fr ? `Pénalités de retard : ${pct(p.rateBp, "fr")} par an` : `Late-payment penalties: ${pct(p.rateBp, "en")} a year`
  const base = fr ? "Pénalités de retard : trois fois le taux d'intérêt légal" : "Late-payment penalties: three times the French legal interest rate"
  if (!date) return base
  const r = legalInterestRateOn(date)
  const figure = pct(LEGAL_RATE_MULTIPLIER * r.rateBp, lang)
  return fr ? `${base}, soit ${figure} par an au ${halfYearText(r.from, "fr")}` : `${base}, that is ${figure} a year in the ${halfYearText(r.from, "en")}`
}

export function earlyPaymentMention(discountBp: number, lang: DocLanguage): string {
  const fr = lang === "fr"
  if (discountBp > 0) return fr ? `Escompte pour paiement anticipé : ${pct(discountBp, "fr")}` : `Early-payment discount: ${pct(discountBp, "en")}`
  return fr ? "Pas d'escompte pour paiement anticipé" : "No discount for early payment"
}

function nextHalfYear(from: string): string {
  const year = Number(from.slice(0, 4))
  return from.slice(5, 7) < "07" ? `${year}-07-01` : `${year + 1}-01-01`
}

function pct(bp: number, lang: DocLanguage): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(bp / 10_000)
}
