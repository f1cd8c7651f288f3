import { OrderCapture } from "~src/messaging/contract"

/**
 * Captures waiting for their review, in chrome.storage.session: in memory only (a mail's words are not written to
 * disk before the agent confirms), and still there when the service worker was stopped between the click and the
 * review. A few are kept, the oldest dropped.
 */
const PREFIX = "orderCapture:"
const KEEP = 20

export async function saveCapture(capture: OrderCapture): Promise<void> {
  const all = await chrome.storage.session.get(null)
  const old = Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .map(([k, v]) => [k, (v as { at?: number }).at ?? 0] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(KEEP - 1)
    .map(([k]) => k)
  if (old.length > 0) await chrome.storage.session.remove(old)
  await chrome.storage.session.set({ [PREFIX + capture.id]: capture })
}

export async function loadCapture(id: string): Promise<OrderCapture | null> {
  const key = PREFIX + id
  const value = (await chrome.storage.session.get(key))[key]
  const parsed = OrderCapture.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** The capture's review stored its order: kept with the capture, so that confirming it again stores no second one. */
export async function markConfirmed(id: string, confirmed: NonNullable<OrderCapture["confirmed"]>): Promise<void> {
  const capture = await loadCapture(id)
  if (capture !== null) await chrome.storage.session.set({ [PREFIX + id]: { ...capture, confirmed } })
}
