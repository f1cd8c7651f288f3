import type { Customer } from "~src/domain/customers/customer.schema"

import type { CallerContext } from "./softphone-view"

/**
 * Who the dock's heading names during a call, as Aircall or Ringover do: the contact and the company, the number
 * under them. Only a customer the call is logged to (the one holding the number, or the one the agent picked): a
 * number several customers share stays the number until the agent picks, so the heading never names the wrong one.
 * The contact likewise: the one the call was placed to or picked, else the only one of that customer holding the
 * number; several contacts on one line (a switchboard) name the company alone.
 */
export interface CallHeading {
  contact: string | null
  company: string
}

export function callHeading(callId: string, caller: CallerContext | null): CallHeading | null {
  if (!caller || caller.callId !== callId || caller.customerId === null) return null
  const customer = caller.candidates.find((c) => c.id === caller.customerId)
  return customer ? headingOf(customer, caller.contactId) : null
}

/** The heading of a call with `customer`: its contact `contactId` named, else the company alone. */
export function headingOf(customer: Pick<Customer, "company" | "contacts">, contactId: string | null): CallHeading {
  const contact = customer.contacts.find((p) => p.id === contactId)
  const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : ""
  return { contact: name || null, company: customer.company }
}

/**
 * The heading of a call pressed for `customer` (a card's Call, Redial) while the softphone has not reported it yet:
 * the words `callHeading` will show once it does, so nothing jumps. The background names the customer the call was
 * placed for when the number's lookup finds them (an E.164 number one of their contacts holds), and the contact
 * `contactOfCall` gives; otherwise the in-call heading is the number, and so is this one (null).
 */
export function placedHeading(customer: Pick<Customer, "company" | "contacts">, number: string, contactId: string | null): CallHeading | null {
  if (!/^\+[1-9]\d{7,14}$/.test(number) || !customer.contacts.some((p) => p.phones.includes(number))) return null
  return headingOf(customer, contactOfCall(customer, number, contactId))
}

/**
 * The contact a call is logged to: the one it was placed to or picked (a card's contact, the previous call's on
 * Redial) while that contact of its customer still holds the number, else the only one of its customer holding it.
 * A Redial names the contact of a call logged days ago: one since deleted, or whose line is now someone else's,
 * would log the call to a person who was not called, so it counts as no contact named. Without the customer's record
 * there is nothing to check it against, and the contact named is kept, as before.
 */
export function contactOfCall(customer: Pick<Customer, "contacts"> | null, number: string, contactId: string | null): string | null {
  if (!customer) return contactId
  const named = customer.contacts.find((p) => p.id === contactId)
  return named?.phones.includes(number) ? named.id : onlyContactWith(customer, number)
}

/** The contact of `customer` a number names with certainty: the only one holding it, else none. */
export function onlyContactWith(customer: Pick<Customer, "contacts">, number: string): string | null {
  const holders = customer.contacts.filter((p) => p.phones.includes(number))
  return holders.length === 1 ? holders[0]!.id : null
}
