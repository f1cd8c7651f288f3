import type { TFunction } from "i18next"

import { appointmentIcs } from "~src/domain/calls/appointment-ics"
import type { CallLog } from "~src/domain/calls/call-log.schema"
import type { OutcomeCustomer } from "~src/domain/calls/outcome-form"

/** The appointment's calendar file, for the sales rep's and the customer's calendars. */
export function appointmentFile(log: CallLog, customer: OutcomeCustomer | null, t: TFunction): { name: string; text: string } | null {
  const a = log.appointment
  if (!a) return null
  const who = customer ? customer.company : (log.number ?? "")
  const contact = customer?.contacts.find((c) => c.id === log.contactId)?.name ?? ""
  // The file goes to the customer's calendar too: it says who meets whom, where and how to reach them, never the
  // call's notes (the agent's own remarks: "do not mention the dispute"), which stay on the customer's timeline.
  const description = [
    t("callOutcome.ics.with", { who: contact ? `${contact} (${who})` : who }),
    t("callOutcome.ics.rep", { rep: a.salesRep }),
    t("callOutcome.ics.place", { place: a.place }),
    log.number ? t("callOutcome.ics.phone", { number: log.number }) : ""
  ]
    .filter(Boolean)
    .join("\n")
  const text = appointmentIcs(a, {
    title: t("callOutcome.ics.title", { who, rep: a.salesRep }),
    description,
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
