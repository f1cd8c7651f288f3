import { applyCustomerCredit, customerCreditOf } from "~src/domain/documents/customer-credit"
import { newId } from "~src/domain/ids"
import { checkCredit, confirmCheck, creditedByInvoice, creditNoteFor, customerRisk, invoiceFromOrder, invoicesFollowingPo, orderFromQuote, recordPayment, transition, withCustomerPo, withOverride, withReminder, type AnyDoc, type Outcome } from "~src/domain/documents/flow"
import { cancelPayment } from "~src/domain/documents/payment-cancel"
import { renewQuote } from "~src/domain/documents/renew"
import { checkSellerForIssue } from "~src/domain/documents/seller.schema"
import { NUMBERED_FROM } from "~src/domain/documents/workflow"
import { defineHandler } from "~src/messaging/handler"

import { documentsChanged, services } from "../../services"
import { runSync } from "../../sync"
import { documents, me, riskSettings, teamSettingsRow, today } from "./shared"

/** A new quote's validity when the team set none (the options page's "Quotes valid for"). */
const DEFAULT_VALIDITY_DAYS = 30

type Reply = { ok: boolean; code?: string; message?: string; params?: Record<string, string | number>; id?: string }

function refused(r: Outcome<unknown>): Reply {
  return r.ok ? { ok: true } : { ok: false, code: r.code, message: r.message, ...(r.params ? { params: r.params } : {}) }
}

/**
 * One step of quote to cash. The domain decides (the same rules the server re-checks); the write goes to the
 * replicated tables and leaves at once; the server's refusal, if any, comes back as a refused change.
 */
