import { parsePhoneNumberFromString } from "libphonenumber-js"

import { centsToInput } from "../documents/quote-form"
import { parseScaledDecimal } from "../documents/money"
import { checkPaymentTerms, MAX_NET_DAYS, termsFromDays } from "../documents/payment-terms"
import { parseEmails, parseSiren, parseTags, parseVatNumber } from "../import/fields"
import { Customer, type Contact } from "./customer.schema"
import { CustomerEditValues, err, type AddressValues, type ContactValues } from "./customer-edit-values"
import { phoneE164 } from "./new-customer"

export { mayEditCreditLimit } from "./customer-rules"
export { AddressValues, ContactValues, CustomerEditValues } from "./customer-edit-values"

/**
 * The customer editor as the agent fills it: every value a string as typed, read into the stored customer by
 * `customerFromEdit`. Error messages are i18n keys (`customers.errors.*`), shown in words under their field.
 * SIREN and VAT go through the import's own readers (Luhn key, French VAT key), payment terms through the
 * French cap (Code de commerce L441-10), phones through libphonenumber-js like everywhere else.
 */
export function valuesFromCustomer(c: Customer, lang: "fr" | "en"): CustomerEditValues {
  return {
    company: c.company,
    country: c.country,
    language: c.language,
    siren: c.siren ?? "",
    vatNumber: c.vatNumber ?? "",
    tags: c.tags.join(", "),
    salesRep: c.salesRep ?? "",
    notes: c.notes,
    paymentTermsDays: c.paymentTermsDays === null ? "" : String(c.paymentTermsDays),
    creditLimit: c.creditLimitCents === null ? "" : centsToInput(c.creditLimitCents, lang).replace(/[,.]00$/, ""),
    addresses: c.addresses.map((a) => ({ label: a.label, line: a.line, postalCode: a.postalCode, city: a.city, country: a.country })),
    contacts: c.contacts.map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, role: p.role, phones: p.phones.map((e164) => ({ number: parsePhoneNumberFromString(e164)?.formatInternational() ?? e164 })), emails: p.emails.join(", ") }))
  }
}

/**
 * The edit laid over the customer as stored now: only the fields the agent changed since the form opened
 * (`original`) are taken from the form, so a change another device synced meanwhile to a field left alone is
 * kept (the outbox then sends only the agent's fields; the team's rule is last write per field).
 */
export function rebaseEdit(values: CustomerEditValues, original: CustomerEditValues, current: Customer): CustomerEditValues {
  const out: Record<string, unknown> = { ...valuesFromCustomer(current, "fr") }
  for (const k of Object.keys(values) as (keyof CustomerEditValues)[]) {
    if (JSON.stringify(values[k]) !== JSON.stringify(original[k])) out[k] = values[k]
  }
  return out as CustomerEditValues
}

export function emptyContact(): ContactValues {
  return { id: "", firstName: "", lastName: "", role: "", phones: [{ number: "" }], emails: "" }
}

export function emptyAddress(country: string): AddressValues {
  return { label: "", line: "", postalCode: "", city: "", country }
}

/** What the editor may keep as it was stored even if today's rule refuses it (an imported 90-day term). */
export interface EditContext {
  /** A national number is read in the customer's country first, then in the agent's. */
  agentCountry: string
  stored: Pick<Customer, "paymentTermsDays"> | null
}

/** A number typed in a contact, in E.164: read in the customer's country, then in the agent's. */
export function readPhone(text: string, customerCountry: string, agentCountry: string): string | null {
  return (phoneE164(text, customerCountry) ?? phoneE164(text, agentCountry))?.e164 ?? null
}

/** The SIREN as stored (9 digits with a valid Luhn key; a 14-digit SIRET gives its SIREN), "" for none, null when refused. */
export function readSiren(text: string): string | null | "" {
  if (text.trim() === "") return ""
  const r = parseSiren(text)
  return r.ok ? r.value.siren : null
}

export function readVatNumber(text: string): string | null | "" {
  if (text.trim() === "") return ""
  const r = parseVatNumber(text)
  return r.ok ? r.value : null
}

