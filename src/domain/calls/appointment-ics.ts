import { createEvent, type Attendee, type Person } from "ics"

import type { Appointment } from "./call-log.schema"

/**
 * The appointment as an iCalendar file the sales rep and the customer import into any calendar. The time is
 * written in the zone the agent typed it in, converted to UTC by the platform's own time-zone data, so an
 * appointment at 10:00 in Paris is 10:00 in Paris in every calendar, summer or winter.
 */
export function appointmentIcs(a: Appointment, text: { title: string; description: string; uid: string }, parties: AppointmentParties = {}): string {
  const startUtc = zonedToUtc(a.date, a.time, a.timeZone)
  const organizer = person(parties.organizer)
  // The rep is the one whose calendar must answer; the customer's contact is listed so the rep sees whom to meet.
  const attendees: Attendee[] = [
    ...withPerson(parties.rep, (p) => ({ ...p, role: "REQ-PARTICIPANT" as const, partstat: "NEEDS-ACTION" as const, rsvp: true })),
    ...withPerson(parties.contact, (p) => ({ ...p, role: "REQ-PARTICIPANT" as const, partstat: "NEEDS-ACTION" as const }))
  ]
  const { error, value } = createEvent({
    uid: text.uid,
    title: text.title,
    description: text.description,
    location: a.place,
    start: startUtc,
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: a.durationMinutes },
    productId: "comptoir/ics",
    ...(organizer ? { organizer } : {}),
    ...(attendees.length > 0 ? { attendees } : {})
  })
  if (error || !value) throw new Error(`calendar file: ${error?.message ?? "not made"}`)
  return foldByOctets(value)
}

/** Someone the file names: the calendar shows the name and writes to the e-mail. */
export interface CalendarPerson {
  name: string
  email: string
}

/** Who sets the appointment (organizer), who goes (the sales rep) and whom they meet (the customer's contact). */
export interface AppointmentParties {
  organizer?: CalendarPerson | null
  rep?: CalendarPerson | null
  contact?: CalendarPerson | null
}

const EMAIL = /^[^\s@"<>]+@[^\s@"<>]+\.[^\s@"<>]+$/

/**
 * A party as the library takes it, or none when the e-mail is unknown: a calendar writes to an attendee, and an
 * invented address would send the invitation to a stranger. A double quote cannot stand in a quoted parameter
 * (RFC 5545 §3.1), and the library would write it escaped, which calendars reject: it becomes an apostrophe.
 */
function person(p: CalendarPerson | null | undefined): Person | null {
  const email = p?.email.trim() ?? ""
  if (!EMAIL.test(email)) return null
  const name = p!.name.replace(/"/g, "'").replace(/[\p{Cc}]/gu, " ").trim()
  // No name known: the e-mail stands for it (the library would otherwise write "Organizer", a name nobody has).
  return { name: name || email, email }
}

function withPerson<T>(p: CalendarPerson | null | undefined, make: (p: Person) => T): T[] {
  const made = person(p)
  return made ? [make(made)] : []
}

/**
 * The library folds at 75 characters; RFC 5545 says 75 octets, and a line of accented names or places is longer
 * in UTF-8. Its lines are folded again at 75 octets, never inside a character (a surrogate pair stays whole).
 */
export function foldByOctets(ics: string): string {
  const enc = new TextEncoder()
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map((line) => {
      const parts: string[] = []
      let part = ""
      let size = 0
      for (const ch of line) {
        const n = enc.encode(ch).length
        // The first line holds 75 octets, each following one 74 after its leading space.
        if (size + n > (parts.length === 0 ? 75 : 74)) {
          parts.push(part)
          part = ""
          size = 0
        }
        part += ch
        size += n
      }
      parts.push(part)
      return parts.join("\r\n ")
    })
    .join("\r\n")
}

/** Milliseconds since the epoch of a wall-clock time in an IANA zone (DST handled by Intl's tz data). */
export function zonedToUtc(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number]
  const [h, mi] = time.split(":").map(Number) as [number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  // The zone's offset at that instant, read back through Intl; twice, for the hour around a DST change.
  let guess = asUtc - offsetAt(asUtc, timeZone)
  guess = asUtc - offsetAt(guess, timeZone)
  return guess
}

function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(utcMs))
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"))
  return wall - Math.floor(utcMs / 1000) * 1000
}
