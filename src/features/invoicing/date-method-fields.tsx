import { useTranslation } from "react-i18next"

import { DateInput } from "~src/ui/date-input"

import { METHODS, type TypedMethod } from "./payment-methods"

/**
 * The day the money moved and how, as the payment form and the credit refund both ask them: one pair, so the two
 * forms cannot drift apart (a method added to one and not the other, a date field that behaves otherwise). `hook`
 * names the fields for the tests from outside (`payment-date`, `credit-refund-method`…), `dateId` ties the label.
 */
export function DateAndMethodFields({
  hook,
  dateId,
  date,
  onDate,
  method,
  onMethod
}: {
  hook: "payment" | "credit-refund"
  dateId: string
  date: string
  onDate: (date: string) => void
  method: TypedMethod
  onMethod: (method: TypedMethod) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <div className="c-date-field">
        <label htmlFor={dateId}>{t("invoicing.list.date")}</label>
        <DateInput id={dateId} data-comptoir={`${hook}-date`} value={date} day={date} onChange={(e) => onDate(e.target.value)} />
      </div>
      <label>
        {t("invoicing.payments.methodLabel")}
        <select data-comptoir={`${hook}-method`} value={method} onChange={(e) => onMethod(e.target.value as TypedMethod)}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`invoicing.payments.method.${m}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}
