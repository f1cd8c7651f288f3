import { BASE_GENERATION_KEY } from "~src/messaging/base-generation"

/**
 * Calls onChange when the base changed since this page started watching (or the counter under `key` moved: the
 * documents' one, see DOCUMENTS_GENERATION_KEY); returns the unsubscribe.
 */
export function watchBaseGeneration(onChange: () => void, key = BASE_GENERATION_KEY): () => void {
  let known: unknown
  void chrome.storage.local.get(key).then((r) => (known ??= r[key] ?? null))
  const check = (value: unknown) => {
    if (value === undefined || value === known) return
    known = value
    onChange()
  }
  const onStorage = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === "local" && key in changes) check(changes[key]!.newValue)
  }
  // A page restored from the back/forward cache missed the storage events of while it was frozen.
  const onShow = (e: PageTransitionEvent) => {
    if (e.persisted) void chrome.storage.local.get(key).then((r) => check(r[key]))
  }
  chrome.storage.onChanged.addListener(onStorage)
  window.addEventListener("pageshow", onShow)
  return () => {
    chrome.storage.onChanged.removeListener(onStorage)
    window.removeEventListener("pageshow", onShow)
  }
}
