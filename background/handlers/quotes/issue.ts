import { computeTotals } from "~src/domain/documents/totals"
import { checkTransition } from "~src/domain/documents/workflow"
import { defineHandler } from "~src/messaging/handler"

import { documentsChanged } from "../../services"
import { readSession, runSync } from "../../sync"
import { documentsDb, getQuote, sellerGaps } from "./documents"

/**
 * Draft → sent. The status change is written locally and leaves at once; the server numbers the quote in the
 * push's transaction and the number comes back in the push's answer (PushResponse.numbered). Offline, the quote stays sent
 * without a number ("will be numbered when sent") until the device reaches the server.
 */
export const quotesIssue = defineHandler("quotes/issue", async (req) => {
  const quote = await getQuote(req.id)
  if (!quote) return { ok: false, error: "not-found" }
  const move = checkTransition("quote", quote.status, "sent")
  if (!move.ok) return { ok: false, error: "not-draft" }
  const session = await readSession()
  if (!session) return { ok: false, error: "not-signed-in" }
  const gaps = await sellerGaps()
  if (gaps.length) return { ok: false, error: `seller-incomplete: ${gaps.join(", ")}` }
  const now = Date.now()
  const t = computeTotals(quote.lines)
  const sent = {
    ...quote,
    status: "sent" as const,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    history: [...quote.history, { status: "sent", at: now, by: session.user.email }],
    updatedAt: now
  }
  await documentsDb.quotes.put(sent)
  documentsChanged()
  void runSync(true).catch(() => undefined)
  return { ok: true, quote: sent }
})
