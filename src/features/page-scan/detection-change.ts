import { findCodes } from "../../domain/detect"
import type { DetectionOptions } from "./scan-types"

const DIGIT = /\p{Nd}/u

/** Whether two sets of options find the same things (patterns compared by source and flags). */
export function sameDetection(a: DetectionOptions, b: DetectionOptions): boolean {
  return a.defaultCountry === b.defaultCountry && samePattern(a.codePattern, b.codePattern) && sameList(a.otherCountries ?? [], b.otherCountries ?? [])
}

/**
 * Which texts read with `prev` may hold something new with `next`: only numbers can change with the countries (a
 * text without a digit holds none), only codes with the pattern (the new pattern must match in it). Emails never
 * depend on the options. A code pattern taken away finds nothing new; what it found stays decorated.
 */
export function rereadFilter(prev: DetectionOptions, next: DetectionOptions): (data: string) => boolean {
  const phones = prev.defaultCountry !== next.defaultCountry || !sameList(prev.otherCountries ?? [], next.otherCountries ?? [])
  const codes = !samePattern(prev.codePattern, next.codePattern) ? next.codePattern : null
  return (data) => (phones && DIGIT.test(data)) || (codes !== null && findCodes(data, codes).length > 0)
}

function samePattern(a: RegExp | null, b: RegExp | null): boolean {
  return a === b || (a !== null && b !== null && a.source === b.source && a.flags === b.flags)
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
