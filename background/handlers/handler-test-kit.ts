// Shared by the handlers' tests: chrome.storage in memory and a message asked of the real dispatcher, as a page would.
// Not imported by the extension.
import { vi } from "vitest"

import { createDispatcher } from "~src/messaging/handler"

import { handlers } from "./index"

/**
 * The host permissions the stubbed browser holds (`chrome.permissions.contains`): the manifest's local pages, as
 * installed. A test adds or removes sites (an agent enabling or removing their CRM); stubChrome sets it back.
 */
export const grantedOrigins = new Set<string>()

/** chrome.storage (local and session, in memory, values copied as the browser does), the alarms the handlers set, the host permissions. */
export function stubChrome(): void {
  grantedOrigins.clear()
  for (const o of ["http://localhost/*", "http://127.0.0.1/*"]) grantedOrigins.add(o)
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
    alarms: { create: () => undefined, clear: async () => true },
    permissions: { contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => grantedOrigins.has(o)) }
  })
}

/** A message sent from a page to the background's handlers; a refusal throws with its reason. */
export async function ask<T>(type: string, payload: unknown): Promise<T> {
  const reply = await createDispatcher(handlers, { warn: () => undefined })({ type, payload }, { sender: "page" })
  if (!reply.ok) throw new Error(reply.error)
  return reply.data as T
}
