import { addDays, addMonths, isValid, lastDayOfMonth, nextMonday, setISOWeek, startOfISOWeek, startOfMonth } from "date-fns"

import { foldText } from "../search/fold-text"

/**
 * Dates as customers write them, absolute ("15/03", "le 3 avril", "March 15th") or relative to the day of the
 * mail ("jeudi", "demain", "sous huitaine", "next Tuesday", "fin du mois"). Conventions (README, issue #11):
 * a weekday is its next occurrence after the mail's day, "prochain"/"next" included; "sous huitaine" is 8 days
 * and "sous quinzaine" 15 (the French legal sense); "la semaine prochaine" is next week's Monday; a date without
 * a year is the next one on or after the mail's day (a week's slack for a late mail). Day/month order is
 * day first, except for a customer in the United States.
 */

export interface FoundDate {
  date: Date
  index: number
  text: string
  relative: boolean
}

const FR_MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"]
const EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
const MONTH_ABBR: Readonly<Record<string, number>> = {
  janv: 0, fevr: 1, fev: 1, avr: 3, juil: 6, sept: 8, oct: 9, nov: 10, dec: 11,
  jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8
}
const FR_DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
const EN_DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

function monthOf(word: string): number | null {
  const w = word.replace(/\.$/, "")
  let i = FR_MONTHS.indexOf(w)
  if (i >= 0) return i
  i = EN_MONTHS.indexOf(w)
  if (i >= 0) return i
  return MONTH_ABBR[w] ?? null
}

export function dayOf(iso: string | null): Date | null {
  if (iso === null) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return null
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)
}

