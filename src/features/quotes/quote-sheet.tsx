import type { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { formatPercent, formatQuantity } from "~src/domain/documents/document-text"
import type { Quote } from "~src/domain/documents/document.schema"
import { formatCents } from "~src/domain/documents/money"
import type { DocumentTotals } from "~src/domain/documents/totals"
import { computeTotals, lineNetCents } from "~src/domain/documents/totals"
import { unitFor } from "~src/domain/documents/unit-words"
import { formatDay, type UiLang } from "~src/ui/dates"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * The quote's totals, the same hooks (`total-excl-vat`, `total-vat`, `total-incl-vat` with `data-cents`, one
 * `total-vat-rate` per rate) whether the quote is being written or already sent.
 */
export function QuoteTotals({
  totals,
  money,
  t,
  lang
}: {
  totals: DocumentTotals
  money: (cents: number) => string
  t: Translate
  /** The quote's language: its rates written as its PDF writes them ("5,5 %" in French, "5.5%" in English). */
  lang: UiLang
}) {
  return (
    <table className="c-quote-totals" data-comptoir="quote-totals">
      <tbody>
        <tr>
          <td>{t("quotes.form.totalExclVat")}</td>
          <td data-comptoir="total-excl-vat" data-cents={totals.totalExclVatCents}>
            {money(totals.totalExclVatCents)}
          </td>
        </tr>
        {totals.vatByRate.map((v) => (
          <tr key={v.vatRateBp}>
            <td>
              {t("quotes.form.vatAt", { rate: formatPercent(v.vatRateBp, lang) })}
            </td>
            <td data-comptoir="total-vat-rate" data-rate-bp={v.vatRateBp} data-base-cents={v.baseCents} data-cents={v.vatCents}>
              {money(v.vatCents)}
            </td>
          </tr>
        ))}
        <tr>
          <td>{t("quotes.form.vatTotal")}</td>
          <td data-comptoir="total-vat" data-cents={totals.totalVatCents}>
            {money(totals.totalVatCents)}
          </td>
        </tr>
        <tr className="c-strong">
          <td>{t("quotes.form.totalInclVat")}</td>
          <td data-comptoir="total-incl-vat" data-cents={totals.totalInclVatCents}>
            {money(totals.totalInclVatCents)}
          </td>
        </tr>
      </tbody>
    </table>
  )
}

/**
 * A quote once sent, read as the document it now is (it is never edited again: a change is a new quote): its
 * facts, lines and totals as text, laid out like an order's or an invoice's page, where greyed-out inputs looked
 * like a form that had stopped working. Numbers in the agent's language; each line's description and unit in the
 * quote's, as its PDF prints them.
 */
export function QuoteSheet({
  quote,
  customer,
  lang,
  t
}: {
  quote: Quote
  customer: Customer
  lang: UiLang
  t: Translate
}) {
  const money = (c: number) => formatCents(c, lang)
  const contact = customer.contacts.find((c) => c.id === quote.contactId)
  const terms = quote.paymentTerms
  return (
    <div className="c-quote-sheet" data-comptoir="quote-sheet">
      <dl className="c-doc-facts">
        <dt>{t("quotes.form.contact")}</dt>
        <dd>{contact ? `${contact.firstName} ${contact.lastName}`.trim() || contact.emails[0] : t("quotes.form.noContact")}</dd>
        <dt>{t("quotes.form.language")}</dt>
        <dd>{t(`card.language.${quote.language}`)}</dd>
        {quote.salesRep ? (
          <>
            <dt>{t("quotes.form.salesRep")}</dt>
            <dd>{quote.salesRep}</dd>
          </>
        ) : null}
        <dt>{t("quotes.form.validUntil")}</dt>
        <dd data-comptoir="quote-valid-until">{formatDay(quote.validUntil, lang)}</dd>
        <dt>{t("quotes.form.terms")}</dt>
        <dd>
          {terms.kind === "on-receipt" ? t("quotes.form.termsOnReceipt") : t(`quotes.sheet.terms.${terms.kind}`, { count: terms.days })}
        </dd>
        {quote.notes.trim() ? (
          <>
            <dt>{t("quotes.form.notes")}</dt>
            <dd className="c-doc-notes">{quote.notes}</dd>
          </>
        ) : null}
      </dl>
      <div className="c-quote-lines-scroll">
        <table className="c-table c-quote-lines">
          <thead>
            <tr>
              <th>{t("quotes.form.ref")}</th>
              <th>{t("quotes.form.label")}</th>
              <th className="c-num">{t("quotes.form.quantity")}</th>
              <th className="c-num">{t("invoicing.view.unitPrice")}</th>
              <th className="c-num">{t("invoicing.view.discount")}</th>
              <th className="c-num">{t("invoicing.view.vat")}</th>
              <th className="c-num">{t("quotes.form.lineTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {quote.lines.map((l) => (
              <tr key={l.id} data-comptoir="quote-line">
                <td>{l.ref}</td>
                <td>{l.label}</td>
                <td className="c-num" data-comptoir="line-quantity">
                  {formatQuantity(l.quantityMilli, lang)} {unitFor(l.unit, l.quantityMilli, quote.language)}
                </td>
                <td className="c-num">{money(l.unitPriceCents)}</td>
                <td className="c-num">{l.discountBp ? formatPercent(l.discountBp, lang) : ""}</td>
                <td className="c-num">{formatPercent(l.vatRateBp, lang)}</td>
                <td className="c-num" data-comptoir="quote-line-total" data-cents={lineNetCents(l)}>
                  {money(lineNetCents(l))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="c-quote-bottom">
        <span style={{ flex: 1 }} />
        <QuoteTotals totals={computeTotals(quote.lines)} money={money} t={t} lang={lang} />
      </div>
    </div>
  )
}
