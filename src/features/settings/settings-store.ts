import type { Settings } from "~src/domain/settings/settings.schema"
import { coerceSettings } from "~src/domain/settings/settings-values"

export const SETTINGS_KEY = "settings"

/**
 * Settings live in chrome.storage.local: readable from content scripts without a round trip to the
 * background, and never in synced storage (a team's enabled CRM origins are not Google's business).
 * Reading is zod-free (content scripts load this on every page); writing validates (settings-save.ts).
 */
export async function loadSettings(): Promise<Settings> {
  return coerceSettings((await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY])
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== "local" || !(SETTINGS_KEY in changes)) return
    listener(coerceSettings(changes[SETTINGS_KEY]?.newValue))
  }
  chrome.storage.onChanged.addListener(fn)
  return () => chrome.storage.onChanged.removeListener(fn)
}
