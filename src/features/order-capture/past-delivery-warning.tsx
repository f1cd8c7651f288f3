import { useTranslation } from "react-i18next"

import type { PastDelivery } from "~src/domain/orders/past-delivery"
import { formatDay, uiLang } from "~src/ui/dates"

/** Under the delivery date: it is already past, in words; the agent may still confirm (the customer may mean it). */
export function PastDeliveryWarning({ past }: { past: PastDelivery | null }) {
  const { t, i18n } = useTranslation()
  if (past === null) return null
  const lang = uiLang(i18n.language)
  return (
    <span className="c-evidence c-evidence-low" role="status" data-comptoir="delivery-date-past" data-kind={past.kind}>
      {past.kind === "before-mail"
        ? t("orderCapture.review.pastDelivery.beforeMail", { mail: formatDay(past.mailDay, lang) })
        : t("orderCapture.review.pastDelivery.beforeToday", { today: formatDay(past.today, lang) })}
    </span>
  )
}
