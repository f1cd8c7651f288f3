/**
 * Dates as the agent reads them, in the interface's language (never the browser's, never ISO): French dates for
 * the French UI, day first with the month in letters for the English UI (as on the documents), so one screen never mixes
 * 2026-11-23, 23/11/2026 and 11/23/26.
 */
import { dateTimeFormat } from "./intl-cache"

export type UiLang = "fr" | "en"

/** i18next's language ("fr", "en", "fr-FR"…) as one of the two the UI has. */
export function uiLang(language: string | undefined): UiLang {
  return language?.startsWith("en") ? "en" : "fr"
}

const LOCALE: Record<UiLang, string> = { fr: "fr-FR", en: "en-GB" }

/** An ISO day (2026-12-03) as 03/12/2026 (fr) or 3 Dec 2026 (en); anything that is not one is shown as it is. */
export function formatDay(iso: string | null | undefined, lang: UiLang): string {
  if (!iso) return ""
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const opts: Intl.DateTimeFormatOptions = lang === "fr" ? { day: "2-digit", month: "2-digit", year: "numeric" } : { day: "numeric", month: "short", year: "numeric" }
  return dateTimeFormat(LOCALE[lang], { timeZone: "UTC", ...opts }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))
}

/**
 * An instant (ms) as day and time to the minute, in this device's time zone: "03/12/2026 14:05" in French, "3 Dec
 * 2026, 14:05" in English. English with the month in letters: the team writes to British and American customers,
 * and 04/12/2026 is 4 December to one and April 12 to the other. Put together from its parts (ICU versions differ
 * on en-GB's separators). The formatters are kept (intl-cache.ts): the dock formats one per row at each render.
 */
export function formatDateTime(ms: number, lang: UiLang, timeZone?: string): string {
  const zone = timeZone ? { timeZone } : {}
  if (lang === "fr") return dateTimeFormat(LOCALE.fr, { dateStyle: "short", timeStyle: "short", ...zone }).format(ms)
  const parts = dateTimeFormat(LOCALE.en, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...zone }).formatToParts(ms)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ""
  return `${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`
}

/** An instant's time alone, "14:32", on this device's clock and the 24-hour clock in both languages, as formatDateTime. */
export function formatTime(ms: number, lang: UiLang): string {
  return dateTimeFormat(LOCALE[lang], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms)
}

/** Whether two instants fall on the same day of this device's calendar (today's time needs no date). */
export function sameLocalDay(a: number, b: number): boolean {
  const [x, y] = [new Date(a), new Date(b)]
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate()
}

const FRANCE = "Europe/Paris"
const FRANCE_TIME: Record<UiLang, string> = { fr: "heure de Paris", en: "Paris time" }

/**
 * An instant of a document's life (its history, an override) on France's clock, the one its dates are on (documents
 * are dated in France: payment-terms.ts `todayInFrance`): a payment recorded at 00:30 in Paris is dated the 5th and
 * must not read "4 Dec, 23:30" beside it on a device in London. Where this device's clock reads otherwise at that
 * instant, the time says it is Paris time, so no one takes it for theirs.
 */
export function formatFranceDateTime(ms: number, lang: UiLang): string {
  const france = formatDateTime(ms, lang, FRANCE)
  return france === formatDateTime(ms, lang) ? france : `${france} (${FRANCE_TIME[lang]})`
}

/**
 * A wall-clock time as a datetime-local input holds it (2026-12-03T19:03, no zone: the agent's own), written as
 * formatDateTime writes an instant: the outcome form's call line says "03/12/2026 19:03" as the dock's history, its
 * "to log" list and the card's timeline say it of the same call (they once said « 3 déc. 2026, 19:03 » here and
 * « 03/12/2026 19:02 » there, walk21ff). Read as UTC on both sides, so no zone or daylight-saving change moves it;
 * anything else is shown as it is.
 */
export function formatLocalDateTime(wall: string, lang: UiLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall)
  if (!m) return wall
  return formatDateTime(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])), lang, "UTC")
}

/**
 * An ISO day written out with its weekday, "jeudi 10 décembre 2026" / "Thursday 10 December 2026": beside a date
 * input, which shows the browser's order (10/12 or 12/10), so the day meant cannot be misread. Put together from
 * its parts (ICU versions differ on en-GB's comma). "" for anything that is not a day.
 */
export function formatDayLong(iso: string | null | undefined, lang: UiLang): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null
  if (!m) return ""
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (day.getUTCMonth() !== Number(m[2]) - 1) return ""
  const parts = dateTimeFormat(LOCALE[lang], { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).formatToParts(day)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ""
  // French writes the first of the month as an ordinal: « mardi 1er décembre ».
  const dayText = lang === "fr" && part("day") === "1" ? "1er" : part("day")
  return `${part("weekday")} ${dayText} ${part("month")} ${part("year")}`
}
