import { useState } from "react"
import { useTranslation } from "react-i18next"

import { formatQuantity } from "~src/domain/documents/document-text"
import { creditableByLine } from "~src/domain/documents/flow"
import { formatCents, parseScaledDecimal } from "~src/domain/documents/money"
import { invoiceBalance } from "~src/domain/documents/payments"
import { centsToInput } from "~src/domain/documents/quote-form"
import type { DocumentActionRequest, ResponseOf } from "~src/messaging/contract"
import { formatDay } from "~src/ui/dates"

import { CreditRefund } from "./credit-refund"
import { PaymentsTable } from "./payments-table"
import { DateAndMethodFields } from "./date-method-fields"
import type { TypedMethod } from "./payment-methods"
import { statusText } from "./status-text"

type View = ResponseOf<"documents/get">


/** An issued invoice's payments (recorded here) and credit notes (made here). */
export function InvoicePanels({ view, onAct }: { view: View; onAct: (s: DocumentActionRequest, openCreated?: boolean) => Promise<boolean> }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "en" ? "en" : "fr"
  const doc = view.document
  const [amount, setAmount] = useState("")
  // France's today as the background last said it (the view reads again every few seconds), until the agent picks
  // a day: a page left open overnight, or for days, still offers today, not the day it was opened.
  const [pickedDate, setDate] = useState<string | null>(null)
  const date = pickedDate ?? view.today
  const [method, setMethod] = useState<TypedMethod>("transfer")
  const [reference, setReference] = useState("")
  const [credit, setCredit] = useState<Record<string, string>>({})
  const [amountError, setAmountError] = useState<string | null>(null)
  // A day before the invoice is most often a slip (15/01 for 15/10), sometimes a deposit or a paid pro forma: the
  // agent says which by ticking, and the tick is asked again for any other day.
  const [earlyFor, setEarlyFor] = useState<string | null>(null)
  // An amount over what is left (1 300 € on 1 234,08 €) is a real payment, as Odoo records it: the agent ticks to keep
  // the excess as the customer's credit, and the tick holds for that excess only (asked again for another amount).
  const [overFor, setOverFor] = useState<number | null>(null)
  const [creditError, setCreditError] = useState<string | null>(null)
  if (!doc || doc.type !== "invoice") return null
  const remaining = view.row?.remainingCents ?? 0
  const creditedCents = view.creditNotes.filter((c) => c.status === "issued").reduce((sum, c) => sum - c.totalInclVatCents, 0)
  // What each line has left to credit after the issued credit notes (issue #10): a line credited in full is not
  // offered, the others say what is left ("/ 11" of 12 rolls once one was credited).
  const left = creditableByLine(doc, view.creditNotes)
  const creditable = doc.lines.filter((l) => (left.get(l.id) ?? 0) > 0)
  const someCredited = creditable.length < doc.lines.length || creditable.some((l) => left.get(l.id) !== l.quantityMilli)
  const typed = parseScaledDecimal(amount, 2, true)
  const excess = typed !== null && remaining > 0 ? Math.max(0, typed - remaining) : 0
  const keptAsCredit = invoiceBalance(doc.totalInclVatCents, view.payments, creditedCents).excessCents
  const customerCredit = view.customerCreditCents ?? 0
  return (
    <>
      <section className="c-doc-payments">
        <h2>{t("invoicing.payments.title")}</h2>
        {view.payments.length === 0 ? (
          <p className="c-muted">{t("invoicing.payments.none")}</p>
        ) : (
          <PaymentsTable payments={view.payments} me={view.me} today={view.today} names={view.names} lang={lang} onAct={onAct} />
        )}
        {/* The customer's credit (an overpayment on another invoice) offered where it is used, as Odoo's "Outstanding credits". */}
        {remaining > 0 && customerCredit > 0 ? (
          <p className="c-customer-credit" data-comptoir="customer-credit" data-cents={customerCredit}>
            <span>{t("invoicing.payments.creditAvailable", { amount: formatCents(customerCredit, lang) })}</span>
            <button type="button" className="c-button" data-comptoir="apply-credit" onClick={() => void onAct({ action: "apply-credit" })}>
              {t("invoicing.payments.applyCredit")}
            </button>
          </p>
        ) : null}
        {remaining > 0 ? (
          <form
            className="c-inline-form"
            data-comptoir="payment-form"
            onSubmit={(e) => {
              e.preventDefault()
              const cents = parseScaledDecimal(amount, 2, true)
              if (cents === null || cents === 0) {
                setAmountError(t("invoicing.payments.badAmount"))
                return
              }
              // Said beside the form, with the figure or the days at stake, before anything is sent (the domain
              // refuses them too, in words that cannot hold them).
              if (cents > remaining && overFor !== cents - remaining) {
                setAmountError(t("invoicing.payments.tickOver", { excess: formatCents(cents - remaining, lang) }))
                return
              }
              const early = date < doc.date
              if (early && earlyFor !== date) {
                setAmountError(t("invoicing.payments.beforeInvoice", { date: formatDay(date, lang), invoiceDate: formatDay(doc.date, lang) }))
                return
              }
              if (date > view.today) {
                setAmountError(t("invoicing.payments.inFuture", { date: formatDay(date, lang), today: formatDay(view.today, lang) }))
                return
              }
              setAmountError(null)
              const over = cents > remaining ? { overpaymentCents: cents - remaining } : {}
              void onAct({ action: "payment", date, amountCents: cents, method, reference, receivedBeforeInvoice: early, ...over }).then((done) => {
                if (!done) return
                setAmount("")
                setReference("")
                setDate(null)
                setEarlyFor(null)
                setOverFor(null)
              })
            }}>
            <label>
              {t("invoicing.payments.amount")}
              <input data-comptoir="payment-amount" inputMode="decimal" value={amount} placeholder={centsToInput(remaining, lang)} onChange={(e) => setAmount(e.target.value)} />
            </label>
            <DateAndMethodFields hook="payment" dateId="c-payment-date" date={date} onDate={setDate} method={method} onMethod={setMethod} />
            <label>
              {t("invoicing.payments.reference")}
              <input data-comptoir="payment-reference" value={reference} maxLength={120} onChange={(e) => setReference(e.target.value)} />
            </label>
            {date < doc.date ? (
              <label className="c-check">
                <input type="checkbox" data-comptoir="payment-before-invoice" checked={earlyFor === date} onChange={(e) => setEarlyFor(e.target.checked ? date : null)} />
                {t("invoicing.payments.receivedBeforeInvoice", { invoiceDate: formatDay(doc.date, lang) })}
              </label>
            ) : null}
            {excess > 0 ? (
              <div className="c-payment-over" data-comptoir="payment-over" data-cents={excess}>
                <span className="c-notice">{t("invoicing.payments.over", { excess: formatCents(excess, lang), remaining: formatCents(remaining, lang) })}</span>
                <label className="c-check">
                  <input type="checkbox" data-comptoir="payment-keep-credit" checked={overFor === excess} onChange={(e) => setOverFor(e.target.checked ? excess : null)} />
                  {t("invoicing.payments.keepAsCredit", { excess: formatCents(excess, lang) })}
                </label>
              </div>
            ) : null}
            <button type="submit" className="c-button" data-comptoir="payment-submit">
              {t("invoicing.payments.record")}
            </button>
            {amountError ? (
              <span className="c-error" role="alert" data-comptoir="payment-error">
                {amountError}
              </span>
            ) : null}
          </form>
        ) : (
          // Good news in the page's green, not the orange of a notice to act on.
          // Taken back by credit notes with nothing paid is not "paid in full": the page says what the domain says.
          <>
            <p className="c-ok" data-comptoir="invoice-paid" data-payment={view.row?.paymentState ?? ""}>
              {t(view.row?.paymentState === "credited" ? "invoicing.payments.credited" : "invoicing.payments.paid")}
            </p>
            {/* The money over the invoice is the customer's: said where it was received, never lost in a 0 left to pay. */}
            {keptAsCredit > 0 ? (
              <p className="c-muted" data-comptoir="invoice-excess" data-cents={keptAsCredit}>
                {/* Once applied to another invoice, the excess is no longer "kept": the page says where the credit went. */}
                {view.customerCreditCents === undefined || customerCredit >= keptAsCredit
                  ? t("invoicing.payments.excess", { amount: formatCents(keptAsCredit, lang) })
                  : customerCredit === 0
                    ? t("invoicing.payments.excessApplied", { amount: formatCents(keptAsCredit, lang) })
                    : t("invoicing.payments.excessPartlyApplied", { amount: formatCents(keptAsCredit, lang), left: formatCents(customerCredit, lang) })}
              </p>
            ) : null}
            {/* What the customer still holds of this excess, sent back to them (Odoo's "Refund"). */}
            {Math.min(keptAsCredit, customerCredit) > 0 ? <CreditRefund amountCents={Math.min(keptAsCredit, customerCredit)} today={view.today} lang={lang} onAct={onAct} /> : null}
          </>
        )}
      </section>

      <section className="c-doc-credit">
        <h2>{t("invoicing.credit.title")}</h2>
        {view.creditNotes.map((c) => (
          <p key={c.id}>
            <a href={`#/invoices/${c.id}`} data-comptoir="credit-note-link">
              {t("invoicing.type.credit-note")} {c.number ?? t("invoicing.view.unnumbered.credit-note")}
            </a>{" "}
            · {formatCents(c.totalInclVatCents, lang)} · {statusText(t, c.status, "credit-note")}
          </p>
        ))}
        {/* The credit notes took it all back: another one would be refused (credit-over-invoice), so none is offered. */}
        {creditedCents >= doc.totalInclVatCents || creditable.length === 0 ? (
          <p className="c-muted" data-comptoir="credit-none-left">
            {t("invoicing.credit.noneLeft")}
          </p>
        ) : (
          <>
            <p className="c-muted">{t("invoicing.credit.explain")}</p>
            <table className="c-table">
              <tbody>
                {creditable.map((l) => (
                  <tr key={l.id} data-comptoir="credit-line">
                    <td>{l.label}</td>
                    <td>
                      <input
                        aria-label={t("invoicing.credit.quantityOf", { label: l.label })}
                        data-comptoir="credit-quantity"
                        inputMode="decimal"
                        size={6}
                        placeholder="0"
                        value={credit[l.id] ?? ""}
                        onChange={(e) => setCredit({ ...credit, [l.id]: e.target.value })}
                      />{" "}
                      / {formatQuantity(left.get(l.id)!, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="c-button c-button-secondary"
              data-comptoir="credit-partial"
              onClick={() => {
                const lines = Object.entries(credit)
                  .filter(([lineId]) => left.has(lineId))
                  .map(([lineId, v]) => ({ lineId, quantityMilli: parseScaledDecimal(v, 3) ?? -1 }))
                  .filter((l) => l.quantityMilli !== 0)
                // Said here, before anything is made: more than what is left of a line (the domain and the server refuse it too).
                const over = lines.find((l) => l.quantityMilli < 0 || l.quantityMilli > (left.get(l.lineId) ?? 0))
                if (over) {
                  const line = doc.lines.find((l) => l.id === over.lineId)!
                  setCreditError(t("invoicing.refusal.credit-quantity", { label: line.label, max: formatQuantity(left.get(over.lineId) ?? 0, lang) }))
                  return
                }
                setCreditError(null)
                void onAct({ action: "credit", lines }, true)
              }}>
              {t("invoicing.credit.partial")}
            </button>{" "}
            <button type="button" className="c-button c-button-secondary" data-comptoir="credit-full" onClick={() => void onAct({ action: "credit", lines: "full" }, true)}>
              {t(someCredited ? "invoicing.credit.rest" : "invoicing.credit.full")}
            </button>
            {creditError ? (
              <p className="c-error" role="alert" data-comptoir="credit-error">
                {creditError}
              </p>
            ) : null}
          </>
        )}
      </section>
    </>
  )
}
