import { parsePhoneNumberFromString, type CountryCode as LibCountryCode } from "libphonenumber-js"
import * as z from "zod"

import { Customer, Email, Language } from "./customer.schema"

/**
 * "New customer" typed by the agent (an unknown caller's number, prefilled). Values are strings as typed;
 * error messages are i18n keys (`customers.errors.*`), shown in words under their field.
 */
const err = (k: string) => `customers.errors.${k}`

export const NewCustomerValues = z.object({
  company: z.string().trim().min(1, err("company")).max(200, err("tooLong")),
  /** "Marie Dupont": the first word is the first name, the rest the last name. */
  contactName: z.string().trim().max(240, err("tooLong")),
  phone: z.string().trim().min(1, err("phone")).max(40, err("phone")),
  email: z.string().trim().max(254, err("email")).refine((v) => v === "" || Email.safeParse(v).success, err("email")),
  language: Language
})
export type NewCustomerValues = z.infer<typeof NewCustomerValues>

/** The phone as E.164, read in the agent's country when typed national; null when it is not a number. */
export function phoneE164(text: string, agentCountry: string): { e164: string; country: string | null } | null {
  const n = parsePhoneNumberFromString(text.trim(), agentCountry as LibCountryCode)
  return n?.isValid() ? { e164: n.number, country: n.country ?? null } : null
}

/** The form's rules with the agent's country (a national number is read in it). */
export function newCustomerSchema(agentCountry: string) {
  return NewCustomerValues.superRefine((v, ctx) => {
    if (v.phone !== "" && !phoneE164(v.phone, agentCountry)) ctx.addIssue({ code: "custom", path: ["phone"], message: err("phone") })
  })
}

export function newCustomerDefaults(phone: string, language: Language): NewCustomerValues {
  return { company: "", contactName: "", phone, email: "", language }
}

/** A code for a customer made here, from its id: unique without asking the team ("N-" and 8 of the id's random digits). */
export const newCustomerCode = (id: string): string => `N-${id.replace(/[^0-9a-z]/gi, "").slice(-8).toUpperCase()}`

/**
 * The customer the form describes: one contact holding the number (and the email), the country of the number
 * (else the agent's). Throws on values the schema refuses (the background checks them again).
 */
export function customerFromForm(values: NewCustomerValues, env: { id: string; contactId: string; agentCountry: string; now: number }): Customer {
  const v = newCustomerSchema(env.agentCountry).parse(values)
  const phone = phoneE164(v.phone, env.agentCountry)!
  const [first = "", ...rest] = v.contactName.split(/\s+/).filter((w) => w !== "")
  return Customer.parse({
    id: env.id,
    code: newCustomerCode(env.id),
    company: v.company,
    country: phone.country ?? env.agentCountry,
    language: v.language,
    contacts: [{ id: env.contactId, firstName: first, lastName: rest.join(" "), phones: [phone.e164], emails: v.email === "" ? [] : [v.email] }],
    createdAt: env.now,
    updatedAt: env.now
  })
}
