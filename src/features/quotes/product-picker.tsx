import { useEffect, useRef, useState } from "react"
import type { useTranslation } from "react-i18next"
import { uuidv7 } from "uuidv7"

import { priceFor, type CustomerPricing } from "~src/domain/catalog/pricing"
import type { Product } from "~src/domain/customers/customer.schema"
import { emptyLine, lineFromProduct, type QuoteFormValues } from "~src/domain/documents/quote-form"
import type { VatRegime } from "~src/domain/documents/vat-regime"
import { markUnsaved } from "~src/features/workspace/unsaved-work"
import { send } from "~src/messaging/send"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * "Add a line": the catalog's typo-tolerant search as the agent types a ref or a name; Enter or a click adds
 * the product (label in the quote's language, unit, price, VAT); Enter with no match adds a free line.
 * Text typed and not added yet is unsaved work, as a line is (workspace/unsaved-work.ts): a second New quote asks
 * before replacing the form rather than dropping it silently.
 */
export function ProductPicker({
  language,
  regime,
  pricing,
  date,
  t,
  unsavedId,
  onPick
}: {
  /** This picker's entry among the unsaved work, one per form. */
  unsavedId: string
  language: "fr" | "en"
  /** The customer's VAT regime: a new line's rate is 0 % for an export or an intra-Community supply. */
  regime: VatRegime
  pricing: CustomerPricing | null
  /** The quote's date: the customer's prices valid then. */
  date: string
  t: Translate
  /** The line, and the catalog's product it was made from (null: typed freely). */
  onPick: (line: QuoteFormValues["lines"][number], product: Product | null) => void
}) {
  const [query, setQuery] = useState("")
  const [active, setActive] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  // Spaces alone are nothing to lose.
  const typed = query.trim() !== ""
  useEffect(() => {
    markUnsaved(unsavedId, typed)
    return () => markUnsaved(unsavedId, false)
  }, [unsavedId, typed])
  const results = useDebouncedSearch<Product>(query, (q) => send("products/search", { query: q, limit: 8 }).then((r) => r.products), 60, (e) => setError(String(e)))
  const pick = (p: Product | null) => {
    const text = query.trim()
    if (!p && !text) return
    // The customer's price for one unit on the quote's date (special price, or catalog price and its discount)
    // is prefilled and kept on the line as its source; the note says which, the quantity may reprice it.
    onPick(p ? lineFromProduct(p, language, uuidv7(), priceFor(p, pricing, { date }), regime) : { ...emptyLine(uuidv7(), regime), label: text }, p ?? null)
    setQuery("")
    setActive(0)
    input.current?.focus()
  }
  const list = results ?? []
  return (
    <div className="c-quote-add">
      <input
        ref={input}
        className="c-search"
        data-comptoir="quote-line-add"
        role="combobox"
        aria-expanded={list.length > 0}
        aria-label={t("quotes.form.addLine")}
        placeholder={t("quotes.form.addLine")}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, list.length - 1))
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0))
          else if (e.key === "Escape") setQuery("")
          else if (e.key === "Enter") {
            e.preventDefault()
            pick(list[active] ?? null)
          } else return
          e.preventDefault()
        }}
      />
      {query.trim() && results ? (
        <ul role="listbox">
          {list.map((p, i) => (
            <li key={p.id}>
              <button type="button" role="option" aria-selected={i === active} data-comptoir="quote-product-option" data-ref={p.ref} onClick={() => pick(p)}>
                <span>
                  <strong>{p.ref}</strong> {language === "fr" ? p.nameFr : p.nameEn}
                </span>
                <span className="c-muted">{new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR" }).format(priceFor(p, pricing, { date }).unitPriceCents / 100)}</span>
              </button>
            </li>
          ))}
          {list.length === 0 ? <li className="c-empty" style={{ padding: "6px 9px" }}>{t("quotes.form.noProduct")}</li> : null}
        </ul>
      ) : null}
      {error ? <p className="c-error">{error}</p> : null}
    </div>
  )
}
