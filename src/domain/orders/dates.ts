import { addBusinessDays, addDays, addMonths, lastDayOfMonth, nextMonday, setISOWeek, startOfISOWeek, startOfMonth } from "date-fns"

import { calendarDay as make, FEASTS, feastDay, feastWord } from "./feast-days"

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

function withYear(ref: Date, m: number, d: number, y: number | null): Date | null {
  if (y !== null) return make(y < 100 ? 2000 + y : y, m, d)
  const same = make(ref.getFullYear(), m, d)
  if (same === null) return null
  return same.getTime() < addDays(ref, -7).getTime() ? make(ref.getFullYear() + 1, m, d) : same
}

export const MONTH_WORDS = [...FR_MONTHS, ...EN_MONTHS, ...Object.keys(MONTH_ABBR)].join("|")
export const DAY_WORDS = [...FR_DAYS, ...EN_DAYS].join("|")

export function foldKeepSlash(text: string): string {
  return text
    // "le 20.05", "by 20.5": a day and month with a dot, after a word that introduces a date (never "3.5 kg").
    // So in the words of a second language ("latest 11.12.", "per Monday 7-12", "entro il 10.12", "bis 4.12."):
    // the dash of a Dutch or German day and month too, after a weekday or such a word (never "8-10 h").
    .replace(/(?<=\b(?:le|du|au|on|by|for|pour|avant|before|until|till|jusqu['’]au|jusqu['’]?[àa]|latest|at the latest|sp[äa]testens|bis|per|entro|lundi|mardi|mercredi|jeudi|vendredi|samedi|monday|tuesday|wednesday|thursday|friday|saturday|mon|tue|wed|thu|fri|sat|lun|mar|mer|jeu|ven|sam)\.?\s)(\d{1,2})[.-](\d{1,2})\b(?![.-]?\d|\s?(?:h|am|pm|uhr)\b)/gi, "$1/$2")
    .replace(/(\d)[.-](?=\d{1,2}[.-]\d{2,4}\b)/g, "$1/")
    .replace(/(\d{1,2}\/\d{1,2})[.-](\d)/g, "$1/$2")
    // "S+2", "W+1": a purchaser's week counted from this one, kept one word ("+" would fold away).
    .replace(/\b[SW] ?\+ ?([1-9])\b/g, " weekplus$1 ")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9/]+/g, " ")
    // "du 22 au 26 mars", "from 7 to 11 December": the span's first day, with its month.
    .replace(new RegExp(`\\b(du|from|between|entre le|entre) (\\d{1,2})(?: ?(?:er|st|nd|rd|th))? (?:au|to|and|et|till|until) (\\d{1,2})(?: ?(?:er|st|nd|rd|th))? (${MONTH_WORDS})\\b`, "g"), "$1 $2 $4 au $3 $4")
    // A phone's clipped weekdays ("by thurs", "weds"); not "mon", "wed" or "sat", which are words too.
    .replace(/\b(?:tues|weds|thurs|thur|thu|fri)\b/g, (w) => ({ tues: "tuesday", weds: "wednesday", fri: "friday" })[w] ?? "thursday")
    // "Mon 7th", "Sat 12th": "mon", "wed", "sat" and "sun" are weekdays before a day of the month with its ordinal.
    .replace(/\b(mon|wed|sat|sun)(?= \d{1,2}(?:st|nd|rd|th)\b)/g, (w) => ({ mon: "monday", wed: "wednesday", sat: "saturday" })[w] ?? "sunday")
    // "for Wed. 9/12", « pour mar. 08/12 », « ven 11.12. »: a weekday cut short, a dot or not, right before a day and month
    // in figures is that weekday (the words "for" / « pour » before it then say the day wanted).
    .replace(/\b(mon|tue|wed|sat|sun|lun|mar|mer|jeu|ven|sam|dim)(?= \d{1,2}\/\d{1,2}\b)/g, (w) => ({ mon: "monday", tue: "tuesday", wed: "wednesday", sat: "saturday", sun: "sunday", lun: "lundi", mar: "mardi", mer: "mercredi", jeu: "jeudi", ven: "vendredi", sam: "samedi" })[w] ?? "dimanche")
    // "by this Sat?", "for next Mon": after "by this" / "for next" they are weekdays too (never "this sat in my outbox").
    .replace(/(?<=\b(?:by|for|on|until|till|before) (?:this|next) )(mon|wed|sat|sun)\b/g, (w) => ({ mon: "monday", wed: "wednesday", sat: "saturday" })[w] ?? "sunday")
}

