import * as z from "zod"

import type { SellerIdentity } from "./legal-mentions"

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
  latePenalty: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("ecb-plus-10") }),
      z.object({ kind: z.literal("legal-rate-times-3") }),
      z.object({ kind: z.literal("fixed"), rateBp: z.number().int().min(0).max(10_000) })
    ])
    .default({ kind: "ecb-plus-10" }),
  earlyPaymentDiscountBp: z.number().int().min(0).max(10_000).default(0),
  email: z.string().max(254).default(""),
  phone: z.string().max(40).default(""),
  iban: z.string().max(40).default("")
}) satisfies z.ZodType<SellerIdentity & { email: string; phone: string; iban: string }>
export type Seller = z.infer<typeof SellerIdentitySchema>

/** The replicated row of team settings: one per team, id "seller", written by managers and admins. */
export const TeamSettingsRow = z.object({
  id: z.literal("seller"),
  seller: SellerIdentitySchema,
  /** A new quote is valid this many days (the form's default validity date). */
  quoteValidityDays: z.number().int().min(1).max(365).default(30),
  updatedAt: z.number().int()
})
export type TeamSettingsRow = z.infer<typeof TeamSettingsRow>

/** What is missing for a legal document, in words (empty when complete). */
export function sellerProblems(raw: unknown): string[] {
  const r = SellerIdentitySchema.safeParse(raw)
  return r.success ? [] : r.error.issues.map((i) => i.message)
}
