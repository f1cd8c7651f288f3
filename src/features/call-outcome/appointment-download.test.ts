import { describe, expect, it } from "vitest"

import { CallLog } from "~src/domain/calls/call-log.schema"
import { createI18n } from "~src/i18n"

import { readIcs } from "~src/domain/calls/test-ics"

import { appointmentFile } from "./appointment-download"

const log = CallLog.parse({
  id: "log-1",
  direction: "outbound",
  number: "+33612345678",
  customerId: "cu1",
  contactId: "ct1",
  startedAt: Date.UTC(2026, 11, 4, 9, 0),
  durationSeconds: 240,
  outcome: "appointment-set",
  notes: "Ne pas parler du litige sur la facture de mars. Marge faible, ne pas descendre sous 12 %.",
  appointment: { date: "2026-12-10", time: "10:00", timeZone: "Europe/Paris", durationMinutes: 45, salesRep: "Julien Marchand", place: "12 rue des Forges, 69007 Lyon" },
  agent: "agent1@example.com",
  createdAt: Date.UTC(2026, 11, 4, 9, 5)
})
const customer = { id: "cu1", company: "Dupont & Fils", code: "C-00012", contacts: [{ id: "ct1", name: "Anne Martin", phones: ["+33612345678"], emails: ["anne.martin@dupont-fils.example"] }] }
/** The team as `team/reps` gives it: each member's name and e-mail (the agent's own included). */
const team = [
  { name: "Claire Agent", email: "agent1@example.com" },
  { name: "Julien Marchand", email: "julien.marchand@example.com" }
]

/** The calendar file's DESCRIPTION, unfolded (RFC 5545 folds long lines and escapes commas and new lines). */
function descriptionOf(ics: string): string {
  const unfolded = ics.replace(/\r?\n[ \t]/g, "")
  return (/^DESCRIPTION:(.*)$/m.exec(unfolded)?.[1] ?? "").replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1")
}

describe("the appointment's calendar file", () => {
  it("never carries the call's notes, since it also goes to the customer's calendar", () => {
    const file = appointmentFile(log, customer, createI18n("fr").t)!
    expect(file.text).not.toContain("litige")
    expect(file.text).not.toContain("Marge")
  })

  it("says who meets whom, where, and the number to reach them, in the agent's language", () => {
    const fr = descriptionOf(appointmentFile(log, customer, createI18n("fr").t)!.text)
    expect(fr).toBe("Avec : Anne Martin (Dupont & Fils)\nCommercial : Julien Marchand\nLieu : 12 rue des Forges, 69007 Lyon\nTél. : +33612345678")
    const en = descriptionOf(appointmentFile(log, customer, createI18n("en").t)!.text)
    expect(en).toContain("With: Anne Martin (Dupont & Fils)")
    expect(en).toContain("Sales rep: Julien Marchand")
  })
})

describe("the people the appointment's calendar file names", () => {
  const parties = (file: { text: string } | null) =>
    readIcs(file!.text)
      .filter((p) => p.name === "ORGANIZER" || p.name === "ATTENDEE")
      .map((p) => `${p.name} ${p.params.CN ?? ""} <${p.value.replace(/^mailto:/i, "")}>${p.params.RSVP === "TRUE" ? " RSVP" : ""}`)

  it("is organized by the agent who set it and invites the sales rep and the customer's contact", () => {
    expect(parties(appointmentFile(log, customer, createI18n("fr").t, team))).toEqual([
      "ORGANIZER Claire Agent <agent1@example.com>",
      "ATTENDEE Julien Marchand <julien.marchand@example.com> RSVP",
      "ATTENDEE Anne Martin <anne.martin@dupont-fils.example>"
    ])
  })

  it("finds the rep in the team however the appointment spells the name", () => {
    const typed = { ...log, appointment: { ...log.appointment!, salesRep: "julien  MARCHAND" } }
    expect(parties(appointmentFile(typed, customer, createI18n("fr").t, team))).toContain("ATTENDEE Julien Marchand <julien.marchand@example.com> RSVP")
  })

  it("leaves out a rep outside the team and a contact without an e-mail, rather than inventing an address", () => {
    const outsider = { ...log, appointment: { ...log.appointment!, salesRep: "Paul Inconnu" } }
    const noEmail = { ...customer, contacts: [{ ...customer.contacts[0]!, emails: [] }] }
    expect(parties(appointmentFile(outsider, noEmail, createI18n("fr").t, team))).toEqual(["ORGANIZER Claire Agent <agent1@example.com>"])
  })

  it("names the organizer by e-mail alone when the team's names are not known (offline, no team)", () => {
    expect(parties(appointmentFile(log, customer, createI18n("en").t, []))).toEqual(["ORGANIZER agent1@example.com <agent1@example.com>", "ATTENDEE Anne Martin <anne.martin@dupont-fils.example>"])
  })
})