/**
 * "a/b(/year)" read day first falls more than a week gone by, or over six months off, and read month first within the
 * next three months: the writer put the month first.
 */
function onlyMonthFirstToCome(ref: Date, a: number, b: number, year: string | undefined): boolean {
  const y = year === undefined ? null : Number(year)
  const dayFirst = withYear(ref, b - 1, a, y)
  const monthFirst = withYear(ref, a - 1, b, y)
  if (dayFirst === null || monthFirst === null) return false
  const soon = monthFirst.getTime() >= addDays(ref, -7).getTime() && monthFirst.getTime() <= addDays(ref, 92).getTime()
  return soon && (dayFirst.getTime() < addDays(ref, -7).getTime() || dayFirst.getTime() > addDays(ref, 180).getTime())
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
    // Month first for a US customer, or when day first cannot be ("5/20" from anyone), or when only month first
    // gives a day to come: "Need by 12/08/2026" in a mail of 30 November is 8 December, not a 12 August gone by
    // (nor "12/07" seven months off).
    if (opts.monthFirst === true || (b > 12 && a <= 12) || (b <= 12 && a <= 12 && a !== b && onlyMonthFirstToCome(ref, a, b, m[3]))) [a, b] = [b, a]
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
  // "Today if you can", "pour aujourd'hui svp", "by tonight": today, when said as the day wanted (a wish or "for"
  // beside it), not "I spoke to Dan today." (the text is folded: no word that may start the next sentence counts).
  for (const m of t.matchAll(/\b(?:(?:for|by|pour|d ici|avant) (?:today|aujourd hui|tonight|ce soir)|(?:today|aujourd hui|tonight|ce soir)(?= (?:if (?:at all )?(?:you|possible|poss)|si (?:possible|vous|c est)|otherwise|sinon|ideally|idealement|at the latest|au plus tard)\b))/g)) add(m.index, m[0].length, ref, true)
  // "a week tomorrow", "tomorrow week", "a fortnight today", « demain en huit »: tomorrow or today, one or two weeks on
  // (before "tomorrow" alone takes it).
  for (const m of t.matchAll(/\b(?:(?:a |one )?(week|fortnight) (tomorrow|today)|(tomorrow|today|demain|aujourd hui) (week|fortnight|en huit|en quinze))\b/g)) {
    const span = (m[1] ?? m[4])!
    add(m.index, m[0].length, addDays(ref, (/^(?:tomorrow|demain)$/.test((m[2] ?? m[3])!) ? 1 : 0) + (/fortnight|quinze/.test(span) ? 14 : 7)), true)
  }
  // "tmrw", "tmw", "2moro": a phone's spellings of tomorrow.
  for (const m of t.matchAll(/\b(?:demain|tomorrow|tmrw|tmw|tmoro|tomorow|tommorow|tommorrow|2moro|2morrow)\b/g)) add(m.index, m[0].length, addDays(ref, 1), true)
  // "sous 10 jours ouvrés", "within 5 working days": weekdays counted, Saturdays and Sundays skipped; "dans quinze
  // jours" and "dans huit jours" are two weeks and one, as said in French ("sous quinzaine" stays 15 days).
  for (const m of t.matchAll(/\b(?:sous|d ici|dans|under|within|in|delai(?: contractuel| de livraison)?|lead time)(?: les?| a| the next| of| is)? (huitaine|quinzaine|(\d{1,2}|une|un|one|two|deux|trois|three|four|quatre|five|cinq|six|huit|eight|dix|ten|quinze|fifteen) (?:(ouvres|ouvrables|working|business|calendar|francs|clear) )?(jours?|days?|semaines?|weeks?|h|heures|hours)(?: (ouvres|ouvrables|francs))?)\b/g)) {
    let days: number
    if (m[1] === "huitaine") days = 8
    else if (m[1] === "quinzaine") days = 15
    else {
      const n = m[2] === undefined ? 1 : /^\d+$/.test(m[2]) ? Number(m[2]) : ({ une: 1, un: 1, one: 1, two: 2, deux: 2, trois: 3, three: 3, four: 4, quatre: 4, five: 5, cinq: 5, six: 6, huit: 7, eight: 8, dix: 10, ten: 10, quinze: 14, fifteen: 15 } as Record<string, number>)[m[2]] ?? 1
      const unit = m[4] ?? ""
      if (/^(?:ouvres|ouvrables|working|business)$/.test(m[3] ?? m[5] ?? "") && /^(?:jour|day)/.test(unit)) {
        add(m.index, m[0].length, addBusinessDays(ref, n), true)
        continue
      }
      days = /^(sem|week)/.test(unit) ? n * 7 : /^(h|heure|hour)/.test(unit) ? Math.max(1, Math.round(n / 24)) : n
    }
    add(m.index, m[0].length, addDays(ref, days), true)
  }
  // "mi-juin", "début juillet", "fin mai", "mid-June", "early July", "end of May": the 15th, the 1st, the last day.
  for (const m of t.matchAll(new RegExp(`\\b(debut|mi|fin|early|mid|late|end of|beginning of|the end of|the middle of) (${MONTH_WORDS})\\b`, "g"))) {
    const month = monthOf(m[2]!)
    if (month === null) continue
    const first = withYear(ref, month, 1, null) ?? withYear(ref, month, 28, null)
    if (first === null) continue
    const day = /^(?:debut|early|beginning of)$/.test(m[1]!) ? 1 : /^(?:mi|mid|the middle of)$/.test(m[1]!) ? 15 : lastDayOfMonth(first).getDate()
    add(m.index, m[0].length, make(first.getFullYear(), month, day), true)
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
  // "Délai : S+2, le jeudi": two weeks after the mail's own, that weekday of it (its Monday with no weekday said).
  const plus = week === null ? /\bweekplus([1-9])\b/.exec(t) : null
  if (plus !== null) weekStart = startOfISOWeek(addDays(ref, 7 * Number(plus[1])))
  // "w/c 7th December, Tuesday ideally", "week commencing the 14th - Wednesday if poss", « semaine du 7 décembre, le mardi
  // de préférence »: the week said by its first day; a weekday said after it is that day of that week.
  const commencing = week === null && plus === null ? new RegExp(`\\b(?:w/c|wc|week (?:commencing|beginning|starting|of)(?: on)?(?: the)?|semaine du)(?: (?:monday|lundi))? (?:(\\d{1,2})(?:er|st|nd|rd|th)?(?: (?:of )?(${MONTH_WORDS})\\b)?|(${MONTH_WORDS}) (\\d{1,2})(?:st|nd|rd|th)?\\b|(\\d{1,2})/(\\d{1,2})\\b)(?= ?(?:[a-z]+ )*?(?:${DAY_WORDS})\\b)`).exec(t) : null
  if (commencing !== null) {
    const [, d1, m1, m2, d2, d3, m3] = commencing
    const month = m1 !== undefined ? monthOf(m1) : m2 !== undefined ? monthOf(m2) : m3 !== undefined ? Number(m3) - 1 : null
    const day = Number(d1 ?? d2 ?? d3)
    const next = addMonths(ref, 1)
    const thisMonth = make(ref.getFullYear(), ref.getMonth(), day)
    const first = month !== null && month >= 0 && month <= 11 ? withYear(ref, month, day, null) : thisMonth !== null && thisMonth.getTime() >= ref.getTime() - 12 * 3_600_000 ? thisMonth : make(next.getFullYear(), next.getMonth(), day)
    if (first !== null) {
      weekStart = startOfISOWeek(first)
      // The week's first day is how the week is named, not the day wanted: the weekday after it says that.
      const [from, to] = [commencing.index, commencing.index + commencing[0].length]
      for (let i = out.length - 1; i >= 0; i--) if (out[i]!.index < to && out[i]!.index + out[i]!.text.length > from) out.splice(i, 1)
      taken.push([from, to])
    }
  }
  // "Thursday week", "the Tuesday after next", "a week on Thursday", "jeudi en huit", "jeudi en quinze": that weekday's
  // next occurrence, one or two weeks later (before the weekday alone takes it).
  for (const m of t.matchAll(new RegExp(`\\b(?:(${DAY_WORDS}) (week|fortnight|en huit|en quinze|after next)|(?:a )?(week|fortnight) (?:on|from) (?:this |next )?(${DAY_WORDS}))\\b`, "g"))) {
    const day = nextWeekday(ref, (m[1] ?? m[4])!)
    const span = m[2] ?? m[3] ?? ""
    add(m.index, m[0].length, addDays(day, /fortnight|quinze/.test(span) ? 14 : 7), true)
  }
  // "the Tuesday before Thanksgiving", "le vendredi avant Noël", "the Monday after the 14th": the weekday counted
  // back (or on) from the day named after it, a feast or any date this grammar reads.
  for (const m of t.matchAll(new RegExp(`\\b(?:the |le )?(${DAY_WORDS}) (before|after|avant|apres|precedant|suivant) (.{3,40})`, "g"))) {
    const anchor = feastDay(m[3]!, ref) ?? findDates(m[3]!, ref, opts)[0]?.date ?? null
    if (anchor === null) continue
    const dow = weekdayIndex(m[1]!)
    const back = /^(?:before|avant|precedant)$/.test(m[2]!)
    let delta = back ? -((anchor.getDay() - dow + 7) % 7 || 7) : (dow - anchor.getDay() + 7) % 7 || 7
    if (!back && delta === 0) delta = 7
    add(m.index, m[0].length - m[3]!.length + (feastWord(m[3]!)?.length ?? 0), addDays(anchor, delta), true)
  }
  // A feast alone is its day, unless it names holidays around it ("les vacances de la Toussaint").
  // Nor an event named after it ("le marché de Noël", "le goûter de Noël", "our Christmas party"): the goods are for it,
  // the day is not said.
  for (const m of t.matchAll(FEASTS)) {
    // "les bûches de Noël", "la période des conserves de Noël": in French a noun before "de" makes the feast name a kind
    // of thing or a season, not a day (but "le jour de Noël", "la veille de Noël" are days).
    if (/\b(?!(?:jour|veille|lendemain|avant|apres|pres|autour)\b)[a-z]{3,} (?:de|d) $/.test(t.slice(Math.max(0, m.index - 30), m.index))) continue
    if (/(?:vacances|conges|holidays?|break|period|periode|marche|fete|gouter|repas|spectacle|arbre|concert|kermesse|decorations?|illuminations?|tombola|collecte|paniers?|colis|gala|soiree|veillee|calendriers?)(?: de| d| du| of)?(?: la| l| the)? $/.test(t.slice(Math.max(0, m.index - 20), m.index))) continue
    if (/^ (?:party|parties|market|fair|lunch|dinner|do|show|concert|meal|decorations?|jumpers?|appeal|hampers?|raffle|tombola|bazaar|fayre|drive|collection|service|gala|sale|social|socials|get together|drinks|celebrations?|events?|evening|night|quiz|jumper day|lunches|dinners|afterwork|rush|season|peak|period|production|orders|trade|stock|baking|bookings|menus?)\b/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 14))) continue
    add(m.index, m[0].length, feastDay(m[0], ref), true)
  }
  let weekdayInWeek = false
  for (const m of t.matchAll(new RegExp(`\\b(${DAY_WORDS})\\b`, "g"))) {
    // "jeudi 12 mars", "Friday the 13th", "Monday 30th November": the date says it ("livrer jeudi 6 colis de…": a count
    // of goods after the weekday is none, the weekday alone is the day).
    // ("mercredi prochain (le 9)", « jeudi prochain soit le 10 », "next Thursday - that's the 10th", "Tuesday next, 8th
    // December": the day of the month said after "prochain" / "next" or "that's", "soit" says which such weekday.)
    if (new RegExp(`^(?: (?:prochaine?|next|qui vient|coming))?(?: (?:soit|c est|that s|that is|ie|i e|which is|donc|so))? (?:(?:the|le) )?(?:\\d{1,2}(?:er|st|nd|rd|th)?\\b(?! (?!(?:${MONTH_WORDS})\\b)(?:[a-z]+s|x|pack|box|roll|carton|boite|bidon|lot|paquet|sachet|rouleau|flacon|colis|ramette|caisse)\\b)|(${MONTH_WORDS}) \\d)`).test(t.slice(m.index + m[0].length))) continue
    let dow = FR_DAYS.indexOf(m[1]!)
    if (dow < 0) dow = EN_DAYS.indexOf(m[1]!)
    // "mercredi de la semaine prochaine", "Wednesday of next week": that weekday in the coming week, not this one's.
    // So when the week is said first: "la semaine prochaine, le mercredi idéalement", "next week, ideally on Wednesday",
    // "End of next week please, Friday at the latest".
    const nextWeek = /^ (?:de la |of )?(?:semaine prochaine|next week)\b/.exec(t.slice(m.index + m[0].length)) ?? /\b(?:semaine prochaine|next week) (?:(?:de preference|idealement|plutot|si possible|ideally|preferably|if possible|le|on|the|please|pls|svp|stp|merci) )*$/.exec(t.slice(Math.max(0, m.index - 50), m.index))
    if (nextWeek !== null) {
      add(m.index, m[0].length, addDays(nextMonday(ref), (dow + 6) % 7), true)
      continue
    }
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
  const weekSaid = week ?? plus
  if (weekSaid !== null && weekStart !== null && !weekdayInWeek && !out.some((d) => !d.relative)) add(weekSaid.index, weekSaid[0].length, weekStart, true)
  // "au plus tard le 18", "le mardi 19", "on the 21st": a day of the month alone is the next such day (this
  // month's when still to come). Last, so a fuller date of the same words wins; never a number before a unit or
  // a street ("au 8 rue Pasteur", "the 14 Dock Road site").
  // After a weekday the number is a day whatever follows ("mercredi 2, quai n° 3": the comma is folded away); so is
  // a number with its ordinal's ending ("Monday 14th, 06:00-10:00 slot").
  // "w/c 14th", "week commencing the 14th", "semaine du 14": the week said by its first day, that day.
  for (const m of t.matchAll(new RegExp(`\\b(?:(?:le|the|on the|du|au|w/c|wc|week (?:commencing|beginning|starting)(?: the)?)(?: (?:${DAY_WORDS}))?|(${DAY_WORDS})) (\\d{1,2})(?:(?:er|st|nd|rd|th)\\b(?! ?\\/)|\\b(?! ?(?:/|\\d|h\\b|heures?|hours?|x\\b|%|[a-z]+s\\b|ones?\\b|pack\\b|box\\b|roll\\b|metre\\b|meter\\b|m\\b|litre\\b|liter\\b|l\\b|cm\\b|mm\\b|kg\\b|ml\\b|inch\\b)))`, "g"))) {
    if (m[1] === undefined && STREET_AFTER.test(t.slice(m.index + m[0].length))) continue
    const day = Number(m[2])
    if (day < 1 || day > 31) continue
    const thisMonth = make(ref.getFullYear(), ref.getMonth(), day)
    const date = thisMonth !== null && thisMonth.getTime() >= ref.getTime() - 12 * 3_600_000 ? thisMonth : make(addMonths(ref, 1).getFullYear(), addMonths(ref, 1).getMonth(), day)
    add(m.index, m[0].length, date, false)
  }
  return out.sort((a, b) => a.index - b.index)
}

