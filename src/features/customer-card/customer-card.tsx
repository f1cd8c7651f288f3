import { useTranslation } from "react-i18next"

import type { Customer, MatchKind } from "~src/domain/customers/customer.schema"

import { formatMoney, formatPhone } from "./format"

export interface CustomerCardProps {
  customer: Customer
  matchedBy?: MatchKind
  matchedValues?: string[]
  highlight?: boolean
  agentCountry: string
  onOpen?: (customer: Customer) => void
}

/** The customer card: everything shows as text (React escapes), never as HTML. */
export function CustomerCard({ customer: c, matchedBy, matchedValues, highlight, agentCountry, onOpen }: CustomerCardProps) {
  const { t, i18n } = useTranslation()
  const city = c.addresses[0]?.city ?? ""
  const matched = new Set(matchedValues ?? [])
  return (
    <article
      className="c-card"
      data-comptoir="customer-card"
      data-customer-code={c.code}
      data-highlight={highlight ? "true" : "false"}
      onClick={onOpen ? () => onOpen(c) : undefined}>
      <div className="c-card-head">
        <span className="c-card-company">{c.company}</span>
        <span className="c-card-code">{c.code}</span>
        {matchedBy ? <span className="c-chip c-chip-match">{t(`card.match.${matchedBy}`)}</span> : null}
      </div>
      <div className="c-muted">
        {[city, c.country].filter(Boolean).join(" · ")} · {t(`card.language.${c.language}`)}
      </div>
      {c.tags.length > 0 ? (
        <div>
          {c.tags.map((tag) => (
            <span className="c-chip" key={tag}>
              {tag}
            </span>
          ))}
        </div>
      ) : null}
      <dl>
        <dt>{t("card.fields.creditLimit")}</dt>
        <dd>{c.creditLimitCents === null ? t("card.fields.noLimit") : formatMoney(c.creditLimitCents, i18n.language)}</dd>
        <dt>{t("card.fields.paymentTerms")}</dt>
        <dd>
          {c.paymentTermsDays === null
            ? t("card.fields.notSet")
            : c.paymentTermsDays === 0
              ? t("card.fields.cash")
              : t("card.fields.days", { count: c.paymentTermsDays })}
        </dd>
        {c.salesRep ? (
          <>
            <dt>{t("card.fields.salesRep")}</dt>
            <dd>{c.salesRep}</dd>
          </>
        ) : null}
      </dl>
      <ul className="c-contacts" aria-label={t("card.contacts.title")}>
        {c.contacts.map((p) => (
          <li key={p.id}>
            <div>
              <strong>{`${p.firstName} ${p.lastName}`.trim() || t("card.contacts.unnamed")}</strong>
              {p.role ? <span className="c-muted"> · {p.role}</span> : null}
            </div>
            <div>
              {p.phones.map((ph) => (
                <a key={ph} href={`tel:${ph}`} data-phone={ph} className={matched.has(ph) ? "c-matched" : undefined}>
                  {formatPhone(ph, agentCountry)}
                </a>
              ))}
              {p.emails.map((e) => (
                <a key={e} href={`mailto:${e}`} className={matched.has(e) ? "c-matched" : undefined}>
                  {e}
                </a>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </article>
  )
}