export function isoDay(d: Date): string {
  // Not date-fns's `format`: bundled into the content script by Parcel, its formatters table came out undefined
  // ("Cannot read properties of undefined (reading 'y')" on the first capture); a day needs no formatter.
  return `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

function make(y: number, m: number, d: number): Date | null {
  const date = new Date(y, m, d, 12)
  return isValid(date) && date.getMonth() === m && date.getDate() === d ? date : null
}

function withYear(ref: Date, m: number, d: number, y: number | null): Date | null {
  if (y !== null) return make(y < 100 ? 2000 + y : y, m, d)
  const same = make(ref.getFullYear(), m, d)
  if (same === null) return null
  return same.getTime() < addDays(ref, -7).getTime() ? make(ref.getFullYear() + 1, m, d) : same
}

const MONTH_WORDS = [...FR_MONTHS, ...EN_MONTHS, ...Object.keys(MONTH_ABBR)].join("|")
const DAY_WORDS = [...FR_DAYS, ...EN_DAYS].join("|")

function foldKeepSlash(text: string): string {
  return text
    .replace(/(\d)[.-](?=\d{1,2}[.-]\d{2,4}\b)/g, "$1/")
    .replace(/(\d{1,2}\/\d{1,2})[.-](\d)/g, "$1/$2")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9/]+/g, " ")
}

/** Every date expression of a folded text, in order. */
export function findDates(text: string, ref: Date, opts: { monthFirst?: boolean } = {}): FoundDate[] {
  const t = foldKeepSlash(text)
  const out: FoundDate[] = []
  const taken: [number, number][] = []
  const add = (index: number, len: number, date: Date | null, relative: boolean): void => {
    if (date === null) return
    if (taken.some(([a, b]) => index < b && index + len > a)) return
    taken.push([index, index + len])
    out.push({ date, index, text: t.slice(index, index + len), relative })
  }
  for (const m of t.matchAll(/\b(20\d{2})\/(\d{1,2})\/(\d{1,2})\b/g)) add(m.index, m[0].length, make(Number(m[1]), Number(m[2]) - 1, Number(m[3])), false)
  for (const m of t.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/g)) {
    let a = Number(m[1])
    let b = Number(m[2])
    if (opts.monthFirst === true) [a, b] = [b, a]
    add(m.index, m[0].length, withYear(ref, b - 1, a, m[3] !== undefined ? Number(m[3]) : null), false)
  }
  for (const m of t.matchAll(new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)? (?:of )?(${MONTH_WORDS})\\b(?: (20\\d{2}))?`, "g"))) {
    const month = monthOf(m[2]!)
    if (month !== null) add(m.index, m[0].length, withYear(ref, month, Number(m[1]), m[3] !== undefined ? Number(m[3]) : null), false)
  }
  for (const m of t.matchAll(new RegExp(`\\b(${MONTH_WORDS}) (\\d{1,2})(?:st|nd|rd|th)?\\b(?: (20\\d{2}))?`, "g"))) {
    const month = monthOf(m[1]!)
    if (month !== null && !/^(?:mar|may|mai|sept)$/.test(m[1]!)) add(m.index, m[0].length, withYear(ref, month, Number(m[2]), m[3] !== undefined ? Number(m[3]) : null), false)
    else if (month !== null && /^(?:march|may)$/.test(m[1]!)) add(m.index, m[0].length, withYear(ref, month, Number(m[2]), m[3] !== undefined ? Number(m[3]) : null), false)
  }
  for (const m of t.matchAll(/\b(?:sous|d ici|dans|within|in) (?:une|a|one) (?:semaine|week)\b/g)) add(m.index, m[0].length, addDays(ref, 7), true)
  for (const m of t.matchAll(/\b(?:apres demain|day after tomorrow)\b/g)) add(m.index, m[0].length, addDays(ref, 2), true)
  for (const m of t.matchAll(/\b(?:demain|tomorrow)\b/g)) add(m.index, m[0].length, addDays(ref, 1), true)
  for (const m of t.matchAll(/\b(?:sous|d ici|dans|under|within|in)(?: les?| a| the next)? (huitaine|quinzaine|(\d{1,2}|une|un|one|two|deux|trois|three) (jours?|days?|semaines?|weeks?|h|heures|hours))\b/g)) {
    let days: number
    if (m[1] === "huitaine") days = 8
    else if (m[1] === "quinzaine") days = 15
    else {
      const n = m[2] === undefined ? 1 : /^\d+$/.test(m[2]) ? Number(m[2]) : ({ une: 1, un: 1, one: 1, two: 2, deux: 2, trois: 3, three: 3 } as Record<string, number>)[m[2]] ?? 1
      const unit = m[3] ?? ""
      days = /^(sem|week)/.test(unit) ? n * 7 : /^(h|heure|hour)/.test(unit) ? Math.max(1, Math.round(n / 24)) : n
    }
    add(m.index, m[0].length, addDays(ref, days), true)
  }
  // "fin de semaine prochaine": the Friday of next week (before "semaine prochaine" takes its Monday).
  for (const m of t.matchAll(/\b(?:(?:a la |en )?fin de (?:la )?semaine prochaine|(?:at the )?end of next week)\b/g)) add(m.index, m[0].length, addDays(nextMonday(ref), 4), true)
  for (const m of t.matchAll(/\b(?:(?:en )?debut (?:de )?la semaine prochaine|(?:debut de )?la semaine prochaine|semaine prochaine|(?:early )?next week)\b/g)) add(m.index, m[0].length, nextMonday(ref), true)
  for (const m of t.matchAll(/\b(?:fin (?:du|de) mois|end of (?:the )?month|fin de ce mois)\b/g)) add(m.index, m[0].length, lastDayOfMonth(ref), true)
  for (const m of t.matchAll(/\b(?:debut du mois prochain|early next month|beginning of next month)\b/g)) add(m.index, m[0].length, startOfMonth(addMonths(ref, 1)), true)
  for (const m of t.matchAll(/\b(?:fin de (?:la )?semaine|end of (?:the |this )?week)\b/g)) {
    const fri = addDays(ref, (5 - ref.getDay() + 7) % 7)
    add(m.index, m[0].length, fri, true)
  }
  // "semaine 46", "week 46": the ISO week of that number, this year's or, when it is past, next year's; a weekday
  // written with it is that day of that week ("livraison semaine 46, de préférence le mardi").
  const week = /\b(?:semaine|sem|week|wk)\s?(?:n\s?|no\s?)?(\d{1,2})\b(?! ?(?:jours?|days?|semaines?|weeks?))/.exec(t)
  let weekStart: Date | null = null
  if (week !== null && Number(week[1]) >= 1 && Number(week[1]) <= 53) {
    weekStart = startOfISOWeek(setISOWeek(ref, Number(week[1])))
    if (weekStart.getTime() < addDays(ref, -7).getTime()) weekStart = startOfISOWeek(setISOWeek(addDays(ref, 364), Number(week[1])))
  }
  let weekdayInWeek = false
  for (const m of t.matchAll(new RegExp(`\\b(${DAY_WORDS})\\b`, "g"))) {
    // "jeudi 12 mars", "Friday the 13th", "Monday 30th November": the date says it.
    if (new RegExp(`^ (?:(?:the|le) )?(?:\\d{1,2}(?:er|st|nd|rd|th)?\\b|(${MONTH_WORDS}) \\d)`).test(t.slice(m.index + m[0].length))) continue
    let dow = FR_DAYS.indexOf(m[1]!)
    if (dow < 0) dow = EN_DAYS.indexOf(m[1]!)
    if (weekStart !== null) {
      add(m.index, m[0].length, addDays(weekStart, (dow + 6) % 7), true)
      weekdayInWeek = true
      continue
    }
    let delta = (dow - ref.getDay() + 7) % 7
    if (delta === 0) delta = 7
    add(m.index, m[0].length, addDays(ref, delta), true)
  }
  // "semaine 11, le 12/03/2026 au plus tard": a full date says more than the week.
  if (week !== null && weekStart !== null && !weekdayInWeek && !out.some((d) => !d.relative)) add(week.index, week[0].length, weekStart, true)
  // "au plus tard le 18", "le mardi 19", "on the 21st": a day of the month alone is the next such day (this
  // month's when still to come). Last, so a fuller date of the same words wins; never a number before a unit.
  for (const m of t.matchAll(new RegExp(`\\b(?:(?:le|the|on the|du|au)(?: (?:${DAY_WORDS}))?|${DAY_WORDS}) (\\d{1,2})(?:er|st|nd|rd|th)?\\b(?! ?(?:/|\\d|h\\b|heures?|hours?|x\\b|%|[a-z]+s\\b))`, "g"))) {
    const day = Number(m[1])
    if (day < 1 || day > 31) continue
    const thisMonth = make(ref.getFullYear(), ref.getMonth(), day)
    const date = thisMonth !== null && thisMonth.getTime() >= ref.getTime() - 12 * 3_600_000 ? thisMonth : make(addMonths(ref, 1).getFullYear(), addMonths(ref, 1).getMonth(), day)
    add(m.index, m[0].length, date, false)
  }
  return out.sort((a, b) => a.index - b.index)
}

