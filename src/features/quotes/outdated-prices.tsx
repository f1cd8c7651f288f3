import type { useTranslation } from "react-i18next"

import type { OutdatedLine } from "~src/domain/catalog/line-pricing"
import { formatCents, parseScaledDecimal } from "~src/domain/documents/money"
import type { QuoteFormValues } from "~src/domain/documents/quote-form"
import { priceText } from "~src/features/catalog"

type Translate = ReturnType<typeof useTranslation>["t"]

/** Which lines the customer's rules price otherwise today, from what to what, and the agent's choice. */
export function OutdatedPrices({ outdated, lang, t, onUpdate, onKeep }: { outdated: readonly OutdatedLine[]; lang: "fr" | "en"; t: Translate; onUpdate: () => void; onKeep: () => void }) {
  const price = (l: QuoteFormValues["lines"][number]) => {
    const cents = parseScaledDecimal(l.unitPrice, 2) ?? 0
    const text = formatCents(cents, lang)
    return l.discountPercent.trim() ? t("catalog.priceSource.priceWithDiscount", { price: text, percent: l.discountPercent }) : text
  }
  return (
    <div className="c-notice" data-comptoir="quote-outdated-prices" role="status">
      <p style={{ margin: 0 }}>{t("quotes.outdated.notice")}</p>
      <ul style={{ margin: "4px 0" }}>
        {outdated.map((o) => (
          <li key={o.line.id} data-comptoir="quote-outdated-line" data-line={o.index} data-ref={o.line.ref}>
            {o.line.ref} · {o.line.label}: {price(o.line)} → {price(o.updated)}
            {o.updated.priceSource ? <span className="c-muted"> ({priceText(o.updated.priceSource, lang, t)})</span> : null}
          </li>
        ))}
      </ul>
      <div className="c-row">
        <button type="button" className="c-button" data-comptoir="quote-update-prices" onClick={onUpdate}>
          {t("quotes.outdated.update")}
        </button>
        <button type="button" className="c-button c-button-secondary" data-comptoir="quote-keep-prices" onClick={onKeep}>
          {t("quotes.outdated.keep")}
        </button>
      </div>
    </div>
  )
}