const STREET_AFTER = /^ ?(?:bis |ter )?(?:[a-z]+ ){0,2}(?:rue|avenue|av|bd|boulevard|chemin|allee|impasse|place|quai|route|cours|road|rd|street|st|lane|avenue|ave|drive|way)\b/

function weekdayIndex(word: string): number {
  const fr = FR_DAYS.indexOf(word)
  return fr >= 0 ? fr : EN_DAYS.indexOf(word)
}

/** The weekday's next occurrence after the reference day (a week on when it is that day). */
function nextWeekday(ref: Date, word: string): Date {
  return addDays(ref, (weekdayIndex(word) - ref.getDay() + 7) % 7 || 7)
}

/**
 * An American address's state and ZIP code ("Dayton, OH 45410", "Montpelier, VT 05602"), or with no comma after the
 * town ("Burbank CA 91505", "Washington DC 20005": a sheet's cells are split on the commas).
 */
const US_STATE_ZIP =
  /(?:,\s*|(?<=\b[A-Z][a-z]+) )(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY) \d{5}(?:-\d{4})?\b/

/**
 * A mail's dates that can only be month first ("11/30/2026") and none that can only be day first ("30/11/2026"); or,
 * with none that can only be day first, an American address in the mail (its ship-to, its own): an American writes
 * "Need it by 12/08" month first.
 */
export function writesMonthFirst(text: string): boolean {
  const dayFirstOnly = /\b(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2])(?:\/\d{2,4})?\b/.test(text)
  return (/\b(?:0?[1-9]|1[0-2])\/(?:1[3-9]|2\d|3[01])\/\d{4}\b/.test(text) && !/\b(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2])\/\d{4}\b/.test(text)) || (US_STATE_ZIP.test(text) && !dayFirstOnly)
}
