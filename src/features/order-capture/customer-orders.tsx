import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Order } from "~src/domain/documents/document.schema"
import { formatCents } from "~src/domain/documents/money"
import { capturedMailOf } from "~src/domain/documents/timeline"
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
            <CapturedFrom order={o} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * The mail an order came from, said in the agent's language: the notes' first line is written in the customer's and
 * ends with the webmail's own message id ("roundcube:2"), which is for the link to the mail, not for reading.
 */
function CapturedFrom({ order }: { order: Order }) {
  const { t } = useTranslation()
  const mail = capturedMailOf(order)
  if (mail === null) return null
  // A first line this version did not write (edited, or older): shown as it is rather than lost.
  if (mail.subject === "" && mail.from === "") return <div className="c-muted">{order.notes.split("\n")[0]}</div>
  return <div className="c-muted">{t("orderCapture.orders.fromMail", { subject: mail.subject, from: mail.from })}</div>
}
