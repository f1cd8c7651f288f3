import { learnCodeShapes, type LearnShapesOptions } from "./code-shapes"

/*
 * What pages need to know about the team's base to find its customers without settings: the countries its
 * customers are in (national numbers are read in those too) and the shapes of its codes. The background learns it
 * from the data after each import and sync and publishes it in chrome.storage.local, where content scripts read
 * it (`coerceBaseProfile`, zod-free like the settings: it runs on every page).
 */

export const BASE_PROFILE_KEY = "baseProfile"

export interface BaseProfile {
  /** Countries of the base's customers, most customers first (ISO 3166 alpha-2). */
  countries: string[]
  /** Regex sources of the learned code shapes (`learnCodeShapes`), most common first. */
  codeShapes: string[]
}

export const EMPTY_BASE_PROFILE: BaseProfile = { countries: [], codeShapes: [] }

/** Bounds the work a page does per extra country (one more matcher pass over the digit runs left unread). */
export const MAX_COUNTRIES = 4

export function learnBaseProfile(customers: Iterable<{ country: string; code: string }>, shapes: LearnShapesOptions = {}): BaseProfile {
  const counts = new Map<string, number>()
  const codes: string[] = []
  for (const c of customers) {
    counts.set(c.country, (counts.get(c.country) ?? 0) + 1)
    codes.push(c.code)
  }
  const countries = [...counts.entries()]
    .filter(([country]) => /^[A-Z]{2}$/.test(country))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_COUNTRIES)
    .map(([country]) => country)
  return { countries, codeShapes: learnCodeShapes(codes, shapes).map((s) => s.source) }
}

/** The stored profile, field by field; anything malformed reads as nothing learned. */
export function coerceBaseProfile(raw: unknown): BaseProfile {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  const countries = Array.isArray(r.countries) ? r.countries.filter((c): c is string => typeof c === "string" && /^[A-Z]{2}$/.test(c)).slice(0, MAX_COUNTRIES) : []
  const codeShapes = Array.isArray(r.codeShapes)
    ? r.codeShapes.filter((s): s is string => typeof s === "string" && s.length <= 200 && compiles(s)).slice(0, 10)
    : []
  return { countries, codeShapes }
}

function compiles(source: string): boolean {
  try {
    return !new RegExp(source, "u").test("")
  } catch {
    return false
  }
}

/** The countries a page reads national numbers in after the default one. */
export function otherCountries(profile: BaseProfile, defaultCountry: string): string[] {
  return profile.countries.filter((c) => c !== defaultCountry)
}
