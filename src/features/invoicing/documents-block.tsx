import { useEffect, useState } from "react"

import { formatCents } from "~src/domain/documents/money"
import { useDocumentsGeneration } from "~src/ui/use-documents-generation"

import { documentsSummary, type DocumentsSummary as Summary } from "./documents-summary"
import { openDocuments } from "./open-documents"
type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * The card's documents block: open quotes, orders, unpaid and overdue invoices, counted and summed, each a link
 * to the workspace list of this customer. Fetched when the card opens (a message to the background: the card
 * also runs in content scripts, which never open the extension's database, and load no zod: the background
 * validated the reply), and again when a document or payment was written (a quote sent from this card, a payment
 * recorded in the workspace), keeping the figures shown until the new ones come. `enabled` false: not asked yet (the dock's caller card while an outgoing call is being set
 * up), the block shows as loading.
 */
export function DocumentsBlock({ customerId, t, locale, enabled = true }: { customerId: string; t: Translate; locale: string; enabled?: boolean }) {
  const [s, setS] = useState<Summary | null>(null)
  const [failed, setFailed] = useState(false)
  const generation = useDocumentsGeneration()
  useEffect(() => {
    if (!enabled) return
    let live = true
    documentsSummary(customerId).then(
      (r) => live && setS(r),
      () => live && setFailed(true)
    )
    return () => {
      live = false
    }
  }, [customerId, enabled, generation])
  if (failed) return null
  const lang = locale.startsWith("en") ? "en" : "fr"
  const item = (key: "openQuotes" | "openOrders" | "unpaidInvoices" | "overdueInvoices", section: string, extra = "") => {
    const v = s?.[key]
    return (
      <li key={key} data-comptoir={`card-documents-${key}`} data-count={v?.count ?? ""} data-cents={v?.cents ?? ""} className={key === "overdueInvoices" && v && v.count > 0 ? "c-error" : undefined}>
        <button
          type="button"
          className="c-linkish"
          onClick={(e) => {
            e.stopPropagation()
            void openDocuments(`${section}/customer/${customerId}`)
          }}>
          {t(`invoicing.card.${key}`, { count: v?.count ?? 0 })}
        </button>{" "}
        {v && v.count > 0 ? <span>{formatCents(v.cents, lang)}{extra}</span> : null}
      </li>
    )
  }
  return (
    <section className="c-card-documents" data-comptoir="card-documents" aria-busy={s === null}>
      <div className="c-section-title">{t("invoicing.card.title")}</div>
      {s === null ? (
        <span className="c-muted">…</span>
      ) : (
        <ul>
          {item("openQuotes", "quotes")}
          {item("openOrders", "orders")}
          {item("unpaidInvoices", "invoices")}
          {item("overdueInvoices", "dunning", s.overdueInvoices.maxDays ? ` · ${t("invoicing.list.daysOverdue", { count: s.overdueInvoices.maxDays })}` : "")}
        </ul>
      )}
    </section>
  )
}
