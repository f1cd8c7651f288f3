import { useEffect, useState } from "react"

import type { Customer } from "~src/domain/customers/customer.schema"
import { placedHeading, type CallHeading } from "~src/domain/telephony"
import { send } from "~src/messaging/send"

import type { PlacedCall } from "./use-call-press"

/**
 * Who the dock's heading names while a call pressed on this page is placed: the customer the press named (and its
 * contact), in the words the in-call heading will use, so that the heading does not jump from the number to the name
 * when the softphone reports the call (~150 ms later, more on a loaded machine). A card gives the customer's record
 * with the press: the name comes with "Calling…". A press that names only the customer's id (Redial, the history:
 * with the contact the previous call was logged to, if it had one) reads the record here, after the press went out (softphone/call is sent first, nothing waits on this): "Calling…"
 * at once, the name as soon as it is read. A press naming no customer (the pad) keeps the number.
 */
export function usePlacingHeading(placed: PlacedCall | null): CallHeading | null {
  const inHand = placed?.customer ?? null
  const wanted = inHand === null ? (placed?.customerId ?? null) : null
  const [read, setRead] = useState<Customer | null>(null)
  useEffect(() => {
    if (wanted === null) return
    let current = true
    send("customers/get", { ids: [wanted] }).then(
      (r) => current && setRead(r.customers.find((c) => c.id === wanted) ?? null),
      // Not known on this device (or the background busy): the heading keeps the number, as the in-call one will.
      () => undefined
    )
    return () => {
      current = false
    }
  }, [wanted])
  const customer = inHand ?? (read !== null && read.id === placed?.customerId ? read : null)
  return placed && customer ? placedHeading(customer, placed.number, placed.contactId) : null
}
