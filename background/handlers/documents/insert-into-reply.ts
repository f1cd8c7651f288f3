import { checkRecipients } from "~src/domain/documents/reply-recipients"
import { tabContract } from "~src/messaging/contract"
import { defineHandler } from "~src/messaging/handler"

import { getCustomer } from "../quotes/documents"

interface Probe {
  tabId: number
  focusedAt: number
  lastAccessed: number
  recipients: string[]
}

const ProbeAnswer = tabContract["compose/probe"].response
const InsertAnswer = tabContract["compose/insert"].response

/**
 * Finds the tab whose compose box the user was in last (each content script answers `compose/probe`), then
 * has that tab's content script insert the summary. Tabs without Comptoir do not answer and are skipped.
 * A summary holds one customer's amounts: when that reply shows its recipients and none is the customer's, nothing
 * is inserted until the agent, told to whom the reply goes, insists (`force`). What a tab answers is page data: it
 * is read through the tab contract's schemas, and a tab answering otherwise is skipped.
 */
export const documentsInsertIntoReply = defineHandler("documents/insert-into-reply", async (req, ctx) => {
  // The quote form over a page (a frame of that tab, issue #10): that page's compose box first, where the agent is.
  const framed = ctx.tabId !== undefined && ctx.frameId !== undefined && ctx.frameId > 0
  const tabs = framed ? [await chrome.tabs.get(ctx.tabId!)] : []
  let best = framed ? await bestProbe(tabs) : null
  if (!best) best = await bestProbe((await chrome.tabs.query({})).filter((t) => t.id !== ctx.tabId))
  if (!best) return { ok: false, error: "no-compose-box" }
  if (!req.force && best.recipients.length > 0) {
    // A customer no longer in this device's base has no address to vouch for the reply: told as a stranger would be.
    const check = checkRecipients(best.recipients, (await getCustomer(req.customerId)) ?? { contacts: [] })
    if (check.kind === "elsewhere") return { ok: false, error: "recipient-mismatch", recipients: check.recipients }
  }
  const raw: unknown = await chrome.tabs.sendMessage(best.tabId, { type: "compose/insert", payload: { text: req.text, blocks: req.blocks } })
  const r = raw as { ok?: boolean; data?: unknown; error?: unknown } | undefined
  const data = r?.ok ? InsertAnswer.safeParse(r.data) : null
  if (!data?.success) return { ok: false, error: typeof r?.error === "string" ? r.error.slice(0, 200) : "no-compose-box" }
  return { ok: true, inserted: data.data.inserted }
})

/** The tab among these whose compose box was used last (tabs without Comptoir do not answer). */
async function bestProbe(tabs: chrome.tabs.Tab[]): Promise<Probe | null> {
  const probes = await Promise.all(
    tabs
      .filter((t) => t.id !== undefined)
      .map(async (t): Promise<Probe | null> => {
        try {
          const r = (await chrome.tabs.sendMessage(t.id!, { type: "compose/probe", payload: {} })) as { ok?: boolean; data?: unknown } | undefined
          const probe = r?.ok ? ProbeAnswer.safeParse(r.data) : null
          if (!probe?.success || !probe.data.found) return null
          return { tabId: t.id!, focusedAt: probe.data.focusedAt, lastAccessed: (t as { lastAccessed?: number }).lastAccessed ?? 0, recipients: probe.data.recipients }
        } catch {
          return null
        }
      })
  )
  return probes.filter((p): p is Probe => p !== null).sort((a, b) => b.focusedAt - a.focusedAt || b.lastAccessed - a.lastAccessed)[0] ?? null
}
