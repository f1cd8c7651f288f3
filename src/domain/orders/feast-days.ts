import { addDays, isValid } from "date-fns"

/**
 * Feasts and holidays people plan deliveries around ("avant Noël", "the day before Thanksgiving"), by name, and the
 * calendar day they fall on (split from dates.ts, which reads every other way a customer writes a date).
 */

/** A calendar day at noon (no time zone's midnight moves it), or null for a day the month does not have. */
export function calendarDay(y: number, m: number, d: number): Date | null {
  const date = new Date(y, m, d, 12)
  return isValid(date) && date.getMonth() === m && date.getDate() === d ? date : null
}

const make = calendarDay

/** Days people plan deliveries around, by name: fixed ones and the US Thanksgiving (fourth Thursday of November). */
export const FEASTS = /\b(?:thanksgiving|christmas(?: eve)?|xmas|noel|new year s(?: day| eve)?|nouvel an|jour de l an|la saint sylvestre|toussaint|(?:le )?14 juillet|armistice|independence day|boxing day)\b/g

export function feastWord(text: string): string | null {
  FEASTS.lastIndex = 0
  const m = FEASTS.exec(text)
  FEASTS.lastIndex = 0
  return m !== null && m.index === 0 ? m[0] : null
}

/** The next occurrence (on or after the reference day) of the feast the text starts with. */
export function feastDay(text: string, ref: Date): Date | null {
  const w = feastWord(text.trim())
  if (w === null) return null
  const on = (y: number): Date | null => {
    if (w === "thanksgiving") {
      const nov1 = new Date(y, 10, 1, 12)
      return addDays(nov1, ((4 - nov1.getDay() + 7) % 7) + 21)
    }
    if (/christmas eve/.test(w)) return make(y, 11, 24)
    if (/christmas|xmas|noel/.test(w)) return make(y, 11, 25)
    if (/boxing/.test(w)) return make(y, 11, 26)
    if (/eve|sylvestre/.test(w)) return make(y, 11, 31)
    if (/new year|nouvel an|jour de l an/.test(w)) return make(y, 0, 1)
    if (/toussaint/.test(w)) return make(y, 10, 1)
    if (/armistice/.test(w)) return make(y, 10, 11)
    if (/14 juillet/.test(w)) return make(y, 6, 14)
    if (/independence/.test(w)) return make(y, 6, 4)
    return null
  }
  const d = on(ref.getFullYear())
  return d !== null && d.getTime() < ref.getTime() - 12 * 3_600_000 ? on(ref.getFullYear() + 1) : d
}
