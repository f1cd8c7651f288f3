import { createEvent } from "ics"

import type { Appointment } from "./call-log.schema"

/**
 * The appointment as an iCalendar file the sales rep and the customer import into any calendar. The time is
 * written in the zone the agent typed it in, converted to UTC by the platform's own time-zone data, so an
 * appointment at 10:00 in Paris is 10:00 in Paris in every calendar, summer or winter.
 */
export function appointmentIcs(a: Appointment, text: { title: string; description: string; uid: string }): string {
  const startUtc = zonedToUtc(a.date, a.time, a.timeZone)
  const { error, value } = createEvent({
    uid: text.uid,
    title: text.title,
    description: text.description,
    location: a.place,
    start: startUtc,
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: a.durationMinutes },
    productId: "comptoir/ics"
  })
  if (error || !value) throw new Error(`calendar file: ${error?.message ?? "not made"}`)
  return value
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
