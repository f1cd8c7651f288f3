import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { PaymentRecord } from "~src/domain/documents/document.schema"
import { formatCents } from "~src/domain/documents/money"
import { cancellationOf, mayCancelPayment } from "~src/domain/documents/payment-cancel"
import { countedPayments } from "~src/domain/documents/payments"
import type { DocumentActionRequest } from "~src/messaging/contract"
import { formatDay } from "~src/ui/dates"
import { teamName } from "~src/ui/team-name"

/**
 * An issued invoice's payments, by the day the money came, as a bank statement reads (recorded later is not received
 * later: a cheque of 16 Nov typed today goes under today's transfer). Each may be cancelled with a reason (Odoo's
 * "Cancel" of a payment): by a manager, or by the agent who recorded it on that day (payment-cancel.ts). A cancelled
 * payment stays listed, struck through, saying when, by whom and why; the record that cancels it is not a line of
 * its own, and neither counts in the total.
 */
export function PaymentsTable({
  payments,
  me,
  today,
  names,
  lang,
  onAct
}: {
  payments: readonly PaymentRecord[]
  me: { email: string; role: string }
  today: string
  names: Readonly<Record<string, string>> | undefined
  lang: "fr" | "en"
  onAct: (s: DocumentActionRequest) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const [cancelling, setCancelling] = useState<string | null>(null)
  const [reason, setReason] = useState("")
  const [reasonError, setReasonError] = useState<string | null>(null)
  const lines = payments.filter((p) => p.cancels === undefined).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt)
  const total = countedPayments(payments).reduce((sum, p) => sum + p.amountCents, 0)
  const close = () => {
    setCancelling(null)
    setReason("")
    setReasonError(null)
  }
  return (
    <table className="c-table">
      <thead>
        <tr>
          <th>{t("invoicing.list.date")}</th>
          <th className="c-num">{t("invoicing.payments.amountColumn")}</th>
          <th>{t("invoicing.payments.methodLabel")}</th>
          <th>{t("invoicing.payments.reference")}</th>
          <th aria-label={t("invoicing.payments.actionsColumn")} />
        </tr>
      </thead>
      <tbody>
        {lines.map((p) => {
          const cancelled = cancellationOf(payments, p.id)
          return [
            <tr key={p.id} data-comptoir="payment-row" data-cancelled={cancelled ? "true" : "false"} className={cancelled ? "c-payment-cancelled" : undefined}>
              <td>{formatDay(p.date, lang)}</td>
              <td className="c-num">
                {formatCents(p.amountCents, lang)}
                {p.overpaymentCents ? (
                  <div className="c-muted" data-comptoir="payment-overpayment" data-cents={p.overpaymentCents}>
                    {t("invoicing.payments.overpaymentOf", { amount: formatCents(p.overpaymentCents, lang) })}
                  </div>
                ) : null}
              </td>
              <td>{t(`invoicing.payments.method.${p.method}`)}</td>
              <td>{p.reference}</td>
              <td>
                {!cancelled && cancelling !== p.id && mayCancelPayment(p, me, today) ? (
                  <button type="button" className="c-button c-button-secondary" data-comptoir="payment-cancel-open" onClick={() => (close(), setCancelling(p.id))}>
                    {t("invoicing.payments.cancel")}
                  </button>
                ) : null}
              </td>
            </tr>,
            cancelled ? (
              <tr key={`${p.id}-cancelled`}>
                <td colSpan={5} className="c-muted" data-comptoir="payment-cancelled">
                  {t("invoicing.payments.cancelledOn", { date: formatDay(cancelled.date, lang), who: teamName(cancelled.recordedBy ?? "", names), reason: cancelled.cancelReason ?? "" })}
                </td>
              </tr>
            ) : null,
            cancelling === p.id && !cancelled ? (
              <tr key={`${p.id}-cancel`}>
                <td colSpan={5}>
                  <form
                    className="c-inline-form"
                    data-comptoir="payment-cancel-form"
                    onSubmit={(e) => {
                      e.preventDefault()
                      // Asked here before anything is sent: the domain and the server refuse an empty reason too.
                      if (reason.trim() === "") {
                        setReasonError(t("invoicing.payments.cancelReasonRequired"))
                        return
                      }
                      void onAct({ action: "cancel-payment", paymentId: p.id, reason: reason.trim() }).then((done) => {
                        if (done) close()
                      })
                    }}>
                    <p className="c-muted">{t("invoicing.payments.cancelExplain")}</p>
                    <label>
                      {t("invoicing.payments.cancelReason")}
                      <input data-comptoir="payment-cancel-reason" value={reason} maxLength={500} size={40} placeholder={t("invoicing.payments.cancelReasonPlaceholder")} onChange={(e) => (setReason(e.target.value), setReasonError(null))} />
                    </label>
                    <button type="submit" className="c-button" data-comptoir="payment-cancel-submit">
                      {t("invoicing.payments.cancelConfirm")}
                    </button>{" "}
                    <button type="button" className="c-button c-button-secondary" data-comptoir="payment-cancel-back" onClick={close}>
                      {t("invoicing.payments.cancelBack")}
                    </button>
                    {reasonError ? (
                      <span className="c-error" role="alert" data-comptoir="payment-cancel-error">
                        {reasonError}
                      </span>
                    ) : null}
                  </form>
                </td>
              </tr>
            ) : null
          ]
        })}
      </tbody>
      <tfoot>
        <tr>
          <th>{t("invoicing.payments.total")}</th>
          <td className="c-num" data-comptoir="payments-total" data-cents={total}>
            {formatCents(total, lang)}
          </td>
          <td colSpan={3} />
        </tr>
      </tfoot>
    </table>
  )
}
