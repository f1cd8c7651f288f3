import type { TFunction } from "i18next"

import { appointmentIcs } from "~src/domain/calls/appointment-ics"
import type { CallLog } from "~src/domain/calls/call-log.schema"
import type { OutcomeCustomer } from "~src/domain/calls/outcome-form"

/** The appointment's calendar file, for the sales rep's and the customer's calendars. */
export function appointmentFile(log: CallLog, customer: OutcomeCustomer | null, t: TFunction): { name: string; text: string } | null {
  const a = log.appointment
  if (!a) return null
  const who = customer ? customer.company : (log.number ?? "")
  const text = appointmentIcs(a, {
    title: t("callOutcome.ics.title", { who, rep: a.salesRep }),
    description: log.notes,
    uid: `${log.id}@comptoir`
  })
  const slug = (customer?.code ?? "rdv").replace(/[^A-Za-z0-9-]/g, "")
  return { name: `${t("callOutcome.ics.file")}-${slug}-${a.date}.ics`, text }
}

/** Downloads it at once (a link click on a blob: no downloads permission needed). */
export function downloadAppointment(log: CallLog, customer: OutcomeCustomer | null, t: TFunction): void {
  const file = appointmentFile(log, customer, t)
  if (!file) return
  const url = URL.createObjectURL(new Blob([file.text], { type: "text/calendar;charset=utf-8" }))
  const a = document.createElement("a")
  a.href = url
  a.download = file.name
  a.style.display = "none"
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
