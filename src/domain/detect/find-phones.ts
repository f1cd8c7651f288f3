import {
  findPhoneNumbersInText,
  isSupportedCountry,
  Metadata,
  parseDigits,
  type CountryCode as LibCountryCode,
  type NumberFound,
  type PhoneNumber
} from "libphonenumber-js"

import type { CountryCode } from "../customers/customer.schema"

export interface PhoneMatch {
  /** UTF-16 offsets into the text given, `end` exclusive; the span covers the extension when there is one. */
  start: number
  end: number
  e164: string
  extension?: string
  raw: string
  /**
   * Set when the number was read in one of `otherCountries`, not the default country: a candidate only. A national
   * form valid in two countries is two different numbers; the caller keeps it only when the base knows it.
   */
  country?: CountryCode
}

export interface FindPhonesOptions {
  /** VALID (default) for pages; POSSIBLE only exists to replay upstream test cases written for it. */
  leniency?: "VALID" | "POSSIBLE"
  /** false hands the whole text to libphonenumber-js: the reference the prefilter is tested against. */
  prefilter?: boolean
  /**
   * Countries to read national forms in after the default one (the countries of the team's base), in order. Only
   * digit runs the default country left unread are tried, each country on what the previous ones left.
   */
  otherCountries?: readonly CountryCode[]
}

// libphonenumber-js's own VALID_PUNCTUATION (dashes, slashes, dots, spaces, brackets, tildes): a run of these and
// digits is exactly what its matcher can take as one candidate, so cutting text elsewhere cannot split a number.
const PUNCT =
  "\\-\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFF0F/\\uFF0E. \\u00A0\\u00AD\\u200B\\u2060\\u3000()\\uFF08\\uFF09\\uFF3B\\uFF3D\\[\\]~\\u2053\\u223C\\uFF5E"
// "x" joins too: the matcher reads "650x2531234" as one candidate (and rejects it).
const RUN = new RegExp(`(?:[+\\uFF0B][${PUNCT}]{0,4})*[(\\[\\uFF08\\uFF3B]?\\p{Nd}(?:[${PUNCT}xX]*\\p{Nd})*`, "gu")
const RUN_CHAR = new RegExp(`[\\p{Nd}+\\uFF0B${PUNCT}xX]`, "u")
const DIGIT = /\p{Nd}/gu

/** Shortest international number: +683 4002 (Niue) has 7 digits with its country code. */
const MIN_INTERNATIONAL_DIGITS = 7
/** Shortest international dialling prefix ("00"). */
const MIN_IDD_DIGITS = 2
/** The matcher reads one character before a candidate and a few after (":00" of a time stamp, an extension). */
const LEFT_CONTEXT = 4
const RIGHT_CONTEXT = 32
/** Past this share of the text, one call on the whole text is cheaper than many small ones. */
const WHOLE_TEXT_SHARE = 0.6

/**
 * Finds phone numbers in free text, as E.164. `defaultCountry` reads national forms (01 23 45 67 89 with FR);
 * null (or a code libphonenumber-js does not know) finds only international forms.
 *
 * libphonenumber-js decides; this function only keeps it fast and fits it to pages:
 * - a cheap regex finds digit runs and only windows around them go to libphonenumber-js, which is slow on whole
 *   digit-heavy texts (DESIGN.md: 1.2–3 s per MB with FR);
 * - "01 23 45 67 89, 06 12 34 56 78" is a list, not a number with extension ",06" (the matcher's reading);
 * - a national number written without the national prefix its country always writes (FR "123456789") is a
 *   SIREN, an amount or a reference far more often than a phone: kept only after a phone word ("tél.", "phone");
 * - French "poste 123" extensions, which libphonenumber-js does not know.
 */
export function findPhones(text: string, defaultCountry: CountryCode | null, options: FindPhonesOptions = {}): PhoneMatch[] {
  return findPhonesMany([text], defaultCountry, options)[0] ?? []
}

/**
 * `findPhones` over several texts at once (a page scan's batch of text nodes): one libphonenumber-js call for the
 * candidate windows of all of them, since a call costs more than most windows. Each text is still read alone:
 * windows never span two texts, and the result for a text is exactly `findPhones` of that text.
 */
