import { addDays, differenceInCalendarDays, endOfMonth, parseISO } from "date-fns"

/**
 * Payment terms under French law (Code de commerce L441-10): at most 60 days from the invoice date, or 45 days
 * end of month when agreed. "45 days end of month" is computed here as the invoice date plus 45 days, then the
 * end of that month, one of the two computations the DGCCRF accepts; the other (end of month, then 45 days)
 * gives later dates and is not offered, so a due date we print is never one an auditor could call late.
 */
export type PaymentTerms =
  | { kind: "on-receipt" }
  | { kind: "net"; days: number }
  | { kind: "end-of-month"; days: number }

export const MAX_NET_DAYS = 60
export const MAX_END_OF_MONTH_DAYS = 45

export type TermsCheck = { ok: true } | { ok: false; reason: "net-over-60-days" | "end-of-month-over-45-days" | "negative-days"; days: number }

export function checkPaymentTerms(terms: PaymentTerms): TermsCheck {
  if (terms.kind === "on-receipt") return { ok: true }
  if (!Number.isInteger(terms.days) || terms.days < 0) return { ok: false, reason: "negative-days", days: terms.days }
  if (terms.kind === "net" && terms.days > MAX_NET_DAYS) return { ok: false, reason: "net-over-60-days", days: terms.days }
  if (terms.kind === "end-of-month" && terms.days > MAX_END_OF_MONTH_DAYS) return { ok: false, reason: "end-of-month-over-45-days", days: terms.days }
  return { ok: true }
}

/** ISO calendar date (YYYY-MM-DD) → the due date under these terms, as an ISO date. */
export function dueDate(invoiceDate: string, terms: PaymentTerms): string {
  const d = parseIsoDate(invoiceDate)
  if (terms.kind === "on-receipt") return invoiceDate
  const plus = addDays(d, terms.days)
  return toIsoDate(terms.kind === "net" ? plus : endOfMonth(plus))
}

/** The customer's stored terms (days, null = unknown) as terms; the team's default when unknown. */
export function termsFromDays(days: number | null, fallback: PaymentTerms = { kind: "net", days: 30 }): PaymentTerms {
  if (days === null) return fallback
  return days === 0 ? { kind: "on-receipt" } : { kind: "net", days }
}

export function daysBetween(fromIso: string, toIso: string): number {
  return differenceInCalendarDays(parseIsoDate(toIso), parseIsoDate(fromIso))
}

export function addDaysIso(iso: string, days: number): string {
  return toIsoDate(addDays(parseIsoDate(iso), days))
}

export function parseIsoDate(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`not an ISO date: ${iso}`)
  const d = parseISO(iso)
  if (Number.isNaN(d.getTime()) || toIsoDate(d) !== iso) throw new RangeError(`not a calendar date: ${iso}`)
  return d
}

/**
 * The calendar date of a local Date. Written out rather than date-fns's `format`: bundled by Parcel for the
 * extension's service worker, `format` failed at run time ("Cannot read properties of undefined (reading 'y')").
 */
export function toIsoDate(d: Date): string {
  const pad = (n: number, w: number) => String(n).padStart(w, "0")
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`
}

/** Today as a calendar date in France, where documents are dated (whatever the device's or server's zone). */
export function todayInFrance(now = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(now))
}
