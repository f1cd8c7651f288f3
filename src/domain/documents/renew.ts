import { Quote } from "./document.schema"
import type { Outcome, QuoteDoc, StepContext } from "./flow"
import { addDaysIso } from "./payment-terms"
import { computeTotals } from "./totals"
import { effectiveQuoteStatus } from "./workflow"

/** Quotes a customer let lapse or turned down: the ones worth offering again. */
const RENEWABLE: readonly string[] = ["expired", "refused"]

/**
 * "Renew": an expired or refused quote offered again as a new draft, rather than reopening it (a sent quote is
 * kept as it was sent, with its number): same customer, contact, language, terms, lines and notes, dated today,
 * valid for the team's number of days, with the old quote as its `sourceId` (each page links to the other). The
 * lines keep their prices: the agent edits the draft before sending it, and the server numbers it then.
 */
export function renewQuote(quote: QuoteDoc, ctx: StepContext & { validityDays: number }): Outcome<QuoteDoc> {
  const status = effectiveQuoteStatus(quote.status, quote.validUntil, ctx.today)
  if (!RENEWABLE.includes(status)) {
    return { ok: false, code: "quote-not-renewable", message: `only an expired or refused quote is renewed (this one is ${status})`, params: { status } }
  }
  const lines = quote.lines.map((l, i) => ({ ...l, id: `${ctx.id}-l${i + 1}` }))
  const t = computeTotals(lines)
  return {
    ok: true,
    value: Quote.parse({
      id: ctx.id,
      type: "quote",
      status: "draft",
      customerId: quote.customerId,
      contactId: quote.contactId,
      language: quote.language,
      number: null,
      date: ctx.today,
      validUntil: addDaysIso(ctx.today, ctx.validityDays),
      paymentTerms: quote.paymentTerms,
      lines,
      totalExclVatCents: t.totalExclVatCents,
      totalVatCents: t.totalVatCents,
      totalInclVatCents: t.totalInclVatCents,
      notes: quote.notes,
      salesRep: quote.salesRep,
      sourceId: quote.id,
      history: [{ status: "draft", at: ctx.now, by: ctx.by }],
      createdAt: ctx.now,
      updatedAt: ctx.now
    })
  }
}