export function findPhonesMany(
  texts: readonly string[],
  defaultCountry: CountryCode | null,
  options: FindPhonesOptions = {}
): PhoneMatch[][] {
  const country = defaultCountry !== null && isSupportedCountry(defaultCountry) ? defaultCountry : undefined
  const leniency = options.leniency ?? "VALID"
  const out: PhoneMatch[][] = texts.map(() => [])
  const windows: TextWindow[] = []
  const scannedTexts: string[] = []
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t] ?? ""
    if (!mayHoldNumber(text, country) && options.prefilter !== false) continue
    if (!ANY_DIGIT.test(text)) continue
    const scanned = normaliseForMatcher(text)
    scannedTexts[t] = scanned
    if (options.prefilter === false) windows.push({ text: t, start: 0, end: text.length })
    else for (const w of candidateWindows(scanned, country)) windows.push({ text: t, start: w.start, end: w.end })
  }

  for (const found of matchInWindows(scannedTexts, windows, country, leniency)) accept(texts, out, found, undefined)

  for (const other of options.otherCountries ?? []) {
    if (other === defaultCountry || !isSupportedCountry(other)) continue
    const more: TextWindow[] = []
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t] ?? ""
      if (options.prefilter !== false && !mayHoldNumber(text, other)) continue
      if (!ANY_DIGIT.test(text)) continue
      const scanned = (scannedTexts[t] ??= normaliseForMatcher(text))
      const taken = out[t] ?? []
      // Runs already read as a number (in the default country, or an earlier one) are not read again: this pass
      // costs only what the page holds beyond them (references, amounts, foreign numbers).
      const covered = (start: number, end: number) => taken.some((m) => start < m.end && m.start < end)
      for (const w of candidateWindows(scanned, other, covered)) more.push({ text: t, start: w.start, end: w.end })
    }
    for (const found of matchInWindows(scannedTexts, more, other, leniency)) {
      const taken = out[found.text] ?? []
      if (taken.some((m) => found.start < m.end && m.start < found.end)) continue
      accept(texts, out, found, other)
    }
  }
  for (const matches of out) if (matches.length > 1 && matches.some((m) => m.country !== undefined)) matches.sort((a, b) => a.start - b.start)
  return out
}

function accept(texts: readonly string[], out: PhoneMatch[][], found: { text: number; start: number; end: number; number: PhoneNumber }, country: CountryCode | undefined): void {
  const text = texts[found.text] ?? ""
  const { start, number } = found
  let end = found.end
  if (!nationalPrefixAcceptable(text, start, end, number)) return
  let extension = number.ext
  if (extension === undefined) {
    const poste = POSTE.exec(text.slice(end, end + 24))
    if (poste?.[1] !== undefined) {
      extension = parseDigits(poste[1])
      end += poste[0].length
    }
  }
  const match: PhoneMatch = { start, end, e164: number.number, raw: text.slice(start, end) }
  if (extension !== undefined) match.extension = extension
  if (country !== undefined) match.country = country
  out[found.text]?.push(match)
}

const ANY_DIGIT = /\p{Nd}/u
const LETTER = /\p{L}/u

/**
 * One matcher call for all windows (of one text or of many), joined by newlines: a call costs ~8 µs before reading a
 * single character (it compiles its patterns), more than most windows. A newline cannot be part of a candidate, and
 * the matcher reads it like the end of the text, so each window is matched as if alone.
 */
function matchInWindows(
  scanned: readonly string[],
  windows: readonly TextWindow[],
  country: LibCountryCode | undefined,
  leniency: "VALID" | "POSSIBLE"
): { text: number; start: number; end: number; number: PhoneNumber }[] {
  if (windows.length === 0) return []
  const starts: number[] = []
  const parts: string[] = []
  let length = 0
  for (const w of windows) {
    const s = scanned[w.text] ?? ""
    const part = w.start === 0 && w.end === s.length ? s : s.slice(w.start, w.end)
    starts.push(length)
    parts.push(part)
    length += part.length + 1
  }
  const joined = parts.join("\n") + "\n"
  const out: { text: number; start: number; end: number; number: PhoneNumber }[] = []
  let i = 0
  for (const found of findInText(joined, { defaultCountry: country, leniency })) {
    while (i + 1 < starts.length && (starts[i + 1] ?? Infinity) <= found.startsAt) i++
    const w = windows[i]
    if (w === undefined) continue
    const shift = w.start - (starts[i] ?? 0)
    out.push({ text: w.text, start: found.startsAt + shift, end: found.endsAt + shift, number: found.number })
  }
  return out
}

// The matcher reads `leniency` (PhoneNumberMatcher.js) but the published typings leave it out.
const findInText = findPhoneNumbersInText as (
  text: string,
  options: { defaultCountry?: LibCountryCode; leniency: "VALID" | "POSSIBLE" }
) => NumberFound[]

const POSTE = /^[ \u00A0\t]*[,(]?[ \u00A0\t]*poste[ \u00A0\t.:]*(?:n°[ \u00A0\t]*)?(\p{Nd}{1,6})\)?/iu

/** Same length as the input, so offsets carry over. */
function normaliseForMatcher(text: string): string {
  return (
    text
      // Thin and narrow no-break spaces group digits in French typography; the matcher only knows the usual spaces.
      .replace(/[\u2000-\u200A\u202F\u205F]/g, " ")
      // A single comma before digits separates a list; the matcher would read ", 06" as an extension.
      .replace(/(?<!,),(?=[ \u00A0\t]*\p{Nd})/gu, "\n")
  )
}

interface TextWindow {
  /** Index of the text in the batch. */
  text: number
  start: number
  end: number
}

/**
 * Cheap and exact: a text with fewer digits than the shortest candidate the windows keep (below) cannot hold a
 * number. Skips most amounts, dates, row numbers and counters of a page before any regex runs.
 */
