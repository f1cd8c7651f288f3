import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { formatCents } from "~src/domain/documents/money"
import type { DocumentRowView } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { DateInput } from "~src/ui/date-input"
import { formatDay } from "~src/ui/dates"

import { statusText } from "./status-text"

export type ListKind = "quotes" | "orders" | "invoices"

/** The one document type a list shows, for its status words (the invoices list shows credit notes too). */
const LIST_TYPE: Record<ListKind, string | undefined> = { quotes: "quote", orders: "order", invoices: undefined }

const STATUSES: Record<ListKind, string[]> = {
  quotes: ["draft", "sent", "accepted", "refused", "expired", "cancelled"],
  orders: ["draft", "confirmed", "invoiced", "cancelled"],
  invoices: ["draft", "issued", "unpaid", "paid", "credited"]
}

export interface ListFilters {
  status: string
  customerId: string
  from: string
  to: string
  overdue: boolean
  query: string
}

const EMPTY: ListFilters = { status: "", customerId: "", from: "", to: "", overdue: false, query: "" }

/** `#/<section>/customer/<id>` (the card's links) opens the list filtered on that customer. */
export function filtersFromPath(path: string[]): ListFilters {
  return path[0] === "customer" && path[1] ? { ...EMPTY, customerId: path[1] } : EMPTY
}

/** A workspace list: filters on top, rows that open the document. */
export function DocumentList({ kind, initial }: { kind: ListKind; initial: ListFilters }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "en" ? "en" : "fr"
  const [f, setF] = useState<ListFilters>(initial)
  const [rows, setRows] = useState<DocumentRowView[] | null>(null)
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      send("documents/list", {
        kind,
        ...(f.status ? { status: f.status } : {}),
        ...(f.customerId ? { customerId: f.customerId } : {}),
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
        overdue: f.overdue,
        query: f.query
      })
        .then((r) => {
          if (!live) return
          setRows(r.rows)
          setTotal(r.total)
          setError(null)
        })
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
    }, 120)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [kind, f])

  const customerName = f.customerId ? rows?.find((r) => r.customerId === f.customerId)?.customerName : null
  return (
    <section className="c-docs" data-comptoir={`documents-list-${kind}`}>
      <h1>{t(`invoicing.list.title.${kind}`)}</h1>
      <div className="c-docs-filters">
        <input className="c-search" type="search" placeholder={t("invoicing.list.search")} aria-label={t("invoicing.list.search")} value={f.query} data-comptoir="documents-search" onChange={(e) => setF({ ...f, query: e.target.value })} />
        <label>
          {t("invoicing.list.status")}
          <select value={f.status} data-comptoir="documents-status" onChange={(e) => setF({ ...f, status: e.target.value })}>
            <option value="">{t("invoicing.list.any")}</option>
            {STATUSES[kind].map((s) => (
              <option key={s} value={s}>
                {statusText(t, s, LIST_TYPE[kind])}
              </option>
            ))}
          </select>
        </label>
        <div className="c-date-field">
          <label htmlFor={`c-docs-${kind}-from`}>{t("invoicing.list.from")}</label>
          <DateInput id={`c-docs-${kind}-from`} data-comptoir="documents-from" value={f.from} day={f.from} onChange={(e) => setF({ ...f, from: e.target.value })} />
        </div>
        <div className="c-date-field">
          <label htmlFor={`c-docs-${kind}-to`}>{t("invoicing.list.to")}</label>
          <DateInput id={`c-docs-${kind}-to`} data-comptoir="documents-to" value={f.to} day={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} />
        </div>
        {kind === "invoices" ? (
          <label>
            <input type="checkbox" checked={f.overdue} data-comptoir="documents-overdue" onChange={(e) => setF({ ...f, overdue: e.target.checked })} /> {t("invoicing.list.overdueOnly")}
          </label>
        ) : null}
        {f.customerId ? (
          <span className="c-chip c-chip-match">
            {t("invoicing.list.customer", { name: customerName ?? f.customerId })}{" "}
            <button type="button" className="c-linkish" aria-label={t("invoicing.list.clearCustomer")} onClick={() => setF({ ...f, customerId: "" })}>
              ×
            </button>
          </span>
        ) : null}
      </div>
      {error ? <p className="c-error">{error}</p> : null}
      {rows === null ? (
        <p className="c-muted">{t("invoicing.list.loading")}</p>
      ) : rows.length === 0 ? (
        <p className="c-empty">{t("invoicing.list.empty")}</p>
      ) : (
        <>
          <p className="c-muted">{t("invoicing.list.count", { count: total, shown: rows.length })}</p>
          <table className="c-table c-docs-table">
            <thead>
              <tr>
                <th>{t("invoicing.list.number")}</th>
                <th>{t("invoicing.list.customerColumn")}</th>
                <th>{t("invoicing.list.date")}</th>
                {kind === "orders" ? null : <th>{kind === "quotes" ? t("invoicing.list.validUntil") : t("invoicing.list.due")}</th>}
                <th>{t("invoicing.list.status")}</th>
                <th className="c-num">{t("invoicing.list.total")}</th>
                {kind === "invoices" ? <th className="c-num">{t("invoicing.list.remaining")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="c-docs-row" data-comptoir="document-row" data-id={r.id} data-number={r.number ?? ""} tabIndex={0} onClick={() => (window.location.hash = `#/${kind}/${r.id}`)} onKeyDown={(e) => e.key === "Enter" && (window.location.hash = `#/${kind}/${r.id}`)}>
                  <td className="c-nowrap">
                    {r.type === "credit-note" ? <span className="c-chip">{t("invoicing.type.credit-note")}</span> : null}
                    {r.number ?? <span className="c-muted">{t(`invoicing.view.unnumbered.${r.type}`)}</span>}
                  </td>
                  <td>
                    {r.customerName} <span className="c-muted">{r.customerCode}</span>
                  </td>
                  <td className="c-nowrap">{formatDay(r.date, lang)}</td>
                  {kind === "orders" ? null : <td className="c-nowrap">{formatDay(r.dueDate, lang)}</td>}
                  <td>
                    <StatusChip row={r} />
                  </td>
                  <td className="c-num">{formatCents(r.totalInclVatCents, lang)}</td>
                  {kind === "invoices" ? <td className="c-num">{r.remainingCents === null ? "" : formatCents(r.remainingCents, lang)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

export function StatusChip({ row }: { row: Pick<DocumentRowView, "type" | "status" | "paymentState" | "daysOverdue"> }) {
  const { t } = useTranslation()
  return (
    <>
      <span className={`c-chip c-status-${row.status}`} data-status={row.status}>
        {statusText(t, row.status, row.type)}
      </span>
      {row.paymentState ? (
        <span className={`c-chip c-pay-${row.paymentState}`} data-payment={row.paymentState}>
          {t(`invoicing.payment.${row.paymentState}`)}
        </span>
      ) : null}
      {row.daysOverdue > 0 ? <span className="c-chip c-overdue">{t("invoicing.list.daysOverdue", { count: row.daysOverdue })}</span> : null}
    </>
  )
}
