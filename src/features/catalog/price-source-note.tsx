import { useTranslation } from "react-i18next"

import type { CustomerPrice } from "~src/domain/catalog/pricing"
import { formatCents } from "~src/domain/documents/money"
import { percentToInput } from "~src/domain/documents/quote-form"

/** Where a quote line's price came from, under its price: the catalog, the customer's discount, or its special price. */
export function PriceSourceNote({ price, lang }: { price: CustomerPrice; lang: "fr" | "en" }) {
  const { t } = useTranslation()
  const text =
    price.source === "special-price"
      ? t("catalog.priceSource.special", { catalog: formatCents(price.catalogPriceCents, lang) })
      : price.source === "customer-discount"
        ? t("catalog.priceSource.discount", { percent: percentToInput(price.discountBp, lang) })
        : t("catalog.priceSource.catalog")
  return (
    <span className={price.source === "catalog" ? "c-muted" : "c-chip c-chip-match"} data-comptoir="quote-line-price-source" data-source={price.source} style={{ display: "inline-block", fontSize: 11 }}>
      {text}
    </span>
  )
}