export const documentsAct = defineHandler("documents/act", async (req): Promise<Reply> => {
  const doc = await documents.find(req.id)
  if (!doc) return { ok: false, code: "not-found", message: "this document is not on this device" }
  const who = await me()
  const now = Date.now()
  const day = today()
  const ctx = { id: newId(), now, by: who.email, today: day }
  const step = req.step
  const saved = async (...docs: AnyDoc[]) => {
    for (const d of docs) await documents.put(d)
    documentsChanged()
    void runSync(true).catch(() => undefined)
  }

  switch (step.action) {
    case "transition": {
      if (doc.type === "order" && step.to === "confirmed") {
        const mine = await documents.byCustomer(doc.customerId)
        const [customer] = await services.customers.getMany([doc.customerId])
        const risk = customerRisk({ creditLimitCents: customer?.creditLimitCents ?? null, invoices: mine.invoices, orders: mine.orders.filter((o) => o.id !== doc.id), creditNotes: mine.creditNotes, payments: mine.payments, today: day }, await riskSettings())
        const check = confirmCheck(risk, doc)
        if (!check.allowed) return { ok: false, code: "needs-override", message: "confirming this order needs a manager's override", params: { reasons: check.reasons.map((r) => r.code).join(",") } }
      }
      const r = transition(doc, step.to, who.email, now, day)
      if (!r.ok) return refused(r)
      // The server would refuse it too: say it now rather than after a round trip.
      if (step.to === NUMBERED_FROM[doc.type]) {
        const seller = checkSellerForIssue(doc.type, ((await teamSettingsRow()) as { seller?: unknown } | null)?.seller ?? null)
        if (!seller.ok) return { ok: false, code: "seller-incomplete", message: seller.message, params: { problems: seller.problems.join("; ") } }
      }
      // A credit note made a while ago is checked again at issue against those issued since (the server does too).
      if (doc.type === "credit-note" && step.to === "issued") {
        const invoice = await documents.find(doc.correctsInvoiceId)
        if (invoice?.type === "invoice") {
          const others = (await documents.byCustomer(doc.customerId)).creditNotes.filter((c) => c.id !== doc.id)
          const over = checkCredit(invoice, others, doc)
          if (over) return refused(over)
        }
      }
      const also: AnyDoc[] = []
      // Issuing the invoice of an order closes the order.
      if (doc.type === "invoice" && step.to === "issued" && doc.sourceId) {
        const order = await documents.find(doc.sourceId)
        if (order?.type === "order" && order.status === "confirmed") {
          const closed = transition(order, "invoiced", who.email, now)
          if (closed.ok) also.push(closed.value)
        }
      }
      await saved(r.value, ...also)
      return { ok: true, id: doc.id }
    }
    case "to-order": {
      if (doc.type !== "quote") return { ok: false, code: "wrong-type", message: "only a quote becomes an order" }
      const r = orderFromQuote(doc, ctx)
      if (!r.ok) return refused(r)
      await saved(r.value)
      return { ok: true, id: r.value.id }
    }
    case "renew": {
      if (doc.type !== "quote") return { ok: false, code: "wrong-type", message: "only a quote is renewed" }
      const days = Number(((await teamSettingsRow()) as { quoteValidityDays?: unknown } | null)?.quoteValidityDays)
      const r = renewQuote(doc, { ...ctx, validityDays: Number.isInteger(days) && days > 0 ? days : DEFAULT_VALIDITY_DAYS })
      if (!r.ok) return refused(r)
      await saved(r.value)
      return { ok: true, id: r.value.id }
    }
    case "to-invoice": {
      if (doc.type !== "order") return { ok: false, code: "wrong-type", message: "only an order is invoiced" }
      const r = invoiceFromOrder(doc, ctx)
      if (!r.ok) return refused(r)
      await saved(r.value)
      return { ok: true, id: r.value.id }
    }
    case "override": {
      if (doc.type !== "order") return { ok: false, code: "wrong-type", message: "only an order's confirmation is overridden" }
      const r = withOverride(doc, who, step.reason, now)
      if (!r.ok) return refused(r)
      await saved(r.value)
      return { ok: true, id: doc.id }
    }
    case "po-number": {
      if (doc.type !== "order" && doc.type !== "invoice") return { ok: false, code: "wrong-type", message: "the customer's order number is typed on an order or an invoice" }
      const r = withCustomerPo(doc, step.poNumber, now, who.email)
      if (!r.ok) return refused(r)
      const following = doc.type === "order" ? invoicesFollowingPo(doc, r.value as typeof doc, (await documents.byCustomer(doc.customerId)).invoices, now) : []
      await saved(r.value, ...following)
      return { ok: true, id: doc.id }
    }
    case "credit": {
      if (doc.type !== "invoice") return { ok: false, code: "wrong-type", message: "only an invoice is credited" }
      const r = creditNoteFor(doc, step.lines, (await documents.byCustomer(doc.customerId)).creditNotes, ctx)
      if (!r.ok) return refused(r)
      await saved(r.value)
      return { ok: true, id: r.value.id }
    }
    case "payment": {
      if (doc.type !== "invoice") return { ok: false, code: "wrong-type", message: "payments are recorded against invoices" }
      const mine = await documents.byCustomer(doc.customerId)
      const r = recordPayment(doc, mine.payments, creditedByInvoice(mine.creditNotes).get(doc.id) ?? 0, { id: ctx.id, date: step.date, amountCents: step.amountCents, method: step.method, reference: step.reference, now, by: who.email, today: day, receivedBeforeInvoice: step.receivedBeforeInvoice, availableCreditCents: customerCreditOf(mine), ...(step.overpaymentCents ? { overpaymentCents: step.overpaymentCents } : {}) })
      if (!r.ok) return refused(r)
      await documents.putPayment(r.value)
      documentsChanged()
      void runSync(true).catch(() => undefined)
      return { ok: true, id: r.value.id }
    }
    case "apply-credit": {
      if (doc.type !== "invoice") return { ok: false, code: "wrong-type", message: "the customer's credit is applied to an invoice" }
      const r = applyCustomerCredit(doc, await documents.byCustomer(doc.customerId), { id: ctx.id, now, by: who.email, today: day })
      if (!r.ok) return refused(r)
      await documents.putPayment(r.value)
      documentsChanged()
      void runSync(true).catch(() => undefined)
      return { ok: true, id: r.value.id }
    }
    case "cancel-payment": {
      if (doc.type !== "invoice") return { ok: false, code: "wrong-type", message: "payments are cancelled on invoices" }
      const mine = await documents.byCustomer(doc.customerId)
      if (!mine.payments.some((p) => p.id === step.paymentId && p.invoiceId === doc.id)) return { ok: false, code: "payment-cancel-unknown", message: "this payment is not among the invoice's payments" }
      const r = cancelPayment(mine, { id: ctx.id, paymentId: step.paymentId, reason: step.reason, now, today: day, by: who })
      if (!r.ok) return refused(r)
      await documents.putPayment(r.value)
      documentsChanged()
      void runSync(true).catch(() => undefined)
      return { ok: true, id: r.value.id }
    }
    case "reminder": {
      if (doc.type !== "invoice") return { ok: false, code: "wrong-type", message: "reminders are for invoices" }
      const r = withReminder(doc, step.level, who.email, now)
      if (!r.ok) return refused(r)
      await saved(r.value)
      return { ok: true, id: doc.id }
    }
  }
})
