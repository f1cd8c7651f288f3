import { describe, expect, it } from "vitest"

import { DEFAULT_SETTINGS, Settings } from "./settings.schema"
import { coerceSettings, SETTINGS_DEFAULTS } from "./settings-values"

describe("settings read without zod", () => {
  it("have the same defaults as the zod schema", () => {
    expect(SETTINGS_DEFAULTS).toEqual(DEFAULT_SETTINGS)
    expect(coerceSettings(undefined)).toEqual(DEFAULT_SETTINGS)
  })

  it("keep valid stored values exactly as the schema would", () => {
    const stored = { language: "fr", defaultCountry: "GB", customerCodePattern: "\\bK\\d{5}\\b", enabledSites: ["https://crm.example.com/*"] }
    expect(coerceSettings(stored)).toEqual(Settings.parse(stored))
  })

  it("fall back field by field on malformed values, never throwing", () => {
    const s = coerceSettings({ language: "de", defaultCountry: "france", customerCodePattern: "(", enabledSites: ["javascript:alert(1)", 3, "http://ok.example/*"] })
    expect(s).toEqual({ ...DEFAULT_SETTINGS, enabledSites: ["http://ok.example/*"] })
    expect(coerceSettings("garbage")).toEqual(DEFAULT_SETTINGS)
  })
})
