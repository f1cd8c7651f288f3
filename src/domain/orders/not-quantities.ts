import type { Token } from "./line-product"

/*
 * Numbers in an order line's text that are no quantity: prices, codes, dates and years, hours and delays, a week's
 * or a room's number, a side of a dimension, a piece of a phone number. Apart from lines.ts, which reads the
 * quantity among what is left.
 */

const MONEY_AFTER = /^\s*(?:€|eur\b|euros?\b|ht\b|ttc\b|\$|£|%)/i
const MONEY_BEFORE = /(?:€|\$|£|prix|price|p\.?u\.?|tarif|total|montant|amount)\s*:?\s*$/i

const DATE_AFTER = /^\s?(?:er\s)?(?:janv\w*|f[ée]vr\w*|mars|avr\w*|mai|juin|juil\w*|ao[uû]t|sept\w*|oct\w*|nov\w*|d[ée]c\w*|january|february|march|april|may|june|july|august|september|october|november|december)\b/i

const YEAR_BEFORE = /(?:\b(?:janv\w*|f[ée]vr\w*|mars|avr\w*|mai|juin|juil\w*|ao[uû]t|sept\w*|oct\w*|nov\w*|d[ée]c\w*|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|for|in|from|of|since|until|until|budget|year|ann[ée]e|en|pour|de|depuis|jusqu'en|exercice)\.?,?\s+)$/i

const US_DAY_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.? \d{1,2}(?:st|nd|rd|th)?,\s*$/i

/** The number at start..end sits in a run of digits, spaces, dots, dashes and brackets holding nine digits or more. */
function phoneRunAround(text: string, start: number, end: number): boolean {
  let a = start
  let b = end
  while (a > 0 && /[\d .()+-]/.test(text[a - 1]!)) a--
  while (b < text.length && /[\d .()+-]/.test(text[b]!)) b++
  return (text.slice(a, b).match(/\d/g)?.length ?? 0) >= 9
}

const STREET_AFTER_NUMBER =
  /^(?:\s(?:\p{Lu}[\p{L}'’-]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Close|Crescent|Terrace|Boulevard|Blvd|Quay|Wharf|Parade|Highway|Court|Square|Parkway)(?![\p{L}])|(?:\s(?:bis|ter))?\s(?:rue|avenue|boulevard|bd|chemin|impasse|all[ée]e|quai|route|cours)\s+(?:de\s|du\s|des\s|d['’]|de la\s)?\p{Lu})/u

const PER_HEAD_THEN_TOTAL =
  /^\s+(?:[\p{L}'’-]+\s+){0,3}(?:par (?:personne|tete|tête|enfant|famille|participant|invit[ée]e?|convive)s?|per (?:person|head|child|guest|family|participant)|a head)(?![\p{L}])[^.;!?]{0,80}?\b(?:donc|soit|so|that s|that's|i\.e\.|which makes|making|total(?:e|ing)?|en tout|au total)\s+(?:about |around |environ |un total de |a total of )?\d/iu

const HEADS = /^\s+(?:invit[ée]e?s|personnes|people|persons|guests|familles|families|adh[ée]rents?|membres|members|b[ée]n[ée]voles|volunteers|enfants|children|kids|participants|convives|salari[ée]e?s|employees|[ée]l[èe]ves|pupils|joueurs|players)(?![\p{L}])/iu

export function isExcludedNumber(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i]!
  const before = text.slice(Math.max(0, t.start - 12), t.start)
  const after = text.slice(t.end, t.end + 8)
  if (MONEY_AFTER.test(after) || MONEY_BEFORE.test(before)) return true
  if (/^[/.:-]\d/.test(after) || /\d[/:]$/.test(before)) return true
  // A side of a dimension ("40 × 30 × 30 cm") is no quantity; "Espresso pods (box of 100) × 3" counts 3, a bracket between.
  if (/^ ?×/.test(after) || /\d ?× ?$/.test(before)) return true
  if (/(?:taille|size|t\.|r[ée]f\.?|ref|n°|no\.?|#|bc|po)\s*:?\s*$/i.test(before)) return true
  // Two decimals without a unit are a price in a pasted table ("5,49").
  if (/^\d+[.,]\d{2}$/.test(t.raw) && !/^\s*(?:kg|kilos?)\b/i.test(after)) return true
  if (t.num !== null && t.num >= 10000) return true
  // A time allowed ("within 24 hours", "sous 48 h", "dans les 8 jours") is a delay, not a count of hours or days.
  if (/^\s?(?:h|hrs?|hours?|heures?|jours?|days?|minutes?|mins?)\b/i.test(after) && /\b(?:within|sous|dans(?: les)?|d['’ ]ici|under|in(?: the next)?|next|apr[eè]s|after|pendant|for)\s$/i.test(before)) return true
  // A week's number ("livraison semaine 50", "week 49") is a date, no count.
  if (/\b(?:semaine|sem\.|week|wk|kw)\s?(?:n°\s?|no\.?\s?)?$/i.test(before)) return true
  // The number of a place in a building ("dans l'unité 2", "ward 4", "salle 3", "dock 2") is no count; nor is a shed's
  // or a terminal's on a yard, a base or an airfield ("hangar 2", "terminal 3", "entrepôt 4", "plateau 6").
  if (/(?:\bl['’]unit[ée]|\b(?:ward|wing|aile|b[âa]timent|building|bldg|salle|room|dock|gate|bay|hall|pavillon|[ée]tage|floor|level|niveau|hangar|terminal|entrep[ôo]t|warehouse|plateau|stand|stage))\s?$/iu.test(before)) return true
  // A code to get in ("gate code 1190", "the door code is 4471", « digicode 2580 », « code du portail : 1907 », "key safe
  // PIN 0412") opens a gate, it counts nothing.
  if (/\b(?:(?:gate|door|entry|access|key ?safe|keypad|lock|alarm|barrier|padlock|site|yard)\s+(?:code|pin)|digicode|code\s+(?:d['’]acc[èe]s|d['’]entr[ée]e|(?:du |de la |de l['’])?(?:portail|porte|barri[èe]re|cadenas|bo[iî]te [àa] cl[ée]s?|alarme))|pin(?:\s+code)?)\s*(?:(?:is|est|=)\s*)?:?\s*$/iu.test(text.slice(Math.max(0, t.start - 40), t.start))) return true
  // A distance ("4 miles in on the access road", « à 3 km après le rond-point », "2 km past the quarry") says where the
  // place is, no count of anything.
  if (/^\s?(?:miles?|mi|km|kms|kilom[eè]t(?:re|er)s?)(?![\p{L}])/iu.test(after + text.slice(t.end + 8, t.end + 16))) return true
  // An hour of the day ("le matin avant 11 h", "à 8h30", "before 10 am", "after 2 pm") is no count of hours.
  // So is "avant 11 heures", "at 9 o'clock", unless hours of something follow ("2 heures d'intervention"); « à 2 h du
  // matin » too (an accented « à » has no word boundary before it).
  if (/^\s?(?:h\d{2}|h|am|pm|a\.m\.|p\.m\.|heures?(?! d['’ e])|o['’]clock)(?![\p{L}])/iu.test(after) && /(?:^|[^\p{L}\d])(?:avant|apr[eè]s|[àa]|vers|d[eè]s|entre|et|de|jusqu['’ ]?[àa]|before|after|at|by|from|until|till|between|and|to)\s$/iu.test(before)) return true
  // The minutes of an hour written "12 h 15", the end of opening hours ("the office is open 9-1 weekdays", « ouvert de 8 h à
  // 12 h », "hours 9–5"): times, no count.
  if (/\d\s?h\s?$/i.test(before) || /\b(?:open|opens|ouvert|ouverte|ouverts|hours|horaires?)\s+(?:[\p{L}]+\s+)?\d{1,2}(?:[.:h]\d{2})?\s?[-–]\s?$/iu.test(text.slice(Math.max(0, t.start - 30), t.start))) return true
  // Leading zeros make a position or a code ("00010" of a portal's item column), never a count.
  if (/^0\d/.test(t.raw)) return true
  // A day of a date written in words ("pour le 12 mai", "by 14 March") is no quantity.
  if (DATE_AFTER.test(text.slice(t.end, t.end + 12))) return true
  // A year ("from 4 January 2027", "our suppliers for 2027", "budget 2027") is none either: a four-digit 20xx after a
  // month or a word that introduces a time.
  if (/^20\d\d$/.test(t.raw) && YEAR_BEFORE.test(text.slice(Math.max(0, t.start - 16), t.start))) return true
  // A year after an American date's day ('no later than June 10, 2026').
  if (/^20\d\d$/.test(t.raw) && US_DAY_BEFORE.test(text.slice(Math.max(0, t.start - 20), t.start))) return true
  // "our 2026 framework agreement", "le marché 2026", "the 2027 catalogue": a year naming a contract or a season.
  if (/^20\d\d$/.test(t.raw) && /^\s*(?:framework|contract|agreement|budget|catalogue|catalog|price list|season|tender|march[ée]|contrat|accord|exercice|saison|tarif)/i.test(text.slice(t.end, t.end + 16))) return true
  // "on a l'expédition le 13", "livré au 4": a French day after its article is a date too.
  if (/\b(?:le|du|au)\s$/i.test(before) && !/^\s*(?:er\b)?\s*[\p{L}]/u.test(after)) return true
  // A count per head followed by the total it makes ("2 gobelets par personne, donc 400 gobelets", "3 cups per guest,
  // so 600 cups"): the total is the quantity, the rate none.
  if (PER_HEAD_THEN_TOTAL.test(text.slice(t.end, t.end + 120))) return true
  // A head count ("150 invités :", "about 300 people", "12 bénévoles") counts people, not goods.
  if (HEADS.test(after + text.slice(t.end + 8, t.end + 24))) return true
  // A numbered point of minutes or a report ("6.2 RESOLVED: …", "3.1 Le bureau…") is no count.
  if ((/^\.\d{1,2}\s+\p{L}/u.test(after) || (/^\d{1,2}\.\d{1,2}$/.test(t.raw) && /^\s+\p{Lu}/u.test(after))) && /^\s*$/.test(text.slice(0, t.start))) return true
  if (/^\s*\d{1,2}\.$/.test(text.slice(0, t.start)) && /^\s+\p{L}/u.test(after)) return true
  // A threshold is no count: "booking not required for under 3 pallets", "pour moins de 2 palettes".
  if (/\b(?:for|if|when|pour|si|quand)\s+(?:under|fewer than|less than|more than|up to|moins de|plus de)\s$/i.test(text.slice(Math.max(0, t.start - 24), t.start))) return true
  // A street's number before its name, its town and postcode ("the main office at 3 Bradshawgate, Bolton BL1 1HJ").
  if (/^\s(?:\p{Lu}[\p{L}'’-]+\s){0,3}\p{Lu}[\p{L}'’-]+,\s*(?:\p{Lu}[\p{L}'’ -]*\s)?(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{5})\b/u.test(text.slice(t.end, t.end + 60))) return true
  // A street's number before its name, with no town after it on the line ("the site office, 88 Halsey Street, Wynyard
  // Quarter, …", « au 14 rue des Tanneurs »): a place, no count of the office chairs the "office" before it names.
  if (STREET_AFTER_NUMBER.test(text.slice(t.end, t.end + 60))) return true
  // An Australian postcode after its state ("East Perth WA 6004", "Brisbane QLD 4000"), a South African or New Zealand
  // one closing a sentence after its town ("Durban 4001.", "Auckland 1010"): a place, no count.
  if (/^\d{4}$/.test(t.raw) && /\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT)\s$/.test(before)) return true
  // ("…, Wynyard Quarter, Auckland 1010 – the yard gate is on …": a town's four figures after a comma's parts, then a
  // dash's note on the way in, or a bracketed one: "…, Christchurch 8041 (the office is open …)"; "Sandton, 2196 – …" after
  // the town's comma, as South Africa writes it.)
  if (/^\d{4}$/.test(t.raw) && /,\s*(?:(?:\p{Lu}[\p{L}'’-]+\s){1,3}|\p{Lu}[\p{L}'’-]+,\s)$/u.test(text.slice(Math.max(0, t.start - 40), t.start)) && /^\s*(?:$|[.,;]|[-–—]\s|\((?!\d))/.test(after)) return true
  // A year a firm was founded in ("Family owned since 1924", « depuis 1987 », "Est. 1952") is no count.
  if (/^(?:1[89]|20)\d\d$/.test(t.raw) && /\b(?:since|depuis|est\.?|established|founded(?: in)?|fond[ée]e? en|cr[ée]{2}e? en)\s$/i.test(text.slice(Math.max(0, t.start - 16), t.start))) return true
  // A piece of a phone number ("(617) 555-0199", "04 76 33 21 09"): nine digits or more in one run.
  if (phoneRunAround(text, t.start, t.end)) return true
  return false
}
