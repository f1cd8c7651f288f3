import { useTranslation } from "react-i18next"

import type { LinePriceNote } from "~src/domain/catalog/line-pricing"
import type { CustomerPrice } from "~src/domain/catalog/pricing"
import { formatCents } from "~src/domain/documents/money"
import { milliToInput, percentToInput } from "~src/domain/documents/quote-form"
import { formatDay } from "~src/ui/dates"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * A rule's price in words: "Customer's special price from 10 (catalog €5.49)", "Customer discount 15 % until
 * 31 Jan 2027", "Customer's discount 8% on category Papeterie from 10 (catalog €3.29)". Amounts as the quote's fields show them (`lang`), dates in the sentence's language (`uiLang`).
 */
export function priceText(price: CustomerPrice, lang: "fr" | "en", t: Translate, uiLang: "fr" | "en" = lang): string {
  const when = [
    price.minQuantityMilli ? t("catalog.priceSource.fromQuantity", { quantity: milliToInput(price.minQuantityMilli, lang) }) : "",
    price.validFrom && price.validTo
      ? t("catalog.priceSource.between", { from: formatDay(price.validFrom, uiLang), to: formatDay(price.validTo, uiLang) })
      : price.validTo
        ? t("catalog.priceSource.until", { date: formatDay(price.validTo, uiLang) })
        : price.validFrom
          ? t("catalog.priceSource.since", { date: formatDay(price.validFrom, uiLang) })
          : ""
  ]
    .filter(Boolean)
    .join(" ")
  const w = when ? ` ${when}` : ""
  // A category's rule names its category: the agent sees why this product has this discount and not the usual one.
  if (price.category) {
    return price.source === "customer-discount"
      ? t("catalog.priceSource.categoryDiscount", { when: w, percent: percentToInput(price.discountBp, lang), category: price.category, catalog: formatCents(price.catalogPriceCents, lang) })
      : t("catalog.priceSource.categoryCatalog", { when: w, category: price.category })
  }
  return price.source === "special-price"
    ? t("catalog.priceSource.special", { when: when ? ` ${when}` : "", catalog: formatCents(price.catalogPriceCents, lang) })
    : price.source === "customer-discount"
      ? t("catalog.priceSource.discount", { when: when ? ` ${when}` : "", percent: percentToInput(price.discountBp, lang) })
      : t("catalog.priceSource.catalog")
}

/**
 * Where a quote line's price came from, under its price: the catalog, the customer's discount or special price
 * (with its quantity break or dates), or the agent's own typing, with the customer's price at that quantity
 * (`data-source="manual"`).
 */
export function PriceSourceNote({ note, lang }: { note: LinePriceNote; lang: "fr" | "en" }) {
  const { t, i18n } = useTranslation()
  const uiLang = i18n.language === "fr" ? "fr" : "en"
  const { price } = note
  const text =
    note.kind === "typed"
      ? t(note.discountOnly ? "catalog.priceSource.typedDiscount" : "catalog.priceSource.typed", {
          price: price.discountBp ? t("catalog.priceSource.priceWithDiscount", { price: formatCents(price.unitPriceCents, lang), percent: percentToInput(price.discountBp, lang) }) : formatCents(price.unitPriceCents, lang)
        })
      : priceText(price, lang, t, uiLang)
  const source = note.kind === "typed" ? "manual" : price.source
  return (
    <span className={source === "catalog" || source === "manual" ? "c-muted" : "c-chip c-chip-match"} data-comptoir="quote-line-price-source" data-source={source} data-category={price.category ?? ""} data-min-quantity-milli={price.minQuantityMilli ?? 0} data-valid-from={price.validFrom ?? ""} data-valid-to={price.validTo ?? ""} style={{ display: "inline-block", fontSize: 11, lineHeight: 1.3, borderRadius: 6, marginTop: 2 }}>
      {text}
    </span>
  )
}
