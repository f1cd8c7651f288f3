import * as z from "zod"

import { CountryCode } from "../customers/customer.schema"

/** An origin the user enabled, as the browser's permission pattern ("https://crm.example.com/*"). */
export const SitePattern = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[^/*\s]+\/\*$/, "a site is an origin pattern like https://crm.example.com/*")

export const Settings = z.object({
  /** null: follow the browser's language. */
  language: z.enum(["fr", "en"]).nullable().default(null),
  defaultCountry: CountryCode.default("FR"),
  /** A regular expression source; the default matches codes like C-00123 or CLI0042. */
  customerCodePattern: z.string().max(200).default("\\b(?:C|CLI)-?\\d{4,6}\\b"),
  enabledSites: z.array(SitePattern).max(200).default([])
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = Settings.parse({})

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
