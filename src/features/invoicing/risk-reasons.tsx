import { useTranslation } from "react-i18next"

import { formatCents } from "~src/domain/documents/money"

export interface RiskReasonLike {
  code: string
  outstandingCents?: number | undefined
  limitCents?: number | undefined
  overdueCents?: number | undefined
  days?: number | undefined
  thresholdDays?: number | undefined
  averageDaysLate?: number | undefined
  creditCents?: number | undefined
}

/** A customer's risk reasons in the agent's language, amounts in full. */
export function RiskReasons({ reasons }: { reasons: readonly RiskReasonLike[] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "en" ? "en" : "fr"
  const money = (c: number | undefined) => formatCents(c ?? 0, lang)
  if (reasons.length === 0) return <p className="c-muted">{t("invoicing.risk.ok")}</p>
  return (
    <ul className="c-risk-reasons" data-comptoir="risk-reasons">
      {reasons.map((r, i) => (
        <li key={i} data-code={r.code}>
          {t(`invoicing.risk.reason.${r.code}`, {
            outstanding: money(r.outstandingCents),
            limit: money(r.limitCents),
            credit: money(r.creditCents),
            overdue: money(r.overdueCents),
            days: r.days ?? 0,
            // "1 jour de retard", not "1 jours": only the overdue reasons have a singular.
            ...(r.code.startsWith("overdue") ? { count: r.days ?? 0 } : {}),
            threshold: t("risk.reasons.thresholdDays", { count: r.thresholdDays ?? 0 }),
            // Whole days, as the card rounds them: "33.5" printed as is, with its English point in French.
            average: Math.round(r.averageDaysLate ?? 0)
          })}
        </li>
      ))}
    </ul>
  )
}

/**
 * Said to an agent whose order's confirmation needs an override: whom to ask, by name (the team's active managers and
 * admins, `GET /team/members`), or only that a manager can when the names are not known (offline, no server).
 */
export function AskManager({ overriders = [] }: { overriders?: readonly { email: string; name: string }[] | undefined }) {
  const { t, i18n } = useTranslation()
  const names = overriders.map((o) => o.name)
  return (
    <p className="c-muted" data-comptoir="override-ask-manager" title={overriders.map((o) => o.email).join(", ") || undefined}>
      {names.length ? t("invoicing.risk.askNamed", { names: new Intl.ListFormat(i18n.language === "en" ? "en-GB" : "fr-FR", { type: "disjunction" }).format(names) }) : t("invoicing.risk.askManager")}
    </p>
  )
}
