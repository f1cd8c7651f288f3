import type { useTranslation } from "react-i18next"

import type { CreditNote, HistoryEntry, PaymentRecord, SalesDocument } from "~src/domain/documents/document.schema"
import { PO_NUMBER_STEP, reminderEntries } from "~src/domain/documents/flow"
import { formatCents } from "~src/domain/documents/money"
import { invoiceSteps } from "~src/domain/documents/payments"
import { formatDay, formatFranceDateTime, type UiLang } from "~src/ui/dates"
import { teamName } from "~src/ui/team-name"

import { statusText } from "./status-text"

type Translate = ReturnType<typeof useTranslation>["t"]
type ReminderEntry = NonNullable<ReturnType<typeof reminderEntries>[number]>

/**
 * A document's history, oldest first: its status changes and reminders (who did them), and for an invoice the
 * payments recorded against it and the credit notes that corrected it, each at the time it was recorded or issued:
 * a payment with its date, amount, method and reference, a credit note with its number, date and amount, and after
 * each what was left to pay, up to the one that paid it in full or left nothing to pay. Money and days as the rest
 * of the page writes them.
 */
export function DocumentHistory({
  doc,
  payments,
  creditNotes,
  lang,
  names = {},
  t
}: {
  doc: SalesDocument
  payments: readonly PaymentRecord[]
  creditNotes: readonly CreditNote[]
  lang: UiLang
  /** The team's members' names by e-mail in lower case (`teamName`). */
  names?: Readonly<Record<string, string>>
  t: Translate
}) {
  const reminders = doc.type === "invoice" ? reminderEntries(doc) : null
  const entries: { at: number; key: string; node: React.ReactNode }[] = doc.history.map((h, i) => ({
    at: h.at,
    key: `h${i}`,
    node: (
      <li key={`h${i}`} data-comptoir="history-entry">
        {formatFranceDateTime(h.at, lang)} · {historyText(t, h, doc.type, reminders?.[i] ?? null)}
        <ByWhom who={h.by} names={names} />
      </li>
    )
  }))
  if (doc.type === "invoice") {
    // A credit note counts from the time it was issued (its number and date come from the server then).
    const credits = creditNotes
      .filter((c) => c.status === "issued" && c.correctsInvoiceId === doc.id)
      .map((c) => {
        const issued = c.history.find((h) => h.status === "issued")
        return { at: issued?.at ?? c.updatedAt, by: issued?.by ?? "", cents: -c.totalInclVatCents, note: c }
      })
    const steps = invoiceSteps(doc.totalInclVatCents, payments.filter((p) => p.invoiceId === doc.id), credits)
    // What each payment was when recorded (a refund, a correction…): its cancellation is told as the same thing undone.
    const outcomeOf = new Map(steps.flatMap((s) => (s.kind === "payment" ? [[s.payment.id, s.outcome] as const] : [])))
    for (const step of steps) {
      const remaining = formatCents(step.remainingCents, lang)
      if (step.kind === "credit") {
        const c = step.credit.note
        const said = { number: c.number ?? t("invoicing.view.unnumbered.credit-note"), amount: formatCents(Math.abs(c.totalInclVatCents), lang), date: formatDay(c.date, lang), remaining }
        entries.push({
          at: step.credit.at,
          key: c.id,
          node: (
            <li key={c.id} data-comptoir="history-credit" data-outcome={step.outcome} data-cents={c.totalInclVatCents}>
              {formatFranceDateTime(step.credit.at, lang)} · <a href={`#/invoices/${c.id}`}>{t("invoicing.history.credit", said)}</a> ·{" "}
              <strong>{t(`invoicing.history.${step.outcome === "settled" ? "settled" : "left"}`, said)}</strong>
              <ByWhom who={step.credit.by} names={names} />
            </li>
          )
        })
        continue
      }
      const p = step.payment
      // A cancellation tells the payment it cancels (its amount, day and method), not its own negated copy.
      const cancelled = p.cancels === undefined ? undefined : payments.find((x) => x.id === p.cancels)
      const told = cancelled ?? p
      const said = {
        amount: formatCents(Math.abs(told.amountCents), lang),
        date: formatDay(told.date, lang),
        method: t(`invoicing.history.method.${told.method}`),
        reason: p.cancelReason ?? "",
        remaining
      }
      entries.push({
        at: p.createdAt,
        key: p.id,
        node: (
          <li key={p.id} data-comptoir="history-payment" data-outcome={step.outcome} data-cents={p.amountCents}>
            {formatFranceDateTime(p.createdAt, lang)} · {t(step.outcome === "cancelled" ? cancelledText(cancelled, cancelled && outcomeOf.get(cancelled.id)) : step.outcome === "refund" ? "invoicing.history.refund" : p.amountCents < 0 ? "invoicing.history.correction" : p.method === "credit" ? "invoicing.history.creditApplied" : "invoicing.history.payment", said)}
            {p.reference ? ` · ${t("invoicing.history.reference", { reference: p.reference })}` : ""} ·{" "}
            <strong>{t(`invoicing.history.${step.outcome === "paid" || (step.outcome === "refund" && step.remainingCents === 0) ? "paid" : "left"}`, said)}</strong>
            <ByWhom who={p.recordedBy ?? ""} names={names} />
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

/**
 * The words for a cancellation, from what the cancelled record was: a refund (money sent back) or a credit applied
 * (money moved from another invoice) undone is no payment received taken back, and an accountant reads the difference.
 */
function cancelledText(cancelled: Pick<PaymentRecord, "amountCents" | "method"> | undefined, outcome: string | undefined): string {
  if (!cancelled) return "invoicing.history.cancelled"
  if (outcome === "refund") return "invoicing.history.cancelledRefund"
  if (cancelled.amountCents < 0) return "invoicing.history.cancelledCorrection"
  return cancelled.method === "credit" ? "invoicing.history.cancelledCredit" : "invoicing.history.cancelled"
}

/**
 * Who did it, after the entry as every entry says it: the person's name, their e-mail (what the history keeps) when
 * the account has no name, with the e-mail on hover; nothing for a payment recorded before it was kept.
 */
function ByWhom({ who, names }: { who: string; names: Readonly<Record<string, string>> }) {
  return who ? (
    <>
      {" · "}
      <span className="c-muted" data-comptoir="history-by" data-email={who} title={who}>
        {teamName(who, names)}
      </span>
    </>
  ) : null
}

/** A reminder sent directly says how late the invoice was and which levels it skipped, as the dunning list offered it. */
function historyText(t: Translate, entry: HistoryEntry, type: SalesDocument["type"], reminder: ReminderEntry | null): string {
  const status = entry.status
  if (reminder && reminder.skipped.length > 0)
    return t("invoicing.dunning.loggedDirect", {
      level: t(`invoicing.dunning.level.${reminder.level}`),
      count: reminder.daysOverdue,
      skipped: reminder.skipped.map((l) => t(`invoicing.dunning.skipped.${l}`)).join(t("invoicing.dunning.skipJoin"))
    })
  if (status.startsWith("reminder:")) return t("invoicing.dunning.logged", { level: t(`invoicing.dunning.level.${status.slice(9)}`) })
  if (status === "override") return t("invoicing.risk.overrideLogged")
  if (status === PO_NUMBER_STEP) {
    // From what to what, as the entry keeps it; an entry logged before it kept them says only that it changed.
    if (entry.from === undefined && entry.to === undefined) return t("invoicing.po.logged")
    const said = (po: string | null | undefined) => po ?? t("invoicing.po.noneBefore")
    return t("invoicing.po.changed", { from: said(entry.from), to: said(entry.to) })
  }
  return statusText(t, status, type)
}
