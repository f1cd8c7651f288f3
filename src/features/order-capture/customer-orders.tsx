import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Order } from "~src/domain/documents/document.schema"
import { formatCents } from "~src/domain/documents/money"
import { send } from "~src/messaging/send"
import { formatDay } from "~src/ui/dates"

/**
 * A customer's orders on this device, newest first, those captured from a mail with its subject (their part of
 * the customer's timeline until the documents block lists them).
 */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith("fr") ? "fr" : "en"
  const [orders, setOrders] = useState<Order[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    send("orders/by-customer", { customerId }).then(
      (r) => setOrders(r.orders),
      (e: unknown) => setError(String(e))
    )
  }, [customerId])
  if (error !== null) return <p className="c-error">{error}</p>
  if (orders === null) return null
  return (
    <section data-comptoir="customer-orders">
      <h2 className="c-section-title">{t("orderCapture.orders.title")}</h2>
      {orders.length === 0 ? <p className="c-empty">{t("orderCapture.orders.none")}</p> : null}
      <ul className="c-order-list">
        {orders.map((o) => (
          <li key={o.id} data-order-id={o.id} data-source={o.sourceId ?? ""}>
            <strong>{o.number ?? t("orderCapture.orders.draft")}</strong> · {formatDay(o.date, language)}
            {o.customerPoNumber ? ` · ${t("orderCapture.orders.po", { po: o.customerPoNumber })}` : ""} · {formatCents(o.totalInclVatCents, language)} ·{" "}
            {t("orderCapture.orders.lines", { count: o.lines.length })}
            {o.sourceId?.startsWith("mail:") ? <div className="c-muted">{o.notes.split("\n")[0]}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
