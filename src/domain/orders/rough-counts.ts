/**
 * Counts said roughly (« une vingtaine de flacons », "a dozen bottles", "a couple of rolls"): the goods are asked for,
 * so the line is read with the count the words stand for, but the customer did not say an exact number; the line's
 * confidence stays low so the review asks the agent to check it (issue #11, walk 11). Pure.
 */

/** The French round counts: « une dizaine », « une quinzaine », « une vingtaine »… (« une douzaine » is line-words' dozens). */
const ROUND_FR: Readonly<Record<string, number>> = { dizaine: 10, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100 }
const ROUND_WORDS = Object.keys(ROUND_FR).join("|")
const ROUND = new RegExp(`\\b(?:une|d['’ ]une)\\s+(${ROUND_WORDS})\\s+(?:de\\s+|d['’]\\s*)`, "giu")

/** « une vingtaine de flacons » → "20 flacons": the count the round word stands for, as a figure the line reader takes. */
export function roundCounts(text: string): string {
  return text.replace(ROUND, (_m, w: string) => `${ROUND_FR[w.toLowerCase()]!} `)
}

/** Every rough count a line says, with the number it stands for. */
const ROUGH: readonly [RegExp, number | null][] = [
  [new RegExp(`\\b(?:une|d['’ ]une)\\s+(${ROUND_WORDS})\\b`, "giu"), null],
  [/\b(?:half a dozen|(?:une\s+)?demi[- ]douzaine)\b/giu, 6],
  [/(?<!\bhalf\s)(?<!\bdemi[- ])\b(?:a|one|une)\s+(?:dozen|douzaine)\b/giu, 12],
  [/\b(?:a couple of|un couple de|un couple d['’])/giu, 2]
]

/** The numbers a line's rough counts stand for ("a couple of rolls and a dozen bottles" → [2, 12]). */
export function roughCountsIn(text: string): number[] {
  return ROUGH.flatMap(([re, n]) => [...text.matchAll(re)].map((m) => n ?? ROUND_FR[m[1]!.toLowerCase()]!))
}

/**
 * Whether a line's count is one its words said roughly; not when the customer firms it up in figures ("une dizaine de
 * rouleaux, disons 10", "a dozen (12) bottles", "a couple of rolls, i.e. 2").
 */
export function roughCount(line: string, quantity: number): boolean {
  if (!roughCountsIn(line).includes(quantity)) return false
  return !new RegExp(`(?:\\bdisons|\\bsay|\\bsoit|\\bi\\.?e\\.?|c['’]est[- ][àa][- ]dire|\\bthat['’]?s|\\()\\s*${quantity}(?!\\d)`, "iu").test(line)
}

/** A rough count's line is shown to check: below the review's LOW_CONFIDENCE (types.ts). */
export const ROUGH_COUNT_CONFIDENCE = 0.6