function mayHoldNumber(text: string, country: LibCountryCode | undefined): boolean {
  let need = minNationalDigits(country)
  let digits = 0
  let other = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
    else if (c === 0x2b || c === 0xff0b) need = Math.min(need, MIN_INTERNATIONAL_DIGITS)
    else if (c > 0x7f) other = true
  }
  if (digits >= need) return true
  // Digits of other scripts (Arabic-Indic, fullwidth…) count too: only then is the slower Unicode count needed.
  return other && countDigits(text) >= need
}

function candidateWindows(text: string, country: LibCountryCode | undefined, covered?: (start: number, end: number) => boolean): { start: number; end: number }[] {
  const minNational = minNationalDigits(country)
  const windows: { start: number; end: number }[] = []
  let kept = 0
  RUN.lastIndex = 0
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const run = m[0]
    const international = run.charCodeAt(0) === 0x2b || run.charCodeAt(0) === 0xff0b
    if (countDigits(run) < (international ? MIN_INTERNATIONAL_DIGITS : minNational)) continue
    // Another country's pass: "+" forms read the same in every country, and runs already read are done.
    if (covered !== undefined && (international || covered(m.index, m.index + run.length))) continue
    // Another country's pass: a run glued to a letter (an invoice "FA2026000123") is never a number to the matcher,
    // which rejects a candidate after a Latin letter; skipping it there saves a window per reference.
    if (covered !== undefined && (LETTER.test(text[m.index - 1] ?? "") || LETTER.test(text[m.index + run.length] ?? ""))) continue
    let start = Math.max(0, m.index - LEFT_CONTEXT)
    let end = Math.min(text.length, m.index + run.length + RIGHT_CONTEXT)
    // Never cut through a digit run: a window edge inside "123 456 789" would show the matcher a different number.
    while (start > 0 && isRunChar(text[start - 1]) && isRunChar(text[start])) start--
    while (end < text.length && isRunChar(text[end - 1]) && isRunChar(text[end])) end++
    const last = windows[windows.length - 1]
    if (last !== undefined && start <= last.end) {
      kept += Math.max(0, end - last.end)
      last.end = Math.max(last.end, end)
    } else {
      kept += end - start
      windows.push({ start, end })
    }
  }
  if (windows.length > 1 && kept > text.length * WHOLE_TEXT_SHARE) return [{ start: 0, end: text.length }]
  return windows
}

function isRunChar(ch: string | undefined): boolean {
  return ch !== undefined && RUN_CHAR.test(ch)
}

function countDigits(s: string): number {
  DIGIT.lastIndex = 0
  let n = 0
  while (DIGIT.exec(s) !== null) n++
  return n
}

const minNationalCache = new Map<string, number>()

/**
 * Fewest digits a run without a leading "+" needs to hold a number: the country's shortest national number (the
 * national prefix only adds digits), or an international number behind an IDD prefix ("00" + 7). Without a default
 * country the matcher reads only "+" forms. This skips dates (8 digits) and most amounts before the matcher.
 */
function minNationalDigits(country: LibCountryCode | undefined): number {
  if (country === undefined) return Infinity
  let min = minNationalCache.get(country)
  if (min === undefined) {
    const metadata = new Metadata()
    metadata.selectNumberingPlan(country)
    min = Math.min(MIN_IDD_DIGITS + MIN_INTERNATIONAL_DIGITS, ...(metadata.numberingPlan?.possibleLengths() ?? []))
    minNationalCache.set(country, min)
  }
  return min
}

/** A phone word as the last label before a number written without its national prefix vouches for it. */
const LABEL =
  /(t[ée]l[ée]phone|telephone|t[ée]l|phone|mobile|portable|cell|gsm|fax|call|appel\w*|joindre|whatsapp|ligne|standard)|(siren|siret|rcs|tva|vat|iban|bic|rib|ape|naf|eori|r[ée]f\w*|ref|commande|facture|invoice|order|lot|s[ée]rie|colis|bl)/giu

function nationalPrefixAcceptable(text: string, start: number, end: number, number: PhoneNumber): boolean {
  const nsn = number.nationalNumber
  const written = parseDigits(text.slice(start, end))
  const withoutPrefix = written === nsn || written === nsn + (number.ext ?? "")
  if (!withoutPrefix) return true
  // Only countries whose national format starts with a prefix (FR 0…) expect it; US (213) 373-4253 does not.
  const national = parseDigits(number.formatNational())
  if (national.startsWith(nsn)) return true
  return vouchedByPhoneWord(text, start)
}

function vouchedByPhoneWord(text: string, start: number): boolean {
  const from = Math.max(0, start - 48)
  let before = text.slice(from, start)
  const newline = before.lastIndexOf("\n")
  if (newline >= 0) before = before.slice(newline + 1)
  let phoneWord = false
  LABEL.lastIndex = 0
  for (let m = LABEL.exec(before); m !== null; m = LABEL.exec(before)) {
    // Whole words only: "tél" inside "hôtel" is not a label. \b is ASCII-only, so check letters by hand.
    const prev = before[m.index - 1]
    const next = before[m.index + m[0].length]
    if ((prev !== undefined && /\p{L}/u.test(prev)) || (next !== undefined && /\p{L}/u.test(next))) continue
    phoneWord = m[1] !== undefined
  }
  return phoneWord
}
