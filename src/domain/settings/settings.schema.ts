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

export { compileCodePattern, sitePatternOf } from "./settings-values"
