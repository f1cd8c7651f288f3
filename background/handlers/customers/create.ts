import { newId } from "~src/domain/ids"
import { customerFromForm } from "~src/domain/customers/new-customer"
import { loadSettings } from "~src/features/settings/settings-store"
import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"
import { baseChanged, services } from "../../services"
import { softphone } from "../../softphone"
import { runSync } from "../../sync"

/**
 * "New customer with this number": the customer is written like an imported one (the outbox records it, the
 * sync pushes it at once), then the call is theirs: the caller card while it rings or talks, its outcome
 * draft once it ended (the form and the "to log" list name them).
 */
export const customersCreate = defineHandler("customers/create", async (req) => {
  const settings = await loadSettings()
  const customer = customerFromForm(req.values, { id: newId(), contactId: newId(), agentCountry: settings.defaultCountry, now: Date.now() })
  await services.customers.put(customer)
  baseChanged()
  void runSync(true).catch(() => undefined)
  let callAssigned = false
  if (req.callId) {
    const contactId = customer.contacts[0]?.id ?? null
    // The caller card (if this call is the softphone's last one): refused when the number typed is another one.
    const onCard = await softphone.assign(req.callId, customer.id, contactId).then(
      () => true,
      () => false
    )
    const onDraft = await callOutcomes().assignCall(req.callId, customer, contactId)
    callAssigned = onCard || onDraft
  }
  return { ok: true as const, customer, callAssigned }
})
