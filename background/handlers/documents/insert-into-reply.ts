import { defineHandler } from "~src/messaging/handler"

interface Probe {
  tabId: number
  focusedAt: number
  lastAccessed: number
}

/**
 * Finds the tab whose compose box the user was in last (each content script answers `compose/probe`), then
 * has that tab's content script insert the summary. Tabs without Comptoir do not answer and are skipped.
 */
export const documentsInsertIntoReply = defineHandler("documents/insert-into-reply", async (req, ctx) => {
  // The quote form over a page (a frame of that tab, issue #10): that page's compose box first, where the agent is.
  const framed = ctx.tabId !== undefined && ctx.frameId !== undefined && ctx.frameId > 0
  const tabs = framed ? [await chrome.tabs.get(ctx.tabId!)] : []
  let best = framed ? await bestProbe(tabs) : null
  if (!best) best = await bestProbe((await chrome.tabs.query({})).filter((t) => t.id !== ctx.tabId))
  if (!best) return { ok: false, error: "no-compose-box" }
  const r = (await chrome.tabs.sendMessage(best.tabId, { type: "compose/insert", payload: req })) as { ok?: boolean; data?: { inserted?: "text" | "html" }; error?: string } | undefined
  if (!r?.ok || !r.data?.inserted) return { ok: false, error: r?.error ?? "no-compose-box" }
  return { ok: true, inserted: r.data.inserted }
})

/** The tab among these whose compose box was used last (tabs without Comptoir do not answer). */
async function bestProbe(tabs: chrome.tabs.Tab[]): Promise<Probe | null> {
  const probes = await Promise.all(
    tabs
      .filter((t) => t.id !== undefined)
      .map(async (t): Promise<Probe | null> => {
        try {
          const r = (await chrome.tabs.sendMessage(t.id!, { type: "compose/probe", payload: {} })) as { ok?: boolean; data?: { found?: boolean; focusedAt?: number } } | undefined
          return r?.ok && r.data?.found ? { tabId: t.id!, focusedAt: r.data.focusedAt ?? 0, lastAccessed: (t as { lastAccessed?: number }).lastAccessed ?? 0 } : null
        } catch {
          return null
        }
      })
  )
  return probes.filter((p): p is Probe => p !== null).sort((a, b) => b.focusedAt - a.focusedAt || b.lastAccessed - a.lastAccessed)[0] ?? null
}
