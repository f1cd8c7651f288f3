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
  if (!customer) return null
  const contact = customer.contacts.find((p) => p.id === caller.contactId)
  const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : ""
  return { contact: name || null, company: customer.company }
}

/** The contact of `customer` a number names with certainty: the only one holding it, else none. */
export function onlyContactWith(customer: Pick<Customer, "contacts">, number: string): string | null {
  const holders = customer.contacts.filter((p) => p.phones.includes(number))
  return holders.length === 1 ? holders[0]!.id : null
}
