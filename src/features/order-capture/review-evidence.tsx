import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

import { LOW_CONFIDENCE, REMEMBERED_ADDRESS } from "~src/domain/orders/types"
import type { OrderCapture } from "~src/messaging/contract"

/**
 * Header fields an order does well without, as in Odoo or HubSpot: most customers give no order number of theirs,
 * ask for no day (the usual lead time) and name no other address (the one on their file). The extractor scores such
 * a field low when the mail does not fill it; orange there would be noise, and orange must keep meaning "check this".
 */
const OPTIONAL = new Set(["po_number", "delivery_date", "delivery_address"])

/**
 * Under each field of the review: the mail's words it was read from (orange with "Check:" when read with doubt), or
 * why it is empty: a quiet grey word for an optional field, orange for the customer the order cannot do without.
 */
export function useEvidence(p: OrderCapture["proposal"]) {
  const { t } = useTranslation()
  const low = (key: string) => (p.confidence[key] ?? 1) < LOW_CONFIDENCE
  const missingOptional = (key: string) => OPTIONAL.has(key) && !p.evidence[key]
  /** Orange: read with doubt, or missing and needed. */
  const needsCheck = (key: string) => low(key) && !missingOptional(key)

  const evidenceOf = (key: string, index?: number): ReactNode => {
    const words = p.evidence[key]
    // Named after the attachment it was read in, so the agent knows where to look.
    const file = p.evidenceFrom?.[key]
    if (!words) {
      if (missingOptional(key))
        return (
          <span className="c-evidence" data-comptoir="evidence" data-field={key} data-missing="optional">
            {t(`orderCapture.review.missing.${key}`)}
          </span>
        )
      return low(key) ? (
        <span className="c-evidence c-evidence-low" data-comptoir="evidence" data-field={key} data-missing="required">
          {key === "customer_code" ? t("orderCapture.review.missing.customer_code") : t("orderCapture.review.missing.other")}
        </span>
      ) : null
    }
    return (
      <span
        className={low(key) ? "c-evidence c-evidence-low" : "c-evidence"}
        data-comptoir="evidence"
        data-field={index === undefined ? key : `lines.${index}`}>
        {low(key) ? `${t("orderCapture.review.check")} ` : ""}
        {/* An address remembered from the customer's last order is no words of this mail: said so, in the agent's language. */}
        {words === REMEMBERED_ADDRESS
          ? t("orderCapture.review.rememberedAddress")
          : file === undefined
            ? t("orderCapture.review.fromMail", { words })
            : t("orderCapture.review.fromAttachment", { file, words })}
      </span>
    )
  }
  return { low, needsCheck, evidenceOf }
}
