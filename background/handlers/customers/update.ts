import { customerEditSchema, customerFromEdit, mayEditCreditLimit, rebaseEdit } from "~src/domain/customers/customer-edit"
import { newId } from "~src/domain/ids"
import { loadSettings } from "~src/features/settings/settings-store"
import { defineHandler } from "~src/messaging/handler"

import { baseChanged, services } from "../../services"
import { readSession, runSync, teamRepsWithin } from "../../sync"

/**
 * The workspace's customer editor: the values are read again here with the form's rules (the page may be an
 * older version), then the customer is written like an import or a pull writes it. `put` keeps the lookup
 * buckets in step (a phone added is found on a page at once); `baseChanged` drops the search index, relearns the
 * base's countries and makes open tabs look their values up again; the outbox records the changed fields and
 * the sync pushes them at once. The credit limit is read only from a manager or an admin (the server checks it too).
 */
export const customersUpdate = defineHandler("customers/update", async (req) => {
  const [existing] = await services.customers.getMany([req.id])
  if (!existing) return { ok: false, error: "customers.errors.notFound" }
  const [settings, session] = await Promise.all([loadSettings(), readSession()])
  // Only what the agent changed is laid over the customer as stored now (another device may have synced since).
  const values = rebaseEdit(req.values, req.original, existing)
  const checked = customerEditSchema({ agentCountry: settings.defaultCountry, stored: existing }).safeParse(values)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    return { ok: false, error: issue.message, field: issue.path.join(".") }
  }
  const customer = customerFromEdit(values, existing, { agentCountry: settings.defaultCountry, newId, now: Date.now(), mayEditCreditLimit: mayEditCreditLimit(session?.user.role ?? null) })
  await services.customers.put(customer)
  baseChanged()
  void runSync(true).catch(() => undefined)
  return { ok: true, customer }
})

/** The editor opens at once and fills its sales-rep pick when the names come: it may wait longer than a quote form. */
const NAMES_WAIT_MS = 1500

export const customersEditRights = defineHandler("customers/edit-rights", async () => {
  const [session, reps] = await Promise.all([readSession(), teamRepsWithin(NAMES_WAIT_MS)])
  return { mayEditCreditLimit: mayEditCreditLimit(session?.user.role ?? null), teamMembers: reps.active, inactiveMembers: reps.inactive }
})