/** A delivery is meant: the words around a date that make it the date to deliver. */
export const DELIVERY_CONTEXT = /\b(?:livr\w*|delai|deliver\w*|ship\w*|dispatch\w*|expedi\w*|reception|need(?:ed|s)?|required?|requis|souhaite\w*|besoin|pour (?:le|la|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|demain|apres)|for (?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|next)|avant|by|no later|au plus tard|d ici|sous|within|arriv\w*|recevoir|receive|due|attendu|expected|before)\b/
const NOT_DELIVERY = /\b(?:facture|invoice|paiement|payment|echeance|reglement|devis du|quote of|date de commande|order date|commande du|ordered on)\b/

export function deliveryDateOf(lines: readonly { text: string; ref: Date }[], opts: { monthFirst?: boolean } = {}): { date: Date; evidence: string; relative: boolean } | null {
  // Sentence by sentence first: "Nous ouvrons le 1er décembre. Pouvez-vous y livrer le lundi 30 novembre ?" is
  // the 30th; then a whole line about delivery.
  for (const sentences of [true, false]) {
    for (const { text, ref } of lines) {
      const folded = foldText(text)
      if (!DELIVERY_CONTEXT.test(folded) || NOT_DELIVERY.test(folded)) continue
      const parts = sentences ? text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((x) => DELIVERY_CONTEXT.test(foldText(x))) : [text]
      for (const part of parts) {
        const found = findDates(part, ref, opts)
        if (found.length > 0) return { date: found[0]!.date, evidence: text.trim(), relative: found[0]!.relative }
      }
    }
  }
  // "Can you send … tomorrow please?": in an order, a day said relative to today is when it is wanted.
  for (const { text, ref } of lines) {
    if (NOT_DELIVERY.test(foldText(text))) continue
    const found = findDates(text, ref, opts).filter((d) => d.relative)
    if (found.length > 0) return { date: found[0]!.date, evidence: text.trim(), relative: true }
  }
  return null
}
