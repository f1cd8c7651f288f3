import type { useTranslation } from "react-i18next"

import type { CreditNote, PaymentRecord, SalesDocument } from "~src/domain/documents/document.schema"
import { reminderEntries } from "~src/domain/documents/flow"
import { formatCents } from "~src/domain/documents/money"
import { paymentSteps } from "~src/domain/documents/payments"
import { formatDateTime, formatDay, type UiLang } from "~src/ui/dates"

type Translate = ReturnType<typeof useTranslation>["t"]
type ReminderEntry = NonNullable<ReturnType<typeof reminderEntries>[number]>

/**
 * A document's history, oldest first: its status changes and reminders (who did them), and for an invoice the
 * payments recorded against it, each at the time it was recorded, with its date, amount, method and reference and
 * what was left to pay after it, up to the one that paid it in full. Money and days as the rest of the page writes them.
 */
export function DocumentHistory({
  doc,
  payments,
  creditNotes,
  lang,
  t
}: {
  doc: SalesDocument
  payments: readonly PaymentRecord[]
  creditNotes: readonly CreditNote[]
  lang: UiLang
  t: Translate
}) {
  const reminders = doc.type === "invoice" ? reminderEntries(doc) : null
  const entries: { at: number; key: string; node: React.ReactNode }[] = doc.history.map((h, i) => ({
    at: h.at,
    key: `h${i}`,
    node: (
      <li key={`h${i}`} data-comptoir="history-entry">
        {formatDateTime(h.at, lang)} · {historyText(t, h.status, reminders?.[i] ?? null)} · <span className="c-muted">{h.by}</span>
      </li>
    )
  }))
  if (doc.type === "invoice") {
    // What a credit note took back counts from the day it was issued.
    const credits = creditNotes
      .filter((c) => c.status === "issued" && c.correctsInvoiceId === doc.id)
      .map((c) => ({ at: c.history.find((h) => h.status === "issued")?.at ?? c.updatedAt, cents: -c.totalInclVatCents }))
    for (const step of paymentSteps(doc.totalInclVatCents, payments.filter((p) => p.invoiceId === doc.id), credits)) {
      const p = step.payment
      const said = {
        amount: formatCents(Math.abs(p.amountCents), lang),
        date: formatDay(p.date, lang),
        method: t(`invoicing.history.method.${p.method}`),
        remaining: formatCents(step.remainingCents, lang)
      }
      entries.push({
        at: p.createdAt,
        key: p.id,
        node: (
          <li key={p.id} data-comptoir="history-payment" data-outcome={step.outcome} data-cents={p.amountCents}>
            {formatDateTime(p.createdAt, lang)} · {t(p.amountCents < 0 ? "invoicing.history.correction" : "invoicing.history.payment", said)}
            {p.reference ? ` · ${t("invoicing.history.reference", { reference: p.reference })}` : ""} ·{" "}
            <strong>{t(`invoicing.history.${step.outcome === "paid" ? "paid" : "left"}`, said)}</strong>
          </li>
        )
      })
    }
  }
  entries.sort((a, b) => a.at - b.at)
  return (
    <section className="c-doc-history">
      <h2>{t("invoicing.view.history")}</h2>
      <ul>{entries.map((e) => e.node)}</ul>
    </section>
  )
}

/** A reminder sent directly says how late the invoice was and which levels it skipped, as the dunning list offered it. */
function historyText(t: Translate, status: string, reminder: ReminderEntry | null): string {
  if (reminder && reminder.skipped.length > 0)
    return t("invoicing.dunning.loggedDirect", {
      level: t(`invoicing.dunning.level.${reminder.level}`),
      count: reminder.daysOverdue,
      skipped: reminder.skipped.map((l) => t(`invoicing.dunning.skipped.${l}`)).join(t("invoicing.dunning.skipJoin"))
    })
  if (status.startsWith("reminder:")) return t("invoicing.dunning.logged", { level: t(`invoicing.dunning.level.${status.slice(9)}`) })
  if (status === "override") return t("invoicing.risk.overrideLogged")
  return t(`invoicing.status.${status}`, { defaultValue: status })
}
