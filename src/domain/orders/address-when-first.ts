import { POSTAL_LINE, STREET, streetOf } from "./address-shapes"

/**
 * The words a day is said with, before or after its number: "Tuesday, December 8", "tomorrow morning", « mardi 8
 * décembre au matin », "Monday the 7th", "next Friday", "le 10/12".
 */
const DAY_NAME = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|tomorrow|today|tonight|morning|afternoon|evening|lunchtime|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|aujourd['’]hui|matin|midi|soir|apr[èe]s[- ]midi|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)`
const DAY_WORD = String.raw`(?:${DAY_NAME}|\d{1,2}(?:st|nd|rd|th|er)?(?:[./]\d{1,2}(?:[./]\d{2,4})?)?|(?:19|20)\d\d)`
/** Small words between them: "on", "the", "next", « le », « au plus tard ». */
const BETWEEN = String.raw`(?:on|by|for|the|this|next|at the latest|le|la|ce|cette|prochain|au plus tard|pour|avant)`
/**
 * "Deliver Tuesday, December 8 to Cafe 2 Dock, Building C, 400 …", « Livrer jeudi 10 décembre au dépôt, 3 rue … »,
 * "ship tomorrow morning to the yard, 9 …": a sending word (or none left: « demain matin à … » after « Livrer »), then only the day, then "to" / « à »: the day says when,
 * what follows "to" where. (A day's number is no house number: the place starts after "to", never at the "8".)
 */
const WHEN_FIRST = new RegExp(
  String.raw`^(?:(?:(?:please|pls|kindly|merci de|svp)\s+)?(?:deliver(?:y|ed)?|ship(?:ped|ping)?|send|sent|drop(?:ped)?(?: off)?|livr(?:er|ez|aison|[ée]e?s?)|exp[ée]di(?:er|ez|tion))(?:\s+(?:it|them|everything|the lot|le tout|les))?[\s,:]+)?((?:(?:${DAY_WORD}|${BETWEEN})[\s,]+)+)(?:to|at|[àa]|au|aux|chez)\s+(.+)$`,
  "iu"
)

/** The address without the sending words and day written before its place ("Deliver Tuesday, December 8 to …"). */
export function withoutWhenFirst(value: string): string {
  const m = WHEN_FIRST.exec(value)
  // (a day named in words: "3 à 5 rue …" is a range of house numbers, not a day)
  if (m === null || !new RegExp(String.raw`(?<![\p{L}])${DAY_NAME}(?![\p{L}])`, "iu").test(m[1]!)) return value
  const place = m[2]!.trim()
  // (a street as a US one abbreviates it counts: "400 Innovation Dr")
  return POSTAL_LINE.test(place) && (streetOf(place) || STREET.test(place) || /\b\d{1,5}[a-z]?\s+\p{Lu}\p{Ll}/u.test(place)) ? place : value
}
