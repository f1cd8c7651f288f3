import * as z from "zod"

import { Language } from "./customer.schema"

/**
 * The customer editor's values as the agent types them (strings), bounded: the shape the workspace sends to the
 * background (`customers/update`). The rules that read them are in customer-edit.ts; this file stays light, as
 * the message contract imports it. Error messages are i18n keys (`customers.errors.*`).
 */
export const err = (k: string) => `customers.errors.${k}`

export const AddressValues = z.object({
  label: z.string().trim().max(60, err("tooLong")),
  line: z.string().trim().max(300, err("tooLong")),
  postalCode: z.string().trim().max(20, err("tooLong")),
  city: z.string().trim().max(120, err("tooLong")),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, err("country"))
})
export type AddressValues = z.infer<typeof AddressValues>

export const ContactValues = z.object({
  /** The stored contact's id; empty for a contact added in the editor (given one when saved). */
  id: z.string().max(100),
  firstName: z.string().trim().max(120, err("tooLong")),
  lastName: z.string().trim().max(120, err("tooLong")),
  role: z.string().trim().max(120, err("tooLong")),
  /** One input per number (react-hook-form's field arrays hold objects). */
  phones: z.array(z.object({ number: z.string().trim().max(40, err("phone")) })).max(20, err("tooMany")),
  /** One or several addresses, separated by commas or semicolons. */
  emails: z.string().trim().max(1000, err("tooLong"))
})
export type ContactValues = z.infer<typeof ContactValues>

export const CustomerEditValues = z.object({
  company: z.string().trim().min(1, err("company")).max(200, err("tooLong")),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, err("country")),
  language: Language,
  siren: z.string().trim().max(40, err("siren")),
  vatNumber: z.string().trim().max(40, err("vatNumber")),
  /** Separated by commas. */
  tags: z.string().max(3200, err("tooLong")),
  /** Who follows this customer (quotes and documents print it); "" for nobody. */
  salesRep: z.string().trim().max(120, err("tooLong")),
  notes: z.string().max(10_000, err("tooLong")),
  /** Days, as typed; "" when not agreed, 0 cash on receipt. */
  paymentTermsDays: z.string().trim().max(10, err("paymentTerms")),
  /** Euros, as typed ("25 000", "2500,50"); "" for no limit. */
  creditLimit: z.string().trim().max(30, err("creditLimit")),
  addresses: z.array(AddressValues).max(10, err("tooMany")),
  contacts: z.array(ContactValues).max(200, err("tooMany"))
})
export type CustomerEditValues = z.infer<typeof CustomerEditValues>

