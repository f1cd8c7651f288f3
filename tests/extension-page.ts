/**
 * Functions that run inside an extension page, for the Chromium end-to-end tests (Playwright) and the Firefox
 * ones (Puppeteer): both hand them to `page.evaluate`, which sends their source, so they use nothing imported.
 */

/** A table of the extension's IndexedDB, read directly (the rows as stored). */
export function readTable(name: string): Promise<Record<string, unknown>[]> {
  return new Promise<Record<string, unknown>[]>((ok, ko) => {
    const open = indexedDB.open("comptoir")
    open.onerror = () => ko(open.error)
    open.onsuccess = () => {
      const req = open.result.transaction(name).objectStore(name).getAll()
      req.onsuccess = () => {
        ok(req.result as Record<string, unknown>[])
        open.result.close()
      }
      req.onerror = () => ko(req.error)
    }
  })
}

export type CallStats = { bytesReceived: number; packetsReceived: number; bytesSent: number; codec?: string | null; audioEnergySent?: number | null }

/** The current call's WebRTC counters, asked of the softphone like the dock does. */
export async function readCallStats(): Promise<CallStats> {
  const r = (await chrome.runtime.sendMessage({ type: "softphone/stats", payload: {} })) as { ok: boolean; data: CallStats; error?: string }
  if (!r.ok) throw new Error(r.error)
  return r.data
}

/** The id the import gave a customer (ids are the base's own, not the demo generator's). */
export async function readCustomerId(code: string): Promise<string> {
  const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [], emails: [], codes: [code] } })) as {
    data: { matches: { customer: { id: string } }[] }
  }
  return r.data.matches[0]!.customer.id
}

/** Whether the current call is on hold, as the softphone's state says (null without a call). */
export async function readOnHold(): Promise<boolean | null> {
  const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { onHold: boolean } | null } } }
  return r.data.state.call?.onHold ?? null
}
