import { cleanTextDeep } from "~src/domain/clean-text"
import { Settings } from "~src/domain/settings/settings.schema"

import { loadSettings, SETTINGS_KEY } from "./settings-store"

/** Writes validated settings: whatever reads them later (content scripts) can trust their shape. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse(cleanTextDeep({ ...(await loadSettings()), ...patch }))
  await chrome.storage.local.set({ [SETTINGS_KEY]: next })
  return next
}
