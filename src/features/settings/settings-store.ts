import { DEFAULT_SETTINGS, Settings } from "~src/domain/settings/settings.schema"

const KEY = "settings"

/**
 * Settings live in chrome.storage.local: readable from content scripts without a round trip to the
 * background, and never in synced storage (a team's enabled CRM origins are not Google's business).
 */
export async function loadSettings(): Promise<Settings> {
  const raw = (await chrome.storage.local.get(KEY))[KEY]
  const parsed = Settings.safeParse(raw ?? {})
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await loadSettings()), ...patch })
  await chrome.storage.local.set({ [KEY]: next })
  return next
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== "local" || !(KEY in changes)) return
    const parsed = Settings.safeParse(changes[KEY]?.newValue ?? {})
    listener(parsed.success ? parsed.data : DEFAULT_SETTINGS)
  }
  chrome.storage.onChanged.addListener(fn)
  return () => chrome.storage.onChanged.removeListener(fn)
}
