import * as z from "zod"

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "country must be a two-letter ISO code (FR, GB, US…)")
export type CountryCode = z.infer<typeof CountryCode>

export const Language = z.enum(["fr", "en"])
export type Language = z.infer<typeof Language>

/** E.164: "+" then 8 to 15 digits. */
export const E164 = z.string().regex(/^\+[1-9]\d{7,14}$/, "phone must be in E.164 form (+33…)")
export type E164 = z.infer<typeof E164>

export const Email = z
  .string()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "not an email address")
  .transform((s) => s.toLowerCase())

export const Siren = z.string().regex(/^\d{9}$/, "SIREN must have 9 digits")
export const VatNumber = z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "VAT number must start with the country code (FR…)")

export const Address = z.object({
  label: z.string().max(60).default(""),
  line: z.string().max(300).default(""),
  postalCode: z.string().max(20).default(""),
  city: z.string().max(120).default(""),
  country: CountryCode
})
export type Address = z.infer<typeof Address>

export const Contact = z.object({
  id: z.string().min(1),
  firstName: z.string().max(120).default(""),
  lastName: z.string().max(120).default(""),
  role: z.string().max(120).default(""),
  phones: z.array(E164).max(20).default([]),
  emails: z.array(Email).max(20).default([])
})
export type Contact = z.infer<typeof Contact>

/**
 * A customer is one document with its contacts inside: one IndexedDB record and one index entry set per
 * customer keeps a 100k import and a phone lookup to a single write / single read (see src/db/README.md).
 * Sync replicates it as a row keyed by id; `updatedAt` is client time and is data, never order.
 */
export const Customer = z.object({
  id: z.string().min(1),
  code: z.string().min(1).max(40),
  company: z.string().min(1).max(200),
  siren: Siren.nullable().default(null),
  vatNumber: VatNumber.nullable().default(null),
  addresses: z.array(Address).max(10).default([]),
  country: CountryCode,
  language: Language,
  creditLimitCents: z.number().int().nonnegative().nullable().default(null),
  paymentTermsDays: z.number().int().min(0).max(365).nullable().default(null),
  salesRep: z.string().max(120).nullable().default(null),
  tags: z.array(z.string().min(1).max(60)).max(50).default([]),
  notes: z.string().max(10_000).default(""),
  contacts: z.array(Contact).max(200).default([]),
  createdAt: z.number().int(),
  updatedAt: z.number().int()
})
export type Customer = z.infer<typeof Customer>
export type CustomerInput = z.input<typeof Customer>

export const VatRate = z.number().int().min(0).max(10_000) // basis points: 2000 = 20 %

export const Product = z.object({
  id: z.string().min(1),
  ref: z.string().min(1).max(60),
  nameFr: z.string().min(1).max(300),
  nameEn: z.string().min(1).max(300),
  unit: z.string().min(1).max(30),
  unitPriceCents: z.number().int().nonnegative(),
  vatRateBp: VatRate,
  /**
   * Why a 0 % product carries no VAT, as printed ("Exonération de TVA, article 261-4-4° du CGI"); required by the
   * catalog form when the rate is 0 (src/domain/catalog/product-form.ts). Optional: rows from before it.
   */
  vatExemption: z.string().max(300).optional(),
  /**
   * The same mention in English, printed on English documents (issue #10); optional: without it an English document
   * prints the English of a usual legal wording, else the French text (src/domain/documents/exemption-text.ts).
   */
  vatExemptionEn: z.string().max(300).optional(),
  /**
   * The product's family ("Papier", "Café"), one word or two as the team names it: a customer's discount can be
   * given on a whole category (src/domain/catalog/pricing.ts). Optional: rows from before it have none.
   */
  category: z.string().max(60).optional(),
  /**
   * A product is deactivated, never deleted: documents keep pointing at it. Absent means active (rows written
   * before the catalog editor); an inactive product is not offered when adding a quote line.
   */
  active: z.boolean().optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int()
})
export type Product = z.infer<typeof Product>

/** How a customer was found from what is on a page, in the order the panel ranks them. */
export const MatchKind = z.enum(["email", "phone", "code", "name"])
export type MatchKind = z.infer<typeof MatchKind>

/** Keys of the single multiEntry lookup index: typed prefixes keep phones, emails and codes apart. */
export function lookupKeysOf(c: Pick<Customer, "code" | "contacts">): string[] {
  const keys = new Set<string>()
  keys.add(codeKey(c.code))
  for (const contact of c.contacts) {
    for (const p of contact.phones) keys.add(phoneKey(p))
    for (const e of contact.emails) keys.add(emailKey(e))
  }
  return [...keys]
}

export const phoneKey = (e164: string): string => `t:${e164}`
export const emailKey = (email: string): string => `e:${email.toLowerCase()}`
export const codeKey = (code: string): string => `c:${code.toUpperCase()}`
