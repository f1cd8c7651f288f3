// Per query token: exact beats prefix beats typo. Prefix credit grows with how much of the word was typed.
const EXACT = 1
const PREFIX_BASE = 0.75
const PREFIX_SPAN = 0.15
const TYPO_1 = 0.7
const TYPO_2 = 0.5
const PREFIX_TYPO_1 = 0.55
const PREFIX_TYPO_2 = 0.4

/** Edits allowed on a whole token: 1 from 4 letters, 2 from 8 (a transposition counts as one). */
export function maxEditsFor(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/** Edits allowed on a typed prefix: one letter fewer of slack than whole words, since prefixes match widely. */
export function maxPrefixEditsFor(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0
}

/** How well a vocabulary token of `tokenLength` matches a query token of `queryLength`, given the edits found. */
export function matchQuality(queryLength: number, tokenLength: number, edits: number, prefixEdits: number): number {
  if (edits === 0) return EXACT
  let quality = 0
  if (prefixEdits === 0) quality = PREFIX_BASE + (PREFIX_SPAN * queryLength) / tokenLength
  if (edits === 1 && quality < TYPO_1) quality = TYPO_1
  if (edits === 2 && quality < TYPO_2) quality = TYPO_2
  if (prefixEdits === 1 && quality < PREFIX_TYPO_1) quality = PREFIX_TYPO_1
  if (prefixEdits === 2 && quality < PREFIX_TYPO_2) quality = PREFIX_TYPO_2
  return quality
}

/** Scores that differ only by float summation order must tie, so ties fall to the deterministic order. */
export function roundScore(x: number): number {
  return Math.round(x * 1e9) / 1e9
}
