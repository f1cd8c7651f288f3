import type { Customer } from "../customers/customer.schema"
import { isPublicDomain } from "../orders/customer-match"

/**
 * Is the reply a summary goes into addressed to the customer it is about? A dunning reminder or a quote holds the
 * customer's amounts: inserted into a reply to someone else (another customer, a colleague) it leaks them.
 *
 * - `unknown`: the compose box showed no recipient (an empty To, a webmail whose fields are not recognised):
 *   nothing to compare, the insertion goes on as before.
 * - `customer`: at least one recipient is one of the customer's contacts' addresses, or writes from one of the
 *   customer's own domains (a colleague of the contact at acme.fr, or at compta.acme.fr). A public mailbox provider's
 *   domain (gmail.com, orange.fr…, the list of `isPublicDomain`) is nobody's own: two customers can both write from it.
 * - `elsewhere`: recipients are shown and none is the customer's, including when the customer has no address on
 *   file (nothing vouches for the reply then either): the agent is told before anything is inserted.
 */
export type RecipientCheck = { kind: "unknown" } | { kind: "customer" } | { kind: "elsewhere"; recipients: string[] }

const ADDRESS = /^[^\s@<>,;]+@([^\s@<>,;]+\.[^\s@<>,;]+)$/

/** The recipients as addresses: trimmed, lower case, once each, what is no address dropped. */
export function recipientAddresses(raw: readonly string[]): string[] {
  const out = new Set<string>()
  for (const r of raw) {
    const a = r.trim().toLowerCase()
    if (ADDRESS.test(a)) out.add(a)
  }
  return [...out]
}

/** The customer's own mail domains: its contacts' address domains, public mailbox providers left out. */
export function customerDomains(customer: Pick<Customer, "contacts">): Set<string> {
  const domains = new Set<string>()
  for (const contact of customer.contacts) {
    for (const e of contact.emails) {
      const d = ADDRESS.exec(e.trim().toLowerCase())?.[1]
      if (d !== undefined && !isPublicDomain(d)) domains.add(d)
    }
  }
  return domains
}

export function checkRecipients(raw: readonly string[], customer: Pick<Customer, "contacts">): RecipientCheck {
  const recipients = recipientAddresses(raw)
  if (recipients.length === 0) return { kind: "unknown" }
  const emails = new Set(customer.contacts.flatMap((c) => c.emails.map((e) => e.trim().toLowerCase())))
  const domains = customerDomains(customer)
  const theirs = (address: string): boolean => {
    if (emails.has(address)) return true
    const domain = ADDRESS.exec(address)![1]!
    for (const d of domains) if (domain === d || domain.endsWith(`.${d}`)) return true
    return false
  }
  return recipients.some(theirs) ? { kind: "customer" } : { kind: "elsewhere", recipients }
}
