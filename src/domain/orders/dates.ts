import { addBusinessDays, addDays, addMonths, lastDayOfMonth, nextMonday, setISOWeek, startOfISOWeek, startOfMonth } from "date-fns"

import { foldText } from "../search/fold-text"

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

const MONTH_WORDS = [...FR_MONTHS, ...EN_MONTHS, ...Object.keys(MONTH_ABBR)].join("|")
const DAY_WORDS = [...FR_DAYS, ...EN_DAYS].join("|")

function foldKeepSlash(text: string): string {
  return text
    // "le 20.05", "by 20.5": a day and month with a dot, after a word that introduces a date (never "3.5 kg").
    // So in the words of a second language ("latest 11.12.", "per Monday 7-12", "entro il 10.12", "bis 4.12."):
    // the dash of a Dutch or German day and month too, after a weekday or such a word (never "8-10 h").
    .replace(/(?<=\b(?:le|du|au|on|by|for|pour|avant|before|until|till|jusqu['’]au|jusqu['’]?[àa]|latest|at the latest|sp[äa]testens|bis|per|entro|lundi|mardi|mercredi|jeudi|vendredi|samedi|monday|tuesday|wednesday|thursday|friday|saturday|mon|tue|wed|thu|fri|sat)\.?\s)(\d{1,2})[.-](\d{1,2})\b(?![.-]?\d|\s?(?:h|am|pm|uhr)\b)/gi, "$1/$2")
    .replace(/(\d)[.-](?=\d{1,2}[.-]\d{2,4}\b)/g, "$1/")
    .replace(/(\d{1,2}\/\d{1,2})[.-](\d)/g, "$1/$2")
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
    // Month first for a US customer, or when day first cannot be ("5/20" from anyone).
    if (opts.monthFirst === true || (b > 12 && a <= 12)) [a, b] = [b, a]
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
  // "Thursday week", "a week on Thursday", "jeudi en huit", "jeudi en quinze": that weekday's next occurrence,
  // one or two weeks later (before the weekday alone takes it).
  for (const m of t.matchAll(new RegExp(`\\b(?:(${DAY_WORDS}) (week|fortnight|en huit|en quinze)|(?:a )?(week|fortnight) (?:on|from) (?:this |next )?(${DAY_WORDS}))\\b`, "g"))) {
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
    if (new RegExp(`^ (?:(?:the|le) )?(?:\\d{1,2}(?:er|st|nd|rd|th)?\\b(?! (?!(?:${MONTH_WORDS})\\b)(?:[a-z]+s|x|pack|box|roll|carton|boite|bidon|lot|paquet|sachet|rouleau|flacon|colis|ramette|caisse)\\b)|(${MONTH_WORDS}) \\d)`).test(t.slice(m.index + m[0].length))) continue
    let dow = FR_DAYS.indexOf(m[1]!)
    if (dow < 0) dow = EN_DAYS.indexOf(m[1]!)
    // "mercredi de la semaine prochaine", "Wednesday of next week": that weekday in the coming week, not this one's.
    // So when the week is said first: "la semaine prochaine, le mercredi idéalement", "next week, ideally on Wednesday".
    const nextWeek = /^ (?:de la |of )?(?:semaine prochaine|next week)\b/.exec(t.slice(m.index + m[0].length)) ?? /\b(?:semaine prochaine|next week) (?:(?:de preference|idealement|plutot|si possible|ideally|preferably|if possible|le|on|the) )*$/.exec(t.slice(Math.max(0, m.index - 50), m.index))
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
  if (week !== null && weekStart !== null && !weekdayInWeek && !out.some((d) => !d.relative)) add(week.index, week[0].length, weekStart, true)
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

/** A delivery is meant: the words around a date that make it the date to deliver. */
export const DELIVERY_CONTEXT = /\b(?:livr\w*|consegna|entro|lieferung|until|till|jusqu a|jusqu au|per (?:monday|tuesday|wednesday|thursday|friday|saturday|\d)|latest|(?:have|get|avoir|recevoir) (?:it|them|the order|the goods|la|les|le tout)|delai|deliver\w*|ship\w*|dispatch\w*|expedi\w*|reception|need(?:ed|s)?|required?|requis|souhaite\w*|besoin|pour (?:le|la|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|demain|apres)|for (?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|next)|avant|by|no later|au plus tard|d ici|sous|within|arriv\w*|recevoir|receive|due|attendu|expected|before)\b/
/** A span of days rather than a day ("next week", "fin du mois", "semaine 46"), or a feast a day is planned around. */
const VAGUE_WORDS = /\b(?:week|semaine|sem|wk|mois|month)\b|^(?:thanksgiving|christmas|xmas|noel|new year|nouvel an|toussaint)/
/** "Wednesday week", "a week on Thursday", "jeudi en huit": one day, counted a week on (not a span). */
const WEEKDAY_A_WEEK_ON = new RegExp(`^(?:(?:${DAY_WORDS}) (?:week|fortnight|en huit|en quinze)|(?:a )?(?:week|fortnight) (?:on|from) (?:this |next )?(?:${DAY_WORDS}))$`)
const VAGUE = { test: (text: string): boolean => VAGUE_WORDS.test(text) && !WEEKDAY_A_WEEK_ON.test(text) }
/** A span said by its end ("d'ici la fin de la semaine", "by the end of the month"): its last day is a deadline. */
const END_OF_SPAN = /^(?:(?:a la |en )?fin (?:de (?:la )?semaine|du mois|de mois|de ce mois)|(?:at the )?end of (?:the |this |next )?(?:week|month))/
/**
 * A day said after a deadline at the end of a span and falling past it ("d'ici la fin de la semaine (on tient la
 * braderie samedi)", "by the end of the week, the fair is on Saturday") names something else than the delivery: the
 * goods are wanted by the deadline. A day inside it still says which ("fin de la semaine, jeudi si possible").
 */
function pastTheDeadline(found: readonly FoundDate[], d: FoundDate): boolean {
  return found.some((e) => e.index < d.index && END_OF_SPAN.test(e.text) && d.date.getTime() > e.date.getTime())
}
const GIVEN_UP = /\b(?:instead of|rather than|au lieu d[eu]|plut[ôo]t que)\s+(?:the\s+|le\s+|la\s+)?[\p{L}\d]+(?:\s+\d{1,2}(?:st|nd|rd|th|er)?\b)?(?:\s+[\p{L}]+(?=\s*[.,;!?)]|$))?/giu
const PAST_DAY = /\b(?:(?:ever )?since|depuis|last|sent|placed|raised|submitted|envoy[ée]e?s?|pass[ée]e?s?|transmise?s?)\s+(?:on\s+|le\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) dernier\b(?!\s+d[ée]lai)|\b(?:(?:ever )?since|depuis)\s+(?:(?:le|the)\s+)?\d{1,2}(?:er|st|nd|rd|th)?\s+(?:of\s+)?\p{L}+|\b(?:(?:ever )?since|depuis)\s+(?:(?:le|the)\s+)?\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?/giu
/**
 * Someone away until a day ("Harry is on holiday until Monday", "en congé jusqu'au 7", "closed till Monday"): the day
 * they are back, no delivery day ("ferme le vendredi 18 au soir" is the evening of the 18th, no "until").
 */
const AWAY_UNTIL = /\b(?:on (?:holiday|holidays|leave|vacation)|off (?:sick|work)|away|absent|absente|out of (?:the )?office|en (?:vacances|cong[ée]s?|arr[êe]t)|ferm[ée]e?s?|closed)\b[^.;!?]{0,40}?\b(?:until|till|to|jusqu['’]?(?:au|[àa])|au)\s+(?!(?:soir|matin|midi|plus tard|plus t[ôo]t)\b)(?:(?:le|the)\s+)?[\p{L}\d]+(?:\s+\d{1,2}(?:er|st|nd|rd|th)?\b)?/giu
/**
 * A second choice after the first ("today if you can, otherwise first thing Monday", "demain, sinon lundi") and a
 * closure ("we close from 23 December to 4 January", "nous sommes fermés du 24 au 2"): neither is the day wanted
 * ("before the office closes on Friday 18th" is: a deadline; so is a closing day in brackets after "avant …": "livrer
 * avant les vacances (l'école ferme le vendredi 18 au soir)"). A closure's words end at a colon ("L'école est fermée
 * pendant les vacances : merci de livrer au plus tard le 18").
 */
const FALLBACK = /\b(?:otherwise|failing that|or else|if not|sinon|a defaut|à défaut)\b[^.;!?]*/giu
const CLOSURE = /(?<!\b(?:before|until|till|by|avant|avant que|avant qu|jusqu a ce que)\s+)(?<!\b(?:before|avant)\s[^.;!?()\n]{0,40}\(\s*)\b(?:we|nous|on|(?:the|our|le|la|l['’]|notre) ?(?:shop|office|practice|clinic|store|site|school|college|academy|magasin|cabinet|bureau|boutique|salon|atelier|[ée]cole|[ée]tablissement|coll[èe]ge|lyc[ée]e|mairie|usine|entreprise))(?: |['’](?=(?:re|s|ll) ))(?:(?:is |are |re |s |will be |ll be )?(?:closed|shut)|close|closes|will close|break up|breaks up|fermons|fermerons|(?:est |sont |sommes |serons |sera |seront )?ferm[ée]e?s?|fermera)(?![\p{L}])(?:[^.;:!?,]|,(?! (?:so|donc|alors|please|merci|mais|but)\b))*/giu
const NOT_DELIVERY = /\b(?:facture|invoice|paiement|payment|echeance|reglement|devis du|quote of|date de commande|order date|commande du|ordered on|acknowledge\w*|accuse\w* (?:de )?reception)\b/
/**
 * The day an earlier order was placed, named with it ("en complément de notre commande BC-2026-0587 du 1er décembre",
 * "our PO 4471 of 30 November"): the order's date, not the day the goods are wanted.
 */
const ORDER_OF_DAY = /\b(?:commande|bon de commande|order|po|purchase order)(?:\s+(?:n[°o]\.?\s*)?[A-Z0-9][\w/-]*\d[\w/-]*)?\s+(?:du|of|dated|placed on|pass[ée]e le)\s+(?:(?:le|the)\s+)?(?:\p{L}+\s+)?\d{1,2}(?:er|st|nd|rd|th)?(?:[/.]\d{1,2}(?:[/.]\d{2,4})?|\s+\p{L}+(?:\s+\d{4})?)/giu

const NO_RUSH = /\b(?:no (?:rush|hurry)|not urgent|whenever|any (?:day|time)|anytime|n importe quel jour|peu importe le jour|pas (?:presse|d urgence|urgent)|rien ne presse|aucune urgence|quand vous (?:pouvez|voulez))\b/
const SPAN = new RegExp(`\\b(?:(?:the )?week after next|next week|(?:la )?semaine (?:prochaine|d apr[eè]s)|(?:mid|early|late|end of|beginning of|mi|d[ée]but|fin)[- ](?:${MONTH_WORDS}))\\b`, "gi")

/**
 * "Delivery: is Friday 4 December OK? : NO - MONDAY 7TH PLEASE": our question answered no on its line; the day asked
 * is the answer's, the one we proposed is given up.
 */
function declined(text: string): string {
  const m = /^(.*\?)\s*:\s*((?:no|non|nope|not really|pas possible)\b.*)$/i.exec(text)
  if (m === null) return text
  return `${DELIVERY_CONTEXT.test(foldText(m[1]!)) ? "Delivery: " : ""}${m[2]}`
}

/** Days a place is open ("du lundi au jeudi, 8h - 12h", "Mon-Fri 7am-3pm"): no day the goods are wanted. */
const WEEKDAY = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
const WEEKDAY_RANGE = new RegExp(`\\b${WEEKDAY}\\.?\\s*(?:au|à|a|to|till|until|through|thru|-|–)\\s*${WEEKDAY}\\b\\.?`, "gi")
/** A day ruled out ("jamais le vendredi", "no deliveries on Fridays", "sauf le lundi"): no day the goods are wanted. */
const WEEKDAY_EXCLUDED = new RegExp(`\\b(?:jamais|sauf|except|never|not|no(?: deliveries)?)\\s+(?:(?:le|les|on|the|a|an)\\s+)?${WEEKDAY}s?\\b`, "gi")

/**
 * An opening or an event the date belongs to ("ouverture le 1er décembre", "we open on the 3rd", "they don't open to
 * patients until the 7th", "n'ouvre qu'au 7", "pour le réveillon du 31 …, il me faut le 29", "the party on the 18th",
 * "avant le vernissage du jeudi 17, donc au plus tard le mercredi 16"):
 * no delivery day, unless no other is said. It ends where a consequence begins: "on ouvre à 12h donc livraison le
 * matin, mardi ou mercredi" hands the goods over on the Tuesday.
 */
const OPENING = /\b(?:ouverture|inauguration|nous ouvrons|on ouvre|(?:we|shop|store|site|office|bureau|magasin|boutique|agence|cabinet|ecole|école|restaurant) (?:opens?|will open|ouvre|ouvrira)|opening|(?:don['’]?t|do not|doesn['’]?t|does not|won['’]?t|will not) open|n['’]ouvr\w* (?:pas|qu)|(?:r[ée]veillon|f[êe]te|soir[ée]e|repas|concert|mariage|gala|kermesse|vernissage|spectacle|wedding|party|dinner|gig|private view) (?:du|of|on)(?: (?:the|le))?(?: (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday))? \d{1,2}(?:er|st|nd|rd|th)?(?!\s*(?:\/|\.|-)\s*\d))\b(?:(?!\b(?:donc|alors|du coup|so|then|therefore)\b)[^,.;:)])*/gi
const OPENS = new RegExp(OPENING.source, "i")

/** A delivery day's label on its line: "Deliver by:", "Requested delivery date:", "Livraison souhaitée (par le client) :". */
const LABELLED_DELIVERY = /^\s*(?:deliver(?:y)? (?:by|on)|(?:requested |required |wanted )?delivery (?:date|day)|requested delivery|need(?:ed)? by|livraison (?:souhaitee|demandee|prevue)(?: par [a-z ]{2,30})?|date de livraison(?: souhaitee| demandee)?)\s*$/
export function deliveryDateOf(given: readonly { text: string; ref: Date }[], opts: { monthFirst?: boolean } = {}): { date: Date; evidence: string; relative: boolean } | null {
  if (!given.some((l) => OPENS.test(l.text))) return deliveryDayOf(given, opts)
  return deliveryDayOf(given.map((l) => ({ ...l, text: l.text.replace(OPENING, " ") })), opts) ?? deliveryDayOf(given, opts)
}

/**
 * Words handing the goods over, the day after them ("livrer le mercredi 9", "livraison vendredi avant 14h", "delivered
 * 12/17", "je passe les prendre vendredi", "drop them at the clubhouse Thursday", "delivery on Wednesday 9th"), or a deadline's words after the day
 * ("by Friday 4th at the latest", "vendredi 11 au plus tard", "Thursday 10th would be perfect").
 */
const HANDED_OVER = /\b(?:livr(?:er|ez|e|ee|es|ees)|livraison|deliver(?:ed)?|delivery (?:on|by|for)|drop (?:them|it|these|this|everything|the lot)?(?: off)?|(?:passe|passerai|passerons|passera|passons|viens|viendrai) (?:les |le |la |l |tout )?(?:prendre|chercher|recuperer)|pick (?:them |it |these |everything |the order )?up|collect (?:them|it|these|the order))\b/
// "Thursday 10th would be perfect", "Wednesday 9th would suit us", "mardi 8 ce serait idéal", "le jeudi 3 nous conviendrait":
// the day said to suit, as a deadline's.
// So is a day asked for "if at all possible", "si possible" ("Wednesday 9th if at all possible, we have a consultation
// starting on the 10th": the 9th, the 10th is the consultation's).
const DEADLINE_AFTER = /\b(?:au plus tard|at the latest|dernier delai|sans faute|if (?:at all |humanly )?possible|if poss|if you can|si (?:c est |cela est |c etait )?possible|si vous (?:le )?pouvez|would be (?:perfect|ideal|great|lovely|brilliant)|would suit(?: us| me)?|(?:ce serait|serait|c est) (?:parfait|ideal|top|super)|(?:nous |me )?(?:irait|conviendrait) (?:bien|parfaitement)|(?:nous|me) (?:irait|conviendrait))\b/

const DEADLINE_BEFORE = /\b(?:au plus tard|at the latest|no later than|not later than|pas plus tard que|dernier delai)\b/

/** The day a sentence hands the goods over on, when it says so in words of handing over (see HANDED_OVER). */
function handedOverOn(part: string, ref: Date, opts: { monthFirst?: boolean }): FoundDate | null {
  const t = foldKeepSlash(part)
  // Words first, dates after: most lines hand nothing over, and reading dates is the dearer step.
  const verb = HANDED_OVER.exec(t)
  const deadline = DEADLINE_AFTER.exec(t)
  if ((verb === null && deadline === null && !DEADLINE_BEFORE.test(t)) || NOT_DELIVERY.test(t)) return null
  const all = findDates(part, ref, opts)
  const found = all.filter((d) => !VAGUE.test(d.text) && !pastTheDeadline(all, d))
  if (found.length === 0) return null
  if (verb !== null) {
    const after = found.find((d) => d.index >= verb.index + verb[0].length)
    if (after !== undefined) return after
  }
  // "au plus tard le vendredi 11 décembre", "no later than Wednesday 9th": a deadline's words right before the day name
  // it ("L'hélico monte le lundi 14, il faut que tout soit au dépôt au plus tard le vendredi 11": the 11th).
  const ahead = DEADLINE_BEFORE.exec(t)
  if (ahead !== null) {
    const next = found.find((d) => d.index >= ahead.index + ahead[0].length && new RegExp(`^ (?:(?:le|the|on|by|pour|for) )?(?:(?:${DAY_WORDS}) )?(?:the )?$`).test(t.slice(ahead.index + ahead[0].length, d.index)))
    if (next !== undefined) return next
  }
  if (deadline !== null) {
    const before = found.filter((d) => d.index < deadline.index).at(-1)
    if (before !== undefined) return before
  }
  return null
}

/**
 * "Could you deliver the following the day before" (the tournament "on Saturday 12th" said above), "Livraison la veille du
 * tournoi au plus tard", "l'avant-veille": the day (or two) before the event's day, named after these words in their
 * sentence or else last before them. "La veille de Noël", "Christmas Eve" are days of their own (FEASTS).
 */
const DAY_BEFORE = /\b(?:(?:the )?(?:day|evening|night) before|la veille|(?:l )?avant veille|(?:two|2) days before|deux jours avant)\b(?! (?:de |d |du |of )?(?:noel|christmas|xmas|nouvel an|jour de l an|new year|la saint|toussaint|thanksgiving)\b)/

function dayBeforeEvent(lines: readonly { text: string; ref: Date }[], opts: { monthFirst?: boolean }): { date: Date; evidence: string; relative: boolean } | null {
  const at = lines.findIndex((l) => DAY_BEFORE.test(foldText(l.text)))
  if (at < 0) return null
  const { text, ref } = lines[at]!
  const parts = text.split(/(?<=[.!?])\s+/)
  for (const [i, part] of parts.entries()) {
    const folded = foldKeepSlash(part)
    const words = DAY_BEFORE.exec(folded)
    if (words === null || !DELIVERY_CONTEXT.test(folded) || NOT_DELIVERY.test(folded)) continue
    const back = /avant veille|two|2|deux/.test(words[0]) ? 2 : 1
    // The event's day after the words ("the day before the match on Saturday 12th"), else the last said before their sentence.
    const within = findDates(part, ref, opts).filter((d) => !VAGUE.test(d.text))
    // "mercredi 9 (la veille de l'ouverture)": a day said before the words in their sentence is the day, they explain it.
    if (within.some((d) => d.index < words.index)) return null
    // "la veille, jeudi 10 au matin", "the day before (Friday 11th)": a day set right beside the words, with nothing but a
    // comma, a dash or a bracket between, is the eve itself, named.
    // ("the day before Saturday 12th" is the Friday: the day after the words with no mark between is the event's).
    const apposed = /(?:(?:day|evening|night) before|veille)\s*[,(–—-]/i.test(part)
    const named = apposed ? within.find((d) => d.index > words.index && /^\s*$/.test(folded.slice(words.index + words[0].length, d.index))) : undefined
    if (named !== undefined) return { date: named.date, evidence: text.trim(), relative: named.relative }
    let anchor = within.find((d) => d.index > words.index)?.date ?? null
    if (anchor === null) {
      // "Livraison le mardi 8 … Transmettre la veille l'identité du chauffeur": the eve of a day the goods are handed over
      // on is for something else; that day stays the delivery's.
      let handed = false
      for (const l of [...lines.slice(0, at), { text: parts.slice(0, i).join(" "), ref }]) {
        for (const sentence of l.text.split(/(?<=[.!?])\s+/)) {
          for (const d of findDates(sentence, l.ref, opts)) {
            if (VAGUE.test(d.text)) continue
            anchor = d.date
            handed = HANDED_OVER.test(foldKeepSlash(sentence))
          }
        }
      }
      if (handed) return null
    }
    if (anchor !== null) return { date: addDays(anchor, -back), evidence: text.trim(), relative: true }
  }
  return null
}

function deliveryDayOf(given: readonly { text: string; ref: Date }[], opts: { monthFirst?: boolean }): { date: Date; evidence: string; relative: boolean } | null {
  // "Monday 30th instead of Thursday 26th", "lundi au lieu de jeudi": the day given up is not the one wanted.
  // "stuck in my drafts since Friday", "depuis vendredi", "vendredi dernier": a day gone by.
  // "No rush, the week after next is fine", "mid-December is fine, no hurry": a span said to be soon enough is no day.
  const lines = given.map((l) => ({ ...l, text: declined(l.text).replace(WEEKDAY_RANGE, " ").replace(WEEKDAY_EXCLUDED, " ").replace(GIVEN_UP, " ").replace(PAST_DAY, " ").replace(AWAY_UNTIL, " ").replace(FALLBACK, " ").replace(CLOSURE, " ").replace(ORDER_OF_DAY, " ") })).map((l) => (NO_RUSH.test(foldText(l.text)) ? { ...l, text: l.text.replace(SPAN, " ") } : l))
  // A line a system or a form labels with the day the goods are wanted ("Deliver by: Monday, December 7", "Livraison
  // souhaitée par l'acheteur : mardi 8 décembre"): before a deadline to accept or ship the order said above it.
  for (const { text, ref } of lines) {
    if (!text.includes(":") || !LABELLED_DELIVERY.test(foldText(text.slice(0, text.indexOf(":"))))) continue
    const found = findDates(text.slice(text.indexOf(":") + 1), ref, opts)
    if (found[0] !== undefined) return { date: found[0].date, evidence: text.trim(), relative: found[0].relative }
  }
  const before = dayBeforeEvent(lines, opts)
  if (before !== null) return before
  // A sentence that hands the goods over on a day ("il faudrait que ce soit livré le vendredi 11", "je passe les
  // prendre vendredi", "can you drop them Thursday", "by Saturday at the latest"): that day, before any day named for
  // the event the goods are for ("Comme le plateau est le dimanche 13", "We rehearse on Wednesday evenings").
  for (const { text, ref } of lines) {
    for (const part of text.split(/(?<=[.!?])\s+/)) {
      const handed = handedOverOn(part, ref, opts)
      if (handed !== null) return { date: handed.date, evidence: text.trim(), relative: handed.relative }
    }
  }
  // Sentence by sentence first: "Nous ouvrons le 1er décembre. Pouvez-vous y livrer le lundi 30 novembre ?" is
  // the 30th; then a whole line about delivery.
  for (const sentences of [true, false]) {
    for (const { text, ref } of lines) {
      const folded = foldText(text)
      if (!DELIVERY_CONTEXT.test(folded) || (!sentences && NOT_DELIVERY.test(folded))) continue
      // "By Friday 11th if you can. Invoice to the usual place.": the invoice's sentence does not take the day's.
      const parts = sentences ? text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((x) => DELIVERY_CONTEXT.test(foldText(x)) && !NOT_DELIVERY.test(foldText(x))) : [text]
      for (const part of parts) {
        const found = findDates(part, ref, opts)
        // "next week's run - Tuesday 8th would be ideal": a day named says more than the week or month around it.
        const best = VAGUE.test(found[0]?.text ?? "") ? (found.find((d) => !VAGUE.test(d.text) && !pastTheDeadline(found, d)) ?? found[0]) : found[0]
        if (best !== undefined) return { date: best.date, evidence: text.trim(), relative: best.relative }
      }
    }
  }
  // A purchase order's table with a delivery date column ("Date livraison", "Due date", "Required by").
  let column = -1
  for (const { text, ref } of lines) {
    const cells = text.includes("|") ? text.split("|").map((c) => foldText(c)) : null
    if (cells === null || cells.length < 3) {
      column = -1
      continue
    }
    const head = cells.findIndex((c) => (/\b(?:date|due|required|requise?|souhaitee?)\b/.test(c) && DELIVERY_CONTEXT.test(c)) || /^(?:need(?:ed)? by|required by|deliver(?:y)? by|ship by|a livrer le|livrer le|livraison)$/.test(c.trim()))
    if (head >= 0 && !cells.some((c) => /\d/.test(c))) {
      column = head
      continue
    }
    const found = column >= 0 ? findDates(text.split("|")[column] ?? "", ref, opts) : []
    if (found.length > 0) return { date: found[0]!.date, evidence: text.trim(), relative: found[0]!.relative }
  }
  // "Can you send … tomorrow please?": in an order, a day said relative to today is when it is wanted.
  for (const { text, ref } of lines) {
    if (NOT_DELIVERY.test(foldText(text))) continue
    const all = findDates(text, ref, opts)
    const found = all.filter((d) => d.relative)
    const best = VAGUE.test(found[0]?.text ?? "") ? (all.find((d) => !VAGUE.test(d.text) && d.index > found[0]!.index && !pastTheDeadline(all, d)) ?? found[0]) : found[0]
    if (best !== undefined) return { date: best.date, evidence: text.trim(), relative: best.relative }
  }
  // "Monday Dec 7th please.": a day written out in the order's own short line, to come within two months.
  for (const { text, ref } of lines) {
    if (NOT_DELIVERY.test(foldText(text)) || text.length > 80 || text.includes("|")) continue
    // "Le jeudi 10/12 entre 8h et 12h.": figures after the weekday that opens the line are a day too.
    const folded = foldKeepSlash(text).trimStart()
    const found = findDates(text, ref, opts).filter((d) => d.date.getTime() > ref.getTime() && d.date.getTime() < addDays(ref, 61).getTime() && (/[a-z]/.test(d.text) || new RegExp(`^(?:le |the |on )?(?:${DAY_WORDS}) $`).test(folded.slice(0, d.index - (foldKeepSlash(text).length - folded.length)))))
    if (found.length > 0) return { date: found[0]!.date, evidence: text.trim(), relative: false }
  }
  return null
}

/** A mail's dates that can only be month first ("11/30/2026") and none that can only be day first ("30/11/2026"). */
export function writesMonthFirst(text: string): boolean {
  return /\b(?:0?[1-9]|1[0-2])\/(?:1[3-9]|2\d|3[01])\/\d{4}\b/.test(text) && !/\b(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2])\/\d{4}\b/.test(text)
}
