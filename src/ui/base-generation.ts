import { BASE_GENERATION_KEY } from "~src/messaging/base-generation"

/** Calls onChange when the base changed since this page started watching; returns the unsubscribe. */
export function watchBaseGeneration(onChange: () => void): () => void {
  let known: unknown
  void chrome.storage.local.get(BASE_GENERATION_KEY).then((r) => (known ??= r[BASE_GENERATION_KEY] ?? null))
  const check = (value: unknown) => {
    if (value === undefined || value === known) return
    known = value
    onChange()
  }
  const onStorage = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === "local" && BASE_GENERATION_KEY in changes) check(changes[BASE_GENERATION_KEY]!.newValue)
  }
  // A page restored from the back/forward cache missed the storage events of while it was frozen.
  const onShow = (e: PageTransitionEvent) => {
    if (e.persisted) void chrome.storage.local.get(BASE_GENERATION_KEY).then((r) => check(r[BASE_GENERATION_KEY]))
  }
  chrome.storage.onChanged.addListener(onStorage)
  window.addEventListener("pageshow", onShow)
  return () => {
    chrome.storage.onChanged.removeListener(onStorage)
    window.removeEventListener("pageshow", onShow)
  }
}
