import { useTranslation } from "react-i18next"

import { notOrderReasonParts } from "~src/domain/orders/not-order-reasons"

/**
 * Why the extractor says a mail is no order, in the agent's language: its verdicts translated, the mail's own words
 * that decided quoted as they are (they are the customer's language, not ours). Text only, never HTML.
 */
export function NotOrderReason({ reason }: { reason: string }) {
  const { t } = useTranslation()
  const parts = notOrderReasonParts(reason)
  if (parts.length === 0) return null
  const said = parts.map((p) =>
    p.kind === "verdict"
      ? t(`orderCapture.notOrderReason.${p.verdict}`)
      : p.kind === "estimate"
        ? t("orderCapture.notOrderReason.estimate", { words: p.words })
        : t("orderCapture.notOrderReason.words", { words: p.words })
  )
  return <span data-comptoir="not-order-reason"> ({said.join(t("orderCapture.notOrderReason.separator"))})</span>
}
