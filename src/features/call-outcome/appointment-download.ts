import type { TFunction } from "i18next"

import { appointmentIcs, type AppointmentParties, type CalendarPerson } from "~src/domain/calls/appointment-ics"
import type { CallLog } from "~src/domain/calls/call-log.schema"
import type { OutcomeCustomer } from "~src/domain/calls/outcome-form"
import { nameKey } from "~src/domain/customers/sales-rep"

/**
 * The appointment's calendar file, for the sales rep's and the customer's calendars. `team`: the members' names and
 * e-mails (`team/reps`), which name the agent who set it (the log's e-mail) and give the rep's address.
 */
export function appointmentFile(log: CallLog, customer: OutcomeCustomer | null, t: TFunction, team: readonly CalendarPerson[] = []): { name: string; text: string } | null {
  const a = log.appointment
  if (!a) return null
  const who = customer ? customer.company : (log.number ?? "")
  const person = customer?.contacts.find((c) => c.id === log.contactId)
  const contact = person?.name ?? ""
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
  }, appointmentParties(log, person, team))
  const slug = (customer?.code ?? "rdv").replace(/[^A-Za-z0-9-]/g, "")
  return { name: `${t("callOutcome.ics.file")}-${slug}-${a.date}.ics`, text }
}

/**
 * Who the file names: the agent (by the log's e-mail, named when the team knows the name), the rep when a member
 * goes by the appointment's name, the contact when the file has their e-mail. Unknown: left out (appointment-ics.ts).
 */
function appointmentParties(log: CallLog, contact: OutcomeCustomer["contacts"][number] | undefined, team: readonly CalendarPerson[]): AppointmentParties {
  const agent = log.agent.toLowerCase()
  const repKey = nameKey(log.appointment?.salesRep ?? "")
  const rep = repKey ? team.find((m) => m.email && nameKey(m.name) === repKey) : undefined
  return {
    organizer: agent ? { name: team.find((m) => m.email.toLowerCase() === agent)?.name ?? "", email: log.agent } : null,
    rep: rep ?? null,
    contact: contact?.emails?.[0] ? { name: contact.name, email: contact.emails[0] } : null
  }
}

/** Downloads it at once (a link click on a blob: no downloads permission needed). */
export function downloadAppointment(log: CallLog, customer: OutcomeCustomer | null, t: TFunction, team: readonly CalendarPerson[] = []): void {
  const file = appointmentFile(log, customer, t, team)
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
