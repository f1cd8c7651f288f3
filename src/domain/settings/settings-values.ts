import type { Settings } from "./settings.schema"

/*
 * The settings' defaults and checks without zod: the content script reads settings on every page, and zod is
 * ~40 % of its bundle's evaluation time. The zod schema (settings.schema.ts) stays the writer's contract; it
 * must give the same defaults (a test checks).
 */

export const SETTINGS_DEFAULTS: Settings = {
  language: null,
  defaultCountry: "FR",
  customerCodePattern: "\\b(?:C|CLI)-?\\d{4,6}\\b",
  enabledSites: []
}

const SITE = /^https?:\/\/[^/*\s]+\/\*$/

/** Stored settings, field by field: what is malformed falls back to its default, nothing throws. */
export function coerceSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  const language = r.language === "fr" || r.language === "en" ? r.language : null
  const defaultCountry = typeof r.defaultCountry === "string" && /^[A-Z]{2}$/.test(r.defaultCountry) ? r.defaultCountry : SETTINGS_DEFAULTS.defaultCountry
  const customerCodePattern =
    typeof r.customerCodePattern === "string" && r.customerCodePattern.length <= 200 && compileCodePattern(r.customerCodePattern).ok
      ? r.customerCodePattern
      : SETTINGS_DEFAULTS.customerCodePattern
  const enabledSites = Array.isArray(r.enabledSites) ? r.enabledSites.filter((p): p is string => typeof p === "string" && p.length <= 300 && SITE.test(p)).slice(0, 200) : []
  return { language, defaultCountry, customerCodePattern, enabledSites }
}

/** Turns the settings' pattern into a global RegExp, or explains why it cannot. */
export function compileCodePattern(source: string): { ok: true; re: RegExp } | { ok: false; error: string } {
  if (source.trim() === "") return { ok: false, error: "empty pattern" }
  try {
    const re = new RegExp(source, "gu")
    if (re.test("")) return { ok: false, error: "the pattern matches empty text" }
    re.lastIndex = 0
    return { ok: true, re }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

/** "https://crm.example.com/deals/1" → "https://crm.example.com/*" */
export function sitePatternOf(url: string): string | null {
  try {
    const u = new URL(url)
    if (u.protocol !== "https:" && u.protocol !== "http:") return null
    // Match patterns ignore ports, so the permission covers every port of that host.
    return `${u.protocol}//${u.hostname}/*`
  } catch {
    return null
  }
}
