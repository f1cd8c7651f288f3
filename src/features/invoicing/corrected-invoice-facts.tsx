import { useTranslation } from "react-i18next"

import type { ResponseOf } from "~src/messaging/contract"
import { formatDay, uiLang } from "~src/ui/dates"

type Corrected = NonNullable<ResponseOf<"documents/get">["correctedInvoice"]>

/**
 * Among a credit note's facts, what an accountant sets it against: the invoice it corrects (French law has a credit
 * note refer to it; one click opens it), the order that invoice was made from, and the customer's order number the
 * invoice carried, the reference the buyer's accounts payable match on. An invoice's page shows the last two; its
 * credit note showed only "Made from" the invoice.
 */
export function CorrectedInvoiceFacts({ corrected }: { corrected: Corrected }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  return (
    <>
      <dt>{t("invoicing.view.correctsInvoice")}</dt>
      <dd>
        <a href={`#/invoices/${corrected.id}`} data-comptoir="corrected-invoice">
          {t("invoicing.view.invoiceOf", { number: corrected.number, date: formatDay(corrected.date, lang) })}
        </a>
      </dd>
      {corrected.order ? (
        <>
          <dt>{t("invoicing.type.order")}</dt>
          <dd>
            <a href={`#/orders/${corrected.order.id}`} data-comptoir="corrected-order">
              {corrected.order.number ?? t("invoicing.view.unnumbered.order")}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t("invoicing.view.poNumber")}</dt>
      {corrected.customerPoNumber ? (
        <dd data-comptoir="corrected-po-number">{corrected.customerPoNumber}</dd>
      ) : (
        <dd className="c-muted" data-comptoir="corrected-po-number">
          {t("invoicing.view.noPoOnInvoice")}
        </dd>
      )}
    </>
  )
}
