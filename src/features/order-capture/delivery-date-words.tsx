import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

import { formatDayLong, uiLang } from "~src/ui/dates"

/**
 * The delivery date's input with the date written out beside it in the interface's language ("jeudi 10 décembre
 * 2026"). The browser's date input keeps its keyboard and accessibility but shows the browser's order, not the
 * UI's (10/12/2026 in a French browser, 12/10/2026 in an American one, whatever language Comptoir speaks): the
 * day a mail's "jeudi prochain" was resolved to is read at a glance, and a wrong month is seen. The input names
 * the words with aria-describedby="c-order-deliveryDate-words".
 */
export function DeliveryDateWords({ value, children }: { value: string | undefined; children: ReactNode }) {
  const { i18n } = useTranslation()
  return (
    <span className="c-date-with-words">
      {children}
      <span id="c-order-deliveryDate-words" className="c-date-words" data-comptoir="delivery-date-words">
        {formatDayLong(value, uiLang(i18n.language))}
      </span>
    </span>
  )
}
