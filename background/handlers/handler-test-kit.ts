// Shared by the handlers' tests: chrome.storage in memory and a message asked of the real dispatcher, as a page would.
// Not imported by the extension.
import { vi } from "vitest"

import { createDispatcher } from "~src/messaging/handler"

import { handlers } from "./index"

/** chrome.storage (local and session, in memory, values copied as the browser does) and the alarms the handlers set. */
export function stubChrome(): void {
  const area = () => {
    const m = new Map<string, unknown>()
    return {
      get: async (key: string | null) => (key === null ? Object.fromEntries(m) : m.has(key) ? { [key]: m.get(key) } : {}),
      set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => m.set(k, structuredClone(v))),
      remove: async (keys: string | string[]) => void [keys].flat().forEach((k) => m.delete(k))
    }
  }
  vi.stubGlobal("chrome", {
    storage: { local: area(), session: area(), onChanged: { addListener: () => undefined } },
    runtime: { id: "test", getURL: (p: string) => p },
    alarms: { create: () => undefined, clear: async () => true }
  })
}

/** A message sent from a page to the background's handlers; a refusal throws with its reason. */
export async function ask<T>(type: string, payload: unknown): Promise<T> {
  const reply = await createDispatcher(handlers, { warn: () => undefined })({ type, payload }, { sender: "page" })
  if (!reply.ok) throw new Error(reply.error)
  return reply.data as T
}
