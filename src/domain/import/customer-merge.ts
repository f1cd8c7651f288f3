import type { Contact, Customer } from "../customers/customer.schema"
import { CUSTOMER_FIELDS, type CustomerField } from "./headers"
import { looseKey } from "./text"

/** A customer read from a file, with the template fields the file actually gave for it. */
export interface ImportedCustomer {
  /** Ready to store as is when the code is new. */
  customer: Customer
  /**
   * Fields with a non-empty value in the file. On re-import the others keep their stored value: an empty
   * cell or a missing column means "not given", never "erase" (country and language are always filled in
   * the customer, from the default country, so this is the only place that says whether the file gave them).
   */
  given: ReadonlySet<CustomerField>
  /** The physical lines the customer was read from. */
  lines: number[]
}

const ALL_FIELDS: ReadonlySet<CustomerField> = new Set(CUSTOMER_FIELDS)

const nameKeys = new WeakMap<Contact, { first: string; last: string; key: string }>()

/** Folded full name, remembered per contact object: every row of a code compares against its contacts. */
function nameKey(c: Contact): string {
  const cached = nameKeys.get(c)
  if (cached && cached.first === c.firstName && cached.last === c.lastName) return cached.key
  const key = looseKey(`${c.firstName} ${c.lastName}`)
  nameKeys.set(c, { first: c.firstName, last: c.lastName, key })
  return key
}

/**
 * The contact of `contacts` that `c` is the same person as: one with an email in common; otherwise one with
 * the same full name when one of the two has no email (two "Marie Martin" with different addresses are two
 * people); a contact with neither name nor email (a switchboard line) matches the other such contact.
 */
export function findSameContact(contacts: readonly Contact[], c: Contact): Contact | undefined {
  const withEmail = c.emails.length > 0
  if (withEmail) {
    for (const k of contacts) if (k.emails.some((e) => c.emails.includes(e))) return k
  }
  // Folding names is the costly part: only for contacts a name may match.
  let name: string | undefined
  for (const k of contacts) {
    if (withEmail && k.emails.length > 0) continue
    name ??= nameKey(c)
    if (name === "" && (withEmail || k.emails.length > 0)) continue
    if (nameKey(k) === name) return k
  }
  return undefined
}

function union(into: string[], more: readonly string[]): void {
  for (const v of more) if (!into.includes(v)) into.push(v)
}

/**
 * Folds `incoming` into `target` (same person). `prefer` says whose names and role win when both have one:
 * within a file the first row wins; on re-import the file wins, as it is the newer word.
 */
export function mergeContactFields(target: Contact, incoming: Contact, prefer: "target" | "incoming"): void {
  for (const key of ["firstName", "lastName", "role"] as const) {
    if (incoming[key] !== "" && (target[key] === "" || prefer === "incoming")) target[key] = incoming[key]
  }
  union(target.phones, incoming.phones)
  union(target.emails, incoming.emails)
}

function copyContact(c: Contact): Contact {
  return { ...c, phones: [...c.phones], emails: [...c.emails] }
}

/**
 * A stored customer updated from an imported one with the same code. Keeps the stored id, code spelling and
 * createdAt; overwrites the fields the file gave; merges contacts (same email, or same full name) keeping
 * their ids and never deletes a stored contact; appends the import's notes. Without `existing`, returns the
 * imported customer as a new record.
 */
export function mergeCustomer(existing: Customer | undefined, imported: ImportedCustomer | Customer, now: number): Customer {
  const { customer: inc, given } = "customer" in imported ? imported : { customer: imported, given: ALL_FIELDS }
  if (!existing) {
    return { ...inc, addresses: inc.addresses.map((a) => ({ ...a })), tags: [...inc.tags], contacts: inc.contacts.map(copyContact), updatedAt: now }
  }
  const out: Customer = {
    ...existing,
    addresses: existing.addresses.map((a) => ({ ...a })),
    tags: [...existing.tags],
    contacts: existing.contacts.map(copyContact),
    updatedAt: now
  }
  if (given.has("company")) out.company = inc.company
  if (given.has("siren")) out.siren = inc.siren
  if (given.has("vat_number")) out.vatNumber = inc.vatNumber
  if (given.has("country")) out.country = inc.country
  if (given.has("language")) out.language = inc.language
  if (given.has("credit_limit")) out.creditLimitCents = inc.creditLimitCents
  if (given.has("payment_terms_days")) out.paymentTermsDays = inc.paymentTermsDays
  if (given.has("sales_rep")) out.salesRep = inc.salesRep
  if (given.has("tags")) out.tags = [...inc.tags]

  const address = inc.addresses[0]
  if (address && (given.has("address") || given.has("postal_code") || given.has("city"))) {
    const first = out.addresses[0]
    if (!first) out.addresses = [{ ...address, country: out.country }]
    else {
      // The label ("Siège", "Entrepôt") is not in the template: keep the stored one.
      if (given.has("address")) first.line = address.line
      if (given.has("postal_code")) first.postalCode = address.postalCode
      if (given.has("city")) first.city = address.city
      if (given.has("country")) first.country = address.country
    }
  }

  if (inc.notes !== "") {
    const lines = out.notes === "" ? [] : out.notes.split("\n")
    for (const line of inc.notes.split("\n")) if (!lines.includes(line)) lines.push(line)
    out.notes = lines.join("\n")
  }

  for (const contact of inc.contacts) {
    const same = findSameContact(out.contacts, contact)
    if (same) mergeContactFields(same, contact, "incoming")
    else out.contacts.push(copyContact(contact))
  }
  return out
}
