import { useState } from "react"
import { useTranslation } from "react-i18next"

import { formatCents } from "~src/domain/documents/money"
import type { DocumentActionRequest } from "~src/messaging/contract"
import { DateAndMethodFields } from "./date-method-fields"
import type { TypedMethod } from "./payment-methods"

/**
 * The customer's credit sent back to them, as Odoo's "Refund" of an outstanding credit: on the overpaid invoice, a
 * button for the credit they still hold (`amountCents`: this invoice's excess, no more than the credit left once some
 * was applied elsewhere), then the day, the method (transfer unless told) and the reference. It is recorded as a
 * negative payment of that amount on this invoice: its excess goes back, the invoice stays paid, the credit drops by
 * as much. The device and the server hold it to the credit left (flow.ts `checkCreditTakenBack`).
 */
export function CreditRefund({ amountCents, today, lang, onAct }: { amountCents: number; today: string; lang: "fr" | "en"; onAct: (s: DocumentActionRequest) => Promise<boolean> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [pickedDate, setDate] = useState<string | null>(null)
  const date = pickedDate ?? today
  const [method, setMethod] = useState<TypedMethod>("transfer")
  const [reference, setReference] = useState("")
  const amount = formatCents(amountCents, lang)
  if (!open) {
    return (
      <p className="c-credit-refund" data-comptoir="credit-refund" data-cents={amountCents}>
        <button type="button" className="c-button c-button-secondary" data-comptoir="credit-refund-open" onClick={() => setOpen(true)}>
          {t("invoicing.payments.refundButton", { amount })}
        </button>
      </p>
    )
  }
  return (
    <form
      className="c-inline-form"
      data-comptoir="credit-refund-form"
      data-cents={amountCents}
      onSubmit={(e) => {
        e.preventDefault()
        void onAct({ action: "payment", date, amountCents: -amountCents, method, reference, receivedBeforeInvoice: false }).then((done) => {
          if (!done) return
          setOpen(false)
          setReference("")
          setDate(null)
        })
      }}>
      <p className="c-muted">{t("invoicing.payments.refundExplain")}</p>
      <DateAndMethodFields hook="credit-refund" dateId="c-refund-date" date={date} onDate={setDate} method={method} onMethod={setMethod} />
      <label>
        {t("invoicing.payments.reference")}
        <input data-comptoir="credit-refund-reference" value={reference} maxLength={120} onChange={(e) => setReference(e.target.value)} />
      </label>
      <button type="submit" className="c-button" data-comptoir="credit-refund-submit">
        {t("invoicing.payments.refundRecord")}
      </button>{" "}
      <button type="button" className="c-button c-button-secondary" data-comptoir="credit-refund-cancel" onClick={() => setOpen(false)}>
        {t("invoicing.payments.refundCancel")}
      </button>
    </form>
  )
}