/** The form's rules, with what only the whole form can tell (phones in the customer's country, VAT against SIREN). */
export function customerEditSchema(ctx: EditContext) {
  return CustomerEditValues.superRefine((v, issue) => {
    const add = (path: (string | number)[], key: string) => issue.addIssue({ code: "custom", path, message: err(key) })
    const siren = readSiren(v.siren)
    if (siren === null) add(["siren"], "siren")
    const vat = readVatNumber(v.vatNumber)
    if (vat === null) add(["vatNumber"], "vatNumber")
    // A French VAT number is FR, its key and the SIREN: one that names another company is a typo.
    else if (siren && vat && vat.startsWith("FR") && vat.slice(4) !== siren) add(["vatNumber"], "vatNotSiren")
    if (!parseTags(v.tags).ok) add(["tags"], "tags")
    if (v.paymentTermsDays !== "") {
      const days = /^\d{1,3}$/.test(v.paymentTermsDays) ? Number(v.paymentTermsDays) : null
      if (days === null) add(["paymentTermsDays"], "paymentTerms")
      else if (days !== ctx.stored?.paymentTermsDays && !checkPaymentTerms(termsFromDays(days)).ok) add(["paymentTermsDays"], "paymentTermsCap")
    }
    if (v.creditLimit !== "" && parseScaledDecimal(v.creditLimit, 2) === null) add(["creditLimit"], "creditLimit")
    v.contacts.forEach((p, i) => {
      p.phones.forEach((ph, k) => {
        if (ph.number !== "" && !readPhone(ph.number, v.country, ctx.agentCountry)) add(["contacts", i, "phones", k, "number"], "phone")
      })
      if (p.emails !== "" && !parseEmails(p.emails).ok) add(["contacts", i, "emails"], "email")
      const empty = !p.firstName && !p.lastName && !p.role && p.emails === "" && p.phones.every((ph) => ph.number === "")
      if (empty) add(["contacts", i, "firstName"], "emptyContact")
    })
  })
}

/**
 * The stored customer these values make: id, code and creation time are kept; a contact keeps
 * its id (calls and quotes point at it), a new one gets `newId()`. Throws on values the schema refuses (the
 * background checks them again).
 */
export function customerFromEdit(values: CustomerEditValues, existing: Customer, env: { agentCountry: string; newId: () => string; now: number; mayEditCreditLimit: boolean }): Customer {
  const v = customerEditSchema({ agentCountry: env.agentCountry, stored: existing }).parse(values)
  const siren = readSiren(v.siren)
  const vat = readVatNumber(v.vatNumber)
  const tags = parseTags(v.tags)
  const contacts: Contact[] = v.contacts.map((p) => {
    const phones = [...new Set(p.phones.filter((ph) => ph.number !== "").map((ph) => readPhone(ph.number, v.country, env.agentCountry)!))]
    const emails = p.emails === "" ? [] : (parseEmails(p.emails) as { ok: true; value: string[] }).value
    return { id: p.id || env.newId(), firstName: p.firstName, lastName: p.lastName, role: p.role, phones, emails }
  })
  return Customer.parse({
    ...existing,
    company: v.company,
    country: v.country,
    language: v.language,
    siren: siren || null,
    vatNumber: vat || null,
    tags: tags.ok ? tags.value : existing.tags,
    salesRep: v.salesRep || null,
    notes: v.notes,
    paymentTermsDays: v.paymentTermsDays === "" ? null : Number(v.paymentTermsDays),
    // An agent's form sends the limit as it was shown; only a manager's is read.
    creditLimitCents: env.mayEditCreditLimit ? (v.creditLimit === "" ? null : parseScaledDecimal(v.creditLimit, 2)) : existing.creditLimitCents,
    addresses: v.addresses.filter((a) => a.label || a.line || a.postalCode || a.city),
    contacts,
    updatedAt: env.now
  })
}

/** The French cap, for the form's hint: "at most 60 days". */
export const PAYMENT_TERMS_CAP_DAYS = MAX_NET_DAYS
