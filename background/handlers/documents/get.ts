import { DOCUMENT_TABLES } from "~src/domain/documents/document.schema"
import { earlierReminderDays, reminderOffers } from "~src/domain/documents/dunning"
import { confirmCheck, customerRisk, type AnyDoc } from "~src/domain/documents/flow"
import { toRows } from "~src/domain/documents/listing"
import { reminderMail } from "~src/domain/documents/reminder-mail"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { readSession, teamNames } from "../../sync"
import { documents, dunningSchedule, me, riskSettings, teamSeller, today } from "./shared"

const brief = (d: AnyDoc) => ({ id: d.id, type: d.type, number: d.number, status: d.status })

export const documentsGet = defineHandler("documents/get", async (req) => {
  const day = today()
  const who = await me()
  const doc = await documents.find(req.id)
  if (!doc) return { document: null, row: null, customer: null, payments: [], creditNotes: [], derived: [], source: null, risk: null, confirm: null, me: who, reminders: [], seller: null, correctedInvoice: null, today: day }
  const [customer] = await services.customers.getMany([doc.customerId])
  const mine = await documents.byCustomer(doc.customerId)
  const all: AnyDoc[] = [...mine.quotes, ...mine.orders, ...mine.invoices, ...mine.creditNotes]
  const payments = doc.type === "invoice" ? mine.payments.filter((p) => p.invoiceId === doc.id) : []
  const creditNotes = doc.type === "invoice" ? mine.creditNotes.filter((c) => c.correctsInvoiceId === doc.id) : []
  const schedule = await dunningSchedule()
  const customers = new Map(customer ? [[customer.id, customer]] : [])
  const [row] = toRows([doc], { today: day, customers, payments: mine.payments, creditNotes: mine.creditNotes, schedule })
  const source = doc.sourceId ? all.find((d) => d.id === doc.sourceId) : undefined
  // Every order of the customer, this one included: a draft is not counted (confirmCheck adds it for the block),
  // a confirmed one is owed like the others. Leaving it out showed a confirmed order's page under the card's
  // outstanding by its own amount, "OK" for a customer that order put over its limit.
  const risk = customerRisk({ creditLimitCents: customer?.creditLimitCents ?? null, invoices: mine.invoices, orders: mine.orders, creditNotes: mine.creditNotes, payments: mine.payments, today: day }, await riskSettings())
  const confirm = doc.type === "order" && doc.status === "draft" ? confirmCheck(risk, doc) : null

  const corrected = doc.type === "credit-note" ? all.find((d) => d.id === doc.correctsInvoiceId) : undefined
  // The order that invoice was made from: an accountant sets a credit note against the invoice, its order and the buyer's PO.
  const correctedOrder = corrected?.sourceId ? all.find((d) => d.id === corrected.sourceId && d.type === "order") : undefined
  const reminders = []
  const offered = row?.dunning ? reminderOffers(row.dunning) : []
  if (doc.type === "invoice" && row?.dunning && offered.length > 0 && doc.number) {
    const contact = customer?.contacts.find((c) => c.id === doc.contactId) ?? customer?.contacts.find((c) => c.emails.length > 0)
    const [session, seller] = await Promise.all([readSession(), teamSeller()])
    for (const { level, skips } of offered) {
      const mail = reminderMail(level, doc.language, {
        invoiceNumber: doc.number,
        invoiceDate: doc.date,
        dueDate: doc.dueDate,
        remainingCents: row.remainingCents ?? 0,
        daysOverdue: row.daysOverdue,
        customerName: customer?.company ?? "",
        contactName: contact ? `${contact.firstName} ${contact.lastName}`.trim() : "",
        sellerName: seller?.name ?? session?.team.name ?? "",
        agentName: who.name,
        // A formal notice sent again cites the first one; one logged today is this very mail, not an earlier one.
        earlierReminders: earlierReminderDays(row.dunning.sent, level, day)
      })
      reminders.push({ level, skips, ...mail, to: contact?.emails[0] ?? "" })
    }
  }

  const session = await readSession()
  // A change the team server refused stays listed (options, "refused changes") until answered: the page says it too.
  const refused = await services.db.conflicts.filter((c) => c.table === DOCUMENT_TABLES[doc.type] && c.key === doc.id).last()

  return {
    document: doc,
    row: row ?? null,
    customer: customer ?? null,
    payments,
    creditNotes,
    derived: all.filter((d) => d.sourceId === doc.id).map(brief),
    source: source ? { id: source.id, type: source.type, number: source.number } : null,
    risk: { level: risk.level, reasons: risk.reasons, outstandingCents: risk.outstandingCents, creditLimitCents: risk.creditLimitCents },
    customerCreditCents: risk.creditCents,
    confirm,
    me: who,
    reminders,
    seller: await teamSeller(),
    correctedInvoice:
      corrected?.type === "invoice" && corrected.number
        ? {
            id: corrected.id,
            number: corrected.number,
            date: corrected.date,
            customerPoNumber: corrected.customerPoNumber,
            order: correctedOrder ? { id: correctedOrder.id, number: correctedOrder.number } : null
          }
        : null,
    refusal: refused ? { reason: refused.reason, message: refused.message, at: refused.at } : null,
    names: await teamNames.of(session),
    // Whom an agent asks when the confirmation needs an override (the names were asked of the server just above).
    overriders: confirm && !confirm.allowed ? await teamNames.overriders(session) : [],
    today: day
  }
})
