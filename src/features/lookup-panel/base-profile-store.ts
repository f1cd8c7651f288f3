import { BASE_PROFILE_KEY, coerceBaseProfile, learnBaseProfile, type BaseProfile } from "~src/domain/detect/base-profile"

/**
 * The base's profile (its countries and code shapes) in chrome.storage.local, beside the settings: the background
 * writes it after a change of the base, content scripts read it on every page without a message (zod-free).
 * It holds no customer data, only country codes and code shapes.
 */
export async function loadBaseProfile(): Promise<BaseProfile> {
  return coerceBaseProfile((await chrome.storage.local.get(BASE_PROFILE_KEY))[BASE_PROFILE_KEY])
}

export function onBaseProfileChanged(listener: (p: BaseProfile) => void): () => void {
  const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== "local" || !(BASE_PROFILE_KEY in changes)) return
    listener(coerceBaseProfile(changes[BASE_PROFILE_KEY]?.newValue))
  }
  chrome.storage.onChanged.addListener(fn)
  return () => chrome.storage.onChanged.removeListener(fn)
}

/** Learns the profile from the whole base and stores it if it changed (an unchanged write would wake every tab). */
export async function publishBaseProfile(customers: Iterable<{ country: string; code: string }>): Promise<BaseProfile> {
  const next = learnBaseProfile(customers)
  const prev = await loadBaseProfile()
  if (JSON.stringify(prev) !== JSON.stringify(next)) await chrome.storage.local.set({ [BASE_PROFILE_KEY]: next })
  return next
}
