import * as z from "zod"

import { checkSchedule, DEFAULT_DUNNING_SCHEDULE, type DunningSchedule } from "./dunning"
import { checkLatePenalty, EarlyPaymentDiscountSchema, LatePenaltySchema } from "./late-penalty"
import type { SellerIdentity } from "./legal-mentions"
import { todayInFrance } from "./payment-terms"
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from "./risk"

const Siren = z.string().regex(/^\d{9}$/, "the SIREN has 9 digits")
const VatNumber = z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "the VAT number starts with the country code (FR…)")

/**
 * The seller as the team's settings hold it (a manager fills it once for the whole team): what French law wants
 * on every quote and invoice. Stored as the replicated row `teamSettings/seller`.
 */
export const SellerIdentitySchema = z.object({
  name: z.string().min(1, "the company name is missing").max(200),
  legalForm: z.string().min(1, "the legal form (SAS, SARL…) is missing").max(60),
  shareCapitalCents: z.number().int().nonnegative().nullable().default(null),
  siren: Siren,
  rcsCity: z.string().min(1, "the city of the trade register (RCS) is missing").max(120),
  vatNumber: VatNumber,
  address: z.object({
    line: z.string().min(1, "the street address is missing").max(300),
    postalCode: z.string().min(1, "the postal code is missing").max(20),
    city: z.string().min(1, "the city is missing").max(120),
    country: z.string().regex(/^[A-Z]{2}$/)
  }),
  latePenalty: LatePenaltySchema.default({ kind: "ecb-plus-10" }),
  earlyPaymentDiscountBp: EarlyPaymentDiscountSchema.default(0),
  email: z.string().max(254).default(""),
  phone: z.string().max(40).default(""),
  iban: z.string().max(40).default("")
}) satisfies z.ZodType<SellerIdentity & { email: string; phone: string; iban: string }>
export type Seller = z.infer<typeof SellerIdentitySchema>

/**
 * The seller as it may be written (the options page, the background, the server's check of a push): a fixed
 * penalty rate below three times the legal interest rate of the day is refused. Reading a stored row uses
 * `SellerIdentitySchema` alone, so a rate the law overtook at a new half-year stays readable; issuing then
 * refuses it (`checkSellerForIssue`) until a manager raises it.
 */
export const WritableSellerSchema = SellerIdentitySchema.superRefine((s, ctx) => {
  const check = checkLatePenalty(s.latePenalty, todayInFrance())
  if (!check.ok) ctx.addIssue({ code: "custom", path: ["latePenalty", "rateBp"], message: check.message })
})

/** Days overdue beyond which a customer is blocked: a whole number of days, at least one, at most a year. */
export const RiskOverdueDaysSchema = z.number().int("the overdue threshold is a whole number of days").min(1, "the overdue threshold is at least 1 day").max(365, "the overdue threshold is at most 365 days")

/** The replicated row of team settings: one per team, id "seller", written by managers and admins. */
export const TeamSettingsRow = z.object({
  id: z.literal("seller"),
  seller: WritableSellerSchema,
  /** A new quote is valid this many days (the form's default validity date). */
  quoteValidityDays: z.number().int().min(1).max(365).default(30),
  /** Days past due of each reminder (friendly / firm / formal notice), the team's; absent: 7 / 15 / 30. */
  dunningSchedule: z
    .object({ friendly: z.number().int().min(1).max(365), firm: z.number().int().min(1).max(365), "formal-notice": z.number().int().min(1).max(365) })
    .refine((s) => checkSchedule(s) === null, "reminder days must increase: friendly < firm < formal notice")
    .optional(),
  /**
   * An unpaid invoice overdue more than this many days blocks the customer: confirming an order then needs a
   * manager's override (the extension and the server read the same row); absent: 30.
   */
  riskOverdueDays: RiskOverdueDaysSchema.optional(),
  updatedAt: z.number().int()
})
export type TeamSettingsRow = z.infer<typeof TeamSettingsRow>

/**
 * What is missing or unlawful for a legal document dated `date`, in words (empty when complete): the fields,
 * and a fixed penalty rate below the floor of that half-year.
 */
export function sellerProblems(raw: unknown, date: string = todayInFrance()): string[] {
  const r = SellerIdentitySchema.safeParse(raw)
  // A field absent altogether (a row saved by an older version) is named as missing, not as a type error.
  if (!r.success) return r.error.issues.map((i) => (i.code === "invalid_type" ? (MISSING[i.path.join(".")] ?? `${i.path.join(".")} is missing`) : i.message))
  const penalty = checkLatePenalty(r.data.latePenalty, date)
  return penalty.ok ? [] : [penalty.message]
}

const MISSING: Record<string, string> = {
  name: "the company name is missing",
  legalForm: "the legal form (SAS, SARL…) is missing",
  siren: "the SIREN is missing",
  rcsCity: "the city of the trade register (RCS) is missing",
  vatNumber: "the VAT number is missing",
  address: "the address is missing",
  "address.line": "the street address is missing",
  "address.postalCode": "the postal code is missing",
  "address.city": "the city is missing",
  "address.country": "the country of the address is missing"
}

/** The documents that carry the seller's identity: what the customer receives (an order stays in-house). */
const CARRY_SELLER: ReadonlySet<string> = new Set(["quote", "invoice", "credit-note"])

export type IssueSellerCheck = { ok: true } | { ok: false; problems: string[]; message: string }

/**
 * Whether the team's seller identity lets this document be issued: a quote or an invoice without the seller's
 * name, legal form, SIREN, VAT number and address breaks French law (Code de commerce L441-9), so it is not
 * numbered at all rather than sent incomplete. The server applies it when it issues; the form says it first.
 */
export function checkSellerForIssue(type: string, raw: unknown, date: string = todayInFrance()): IssueSellerCheck {
  if (!CARRY_SELLER.has(type)) return { ok: true }
  const problems = raw === null || raw === undefined ? ["the seller identity has not been filled in"] : sellerProblems(raw, date)
  if (!problems.length) return { ok: true }
  const what = type === "quote" ? "a quote" : type === "invoice" ? "an invoice" : "a credit note"
  return { ok: false, problems, message: `${what} cannot be issued while the team's seller identity is incomplete (${problems.join("; ")}): a manager completes it in the options page` }
}

/** The team's reminder days from its settings row; the defaults when the row has none or a bad one. */
export function teamDunningSchedule(row: unknown): DunningSchedule {
  const raw = (row as { dunningSchedule?: unknown } | null | undefined)?.dunningSchedule
  const parsed = TeamSettingsRow.shape.dunningSchedule.safeParse(raw)
  return parsed.success && parsed.data ? parsed.data : DEFAULT_DUNNING_SCHEDULE
}

/** The team's risk rules from its settings row: its overdue threshold, the defaults for the rest or a bad row. */
export function teamRiskSettings(row: unknown): RiskSettings {
  const parsed = RiskOverdueDaysSchema.safeParse((row as { riskOverdueDays?: unknown } | null | undefined)?.riskOverdueDays)
  return parsed.success ? { ...DEFAULT_RISK_SETTINGS, blockOverdueDays: parsed.data } : DEFAULT_RISK_SETTINGS
}
