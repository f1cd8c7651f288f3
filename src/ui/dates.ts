/**
 * Dates as the agent reads them, in the interface's language (never the browser's, never ISO): French dates for
 * the French UI, British ones for the English UI (day first, as on the documents), so one screen never mixes
 * 2026-11-23, 23/11/2026 and 11/23/26.
 */
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
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: "UTC", ...opts }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))
}

/** An instant (ms) as day and time to the minute, in this device's time zone: 03/12/2026 14:05, 03/12/2026, 14:05. */
export function formatDateTime(ms: number, lang: UiLang): string {
  return new Date(ms).toLocaleString(LOCALE[lang], { dateStyle: "short", timeStyle: "short" })
}
