import { describe, expect, it } from "vitest"

import { appointmentIcs } from "./appointment-ics"
import type { Appointment } from "./call-log.schema"
import { octets, physicalLines, readIcs, textValue } from "./test-ics"

const appt: Appointment = { date: "2026-12-08", time: "10:00", timeZone: "Europe/Paris", durationMinutes: 45, salesRep: "Marc Petit", place: "12 rue des Lilas, 69003 Lyon" }
const text = { title: "RDV Dupont SARL – Marc Petit", description: "Avec : Anne Martin (Dupont SARL)", uid: "appt-1@comptoir" }

const parties = {
  organizer: { name: "Dupont, Éloïse", email: "eloise.dupont@comptoir.example" },
  rep: { name: "Marc Petit", email: "marc.petit@comptoir.example" },
  contact: { name: "Anne Martin", email: "anne.martin@dupont-sarl.example" }
}

const attendeesOf = (ics: string) => readIcs(ics).filter((p) => p.name === "ATTENDEE")

describe("who the appointment's calendar file names", () => {
  it("names the agent who set it as organizer, by name and e-mail", () => {
    const organizer = readIcs(appointmentIcs(appt, text, parties)).find((p) => p.name === "ORGANIZER")
    expect(organizer?.params.CN).toBe("Dupont, Éloïse")
    expect(organizer?.value.toLowerCase()).toBe("mailto:eloise.dupont@comptoir.example")
  })

  it("invites the sales rep, who is asked to answer, and lists the customer's contact", () => {
    const [rep, contact, ...others] = attendeesOf(appointmentIcs(appt, text, parties))
    expect(others).toEqual([])
    expect(rep?.params).toMatchObject({ CN: "Marc Petit", ROLE: "REQ-PARTICIPANT", PARTSTAT: "NEEDS-ACTION", RSVP: "TRUE" })
    expect(rep?.value.toLowerCase()).toBe("mailto:marc.petit@comptoir.example")
    expect(contact?.params).toMatchObject({ CN: "Anne Martin", ROLE: "REQ-PARTICIPANT", PARTSTAT: "NEEDS-ACTION" })
    expect(contact?.value.toLowerCase()).toBe("mailto:anne.martin@dupont-sarl.example")
  })

  it("leaves out a party whose e-mail is not known rather than inventing one", () => {
    const ics = appointmentIcs(appt, text, { organizer: { name: "Éloïse Dupont", email: "" }, rep: { name: "Marc Petit", email: "marc.petit@comptoir.example" }, contact: null })
    expect(readIcs(ics).some((p) => p.name === "ORGANIZER")).toBe(false)
    expect(attendeesOf(ics).map((a) => a.params.CN)).toEqual(["Marc Petit"])
  })

  it("names nobody when nobody's e-mail is known, as before", () => {
    const ics = appointmentIcs(appt, text)
    expect(readIcs(ics).filter((p) => p.name === "ORGANIZER" || p.name === "ATTENDEE")).toEqual([])
  })
})

describe("the appointment's calendar file as a calendar reads it", () => {
  const ics = appointmentIcs(appt, { ...text, description: "Avec : Dupont, Éloïse; tél. +33 6 12 34 56 78\nLieu : 12 rue des Lilas, 69003 Lyon – bâtiment B, 2ᵉ étage, près de l'entrée" }, {
    ...parties,
    contact: { name: 'Anne "Nanou" Martin-Lefèvre de Saint-Éxupéry, directrice générale', email: "anne.martin@dupont-sarl.example" }
  })

  it("ends every line with CRLF and keeps each under 75 octets, accents counted as the bytes they are", () => {
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/)
    for (const line of physicalLines(ics)) expect(octets(line), line).toBeLessThanOrEqual(75)
  })

  it("reads a comma, a semicolon and accents back exactly, in a name and in the description", () => {
    const props = readIcs(ics)
    expect(props.find((p) => p.name === "ORGANIZER")?.params.CN).toBe("Dupont, Éloïse")
    expect(textValue(props.find((p) => p.name === "DESCRIPTION")?.value ?? "")).toContain("Avec : Dupont, Éloïse; tél.")
  })

  it("keeps a name with double quotes readable (a quoted parameter cannot hold one) and its e-mail intact", () => {
    const contact = attendeesOf(ics)[1]
    expect(contact?.params.CN).toBe("Anne 'Nanou' Martin-Lefèvre de Saint-Éxupéry, directrice générale")
    expect(contact?.value.toLowerCase()).toBe("mailto:anne.martin@dupont-sarl.example")
  })
})
