/**
 * A time of day as the agent types it into a plain text field, read as `HH:MM` on the 24-hour clock. The form
 * does not use `<input type="time">`: Firefox draws that field from the browser's or the OS's locale, not the
 * page's language, so a French agent in a Firefox without a French language pack got a 12-hour field with AM/PM
 * (walk21ff), and Chromium draws it from its own UI language. A text field reads the same in both, in the
 * interface's convention (24 h in both languages, as `formatTime` writes times), and is the fastest to type:
 * "1430", "14h30", "14:30", "9h" each in one go, with no segment to tab through.
 */

const HM = /^(\d{1,2})\s*(?:[:.hH]\s*(\d{2})?)?$/
const DIGITS = /^\d{3,4}$/
const MERIDIEM = /^(.*?)\s*([aApP])\.?\s*[mM]\.?$/

/** `HH:MM` of a typed time ("14h30", "1430", "9", "2:30 pm"), or null when it is not a time of day. */
export function parseTimeOfDay(typed: string): string | null {
  let s = typed.trim()
  let meridiem: "am" | "pm" | null = null
  const m = MERIDIEM.exec(s)
  if (m) {
    meridiem = m[2]!.toLowerCase() === "a" ? "am" : "pm"
    s = m[1]!.trim()
  }
  let hours: number
  let minutes: number
  if (DIGITS.test(s)) {
    // 930 → 9:30, 1430 → 14:30: the last two digits are the minutes.
    hours = Number(s.slice(0, -2))
    minutes = Number(s.slice(-2))
  } else {
    const hm = HM.exec(s)
    if (!hm) return null
    hours = Number(hm[1])
    minutes = hm[2] === undefined ? 0 : Number(hm[2])
  }
  if (meridiem !== null) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (meridiem === "pm" ? 12 : 0)
  }
  if (hours > 23 || minutes > 59) return null
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`
}
