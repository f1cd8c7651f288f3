import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"

import { formatPercent } from "~src/domain/documents/document-text"
import { formatCents } from "~src/domain/documents/money"
import { priceText } from "~src/features/catalog"
import type { ResponseOf } from "~src/messaging/contract"
import { send } from "~src/messaging/send"

/*
 * The review's prices and totals (issue #11): what the order will cost, asked of the background's `orders/price`,
 * which prices the lines with what `orders/confirm` reads and the same `priceReview`. No figure is computed here.
 */

export type ReviewPrices = ResponseOf<"orders/price">
type PricedView = Extract<ReviewPrices["lines"][number], { priced: true }>

interface Watched {
  ref?: string | undefined
  quantity?: number | undefined
  unit?: string | undefined
}

/**
 * The prices of the lines as they stand, asked again once the agent pauses typing a ref or a quantity, or picks
 * another customer. `current` is false while the figures shown are for lines since edited.
 */
export function useReviewPrices(customerCode: string, lines: readonly Watched[] | undefined): { prices: ReviewPrices | null; current: boolean; error: string | null } {
  const request = useMemo(
    () => ({
      customerCode: customerCode.trim().slice(0, 40),
      lines: (lines ?? []).slice(0, 200).map((l) => ({
        ref: (l.ref ?? "").trim().slice(0, 60),
        // An emptied quantity input gives NaN: a line without a quantity yet, priced as none.
        quantity: typeof l.quantity === "number" && Number.isFinite(l.quantity) ? l.quantity : null,
        unit: (l.unit ?? "").trim().slice(0, 30)
      }))
    }),
    [customerCode, lines]
  )
  const key = JSON.stringify([request.customerCode, request.lines.map((l) => [l.ref, l.quantity])])
  const [answer, setAnswer] = useState<{ key: string; prices: ReviewPrices } | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      send("orders/price", request).then(
        (prices) => {
          if (!live) return
          setAnswer({ key, prices })
          setError(null)
        },
        (e: unknown) => live && setError(String(e))
      )
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
    // `request` is left out on purpose: the form's watched lines are new arrays at each render; the key says when
    // the customer, a ref or a quantity really changed.
  }, [key])
  return { prices: answer?.prices ?? null, current: answer?.key === key, error }
}

/** A line's unit price (less the customer's discount, and where it came from) and its net amount, or why it has none. */
export function LinePriceCells({ price, lineRef, lang, customerKnown }: { price: ReviewPrices["lines"][number] | undefined; lineRef: string; lang: "fr" | "en"; customerKnown: boolean }) {
  const { t } = useTranslation()
  if (price === undefined || !price.priced) {
    const why =
      !customerKnown || price === undefined
        ? null
        : price.reason === "quantity"
          ? t("orderCapture.review.noPriceQuantity")
          : lineRef.trim() === ""
            ? t("orderCapture.review.noPriceNoRef")
            : t("orderCapture.review.noPrice")
    return (
      <>
        <td className="c-num" data-comptoir="line-unit-price" data-priced="false">
          —{why !== null ? <span className="c-evidence c-evidence-low" data-comptoir="line-no-price">{why}</span> : null}
        </td>
        <td className="c-num" data-comptoir="line-net" data-priced="false">
          —
        </td>
      </>
    )
  }
  return (
    <>
      <td className="c-num" data-comptoir="line-unit-price" data-priced="true" data-cents={price.unitPriceCents} data-source={price.priceSource.source}>
        {unitPriceText(price, lang, t)}
        <span className="c-evidence" data-comptoir="line-price-source">
          {priceText(price.priceSource, lang, t)}
        </span>
      </td>
      <td className="c-num" data-comptoir="line-net" data-priced="true" data-cents={price.netCents}>
        {formatCents(price.netCents, lang)}
      </td>
    </>
  )
}

function unitPriceText(p: PricedView, lang: "fr" | "en", t: ReturnType<typeof useTranslation>["t"]): string {
  const unit = formatCents(p.unitPriceCents, lang)
  return p.discountBp > 0 ? t("catalog.priceSource.priceWithDiscount", { price: unit, percent: formatPercent(p.discountBp, lang).replace(/\s*%$/, "") }) : unit
}

/**
 * The order's totals under the lines, in the amount column: excl. VAT, VAT by rate, incl. VAT; said to leave out the
 * lines with no price (the order cannot be confirmed with them), and nothing before the customer is known.
 */
export function ReviewTotals({ prices, current, lang, columnsBefore, columnsAfter }: { prices: ReviewPrices | null; current: boolean; lang: "fr" | "en"; columnsBefore: number; columnsAfter: number }) {
  const { t } = useTranslation()
  if (prices === null) return null
  if (!prices.customer)
    return (
      <tfoot data-comptoir="order-totals" data-priced="false">
        <tr>
          <td colSpan={columnsBefore + 1 + columnsAfter} className="c-muted">
            {t("orderCapture.review.pricesNeedCustomer")}
          </td>
        </tr>
      </tfoot>
    )
  const row = (label: string, cents: number, comptoir: string, strong = false) => (
    <tr key={comptoir}>
      <td colSpan={columnsBefore} className="c-num">
        {strong ? <strong>{label}</strong> : label}
      </td>
      <td className="c-num" data-comptoir={comptoir} data-cents={cents}>
        {strong ? <strong>{formatCents(cents, lang)}</strong> : formatCents(cents, lang)}
      </td>
      {columnsAfter > 0 ? <td colSpan={columnsAfter} /> : null}
    </tr>
  )
  return (
    <tfoot data-comptoir="order-totals" data-priced="true" data-current={current ? "true" : "false"} aria-busy={!current} className={current ? undefined : "c-muted"}>
      {row(t("orderCapture.review.totalExclVat"), prices.totalExclVatCents, "order-total-excl")}
      {prices.vatByRate.length === 0
        ? row(t("orderCapture.review.vat"), 0, "order-total-vat")
        : prices.vatByRate.map((v) => row(t("orderCapture.review.vatAt", { rate: formatPercent(v.vatRateBp, lang) }), v.vatCents, prices.vatByRate.length === 1 ? "order-total-vat" : `order-total-vat-${v.vatRateBp}`))}
      {row(t("orderCapture.review.totalInclVat"), prices.totalInclVatCents, "order-total-incl", true)}
      {prices.unpriced > 0 ? (
        <tr>
          <td colSpan={columnsBefore + 1 + columnsAfter} className="c-num c-evidence-low" data-comptoir="order-totals-unpriced">
            {t("orderCapture.review.totalsWithoutUnpriced", { count: prices.unpriced })}
          </td>
        </tr>
      ) : null}
    </tfoot>
  )
}
