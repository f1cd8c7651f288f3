import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { prefillLinesOf, type Quote } from "~src/domain/documents/quote-form"
import { parseRoute } from "~src/features/workspace/route"
import { send } from "~src/messaging/send"
import { formatDay, uiLang } from "~src/ui/dates"

import { QuoteEditor } from "./quote-form"

/**
 * The workspace's "quotes" section: `#/quotes` lists the latest quotes, `#/quotes/new?customer=<id>` starts one
 * for a customer (the card's "New quote"; `&line=REF|qty|unit`, repeated, prefills lines: a captured order's
 * "Make a quote instead"), `#/quotes/<id>` opens one.
 */
export function QuotesSection({ path }: { path: string[] }) {
  const [id = ""] = path
  // The section gets the path; the query (`?customer=`) is read from the same hash the workspace routed on.
  const params = parseRoute(location.hash).query
  if (id === "new") return <QuoteEditor key={params.toString()} quoteId={null} customerId={params.get("customer")} contactId={params.get("contact")} callId={params.get("call")} prefill={prefillLinesOf(params)} />
  if (id) return <QuoteEditor key={id} quoteId={id} customerId={null} contactId={null} callId={null} />
  return <QuoteList />
}

function QuoteList() {
  const { t, i18n } = useTranslation()
  const [rows, setRows] = useState<{ quote: Quote; company: string }[] | null>(null)
  useEffect(() => {
    void send("quotes/list", { limit: 200 }).then((r) => setRows(r.quotes as { quote: Quote; company: string }[]))
  }, [])
  if (!rows) return <p className="c-empty">{t("quotes.form.loading")}</p>
  if (!rows.length) return <p className="c-empty">{t("quotes.list.empty")}</p>
  const money = (cents: number) => new Intl.NumberFormat(i18n.language, { style: "currency", currency: "EUR" }).format(cents / 100)
  return (
    <div className="c-quote">
      <h1>{t("quotes.list.title")}</h1>
      <table className="c-quote-lines" data-comptoir="quote-list">
        <thead>
          <tr>
            <th>{t("quotes.list.number")}</th>
            <th>{t("quotes.list.customer")}</th>
            <th>{t("quotes.list.date")}</th>
            <th className="c-num">{t("quotes.list.total")}</th>
            <th>{t("quotes.list.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ quote, company }) => (
            <tr key={quote.id}>
              <td>
                <a href={`#/quotes/${quote.id}`}>{quote.number ?? t("quotes.status.notNumbered")}</a>
              </td>
              <td>{company}</td>
              <td>{formatDay(quote.date, uiLang(i18n.language))}</td>
              <td className="c-num">{money(quote.totalInclVatCents)}</td>
              <td>{t(`quotes.status.${quote.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
