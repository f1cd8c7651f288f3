import type { RiskView } from "~src/messaging/contract"

type Translate = (key: string, options?: Record<string, unknown>) => string

/** Each reason of a risk level in the agent's words ("Over the credit limit: 12,400 € owed for 10,000 €"). */
export function riskReasonsText(risk: RiskView, t: Translate, locale: string): string[] {
  const money = (cents: number | undefined) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format((cents ?? 0) / 100)
  return risk.reasons.map((r) => {
    switch (r.code) {
      case "over-limit":
        return t("risk.reasons.overLimit", { outstanding: money(r.outstandingCents), limit: money(r.limitCents) })
      case "near-limit":
        return t("risk.reasons.nearLimit", { outstanding: money(r.outstandingCents), limit: money(r.limitCents) })
      case "overdue-beyond-threshold":
        // The team's threshold (a manager sets it), said as the rule it is: "invoices overdue more than 45 days".
        return t("risk.reasons.overdueBeyond", { amount: money(r.overdueCents), count: r.days ?? 0, threshold: t("risk.reasons.thresholdDays", { count: r.thresholdDays ?? 0 }) })
      case "overdue":
        return t("risk.reasons.overdue", { amount: money(r.overdueCents), count: r.days ?? 0 })
      case "late-payer":
        return t("risk.reasons.latePayer", { count: Math.round(r.averageDaysLate ?? 0) })
      case "no-limit":
        return t("risk.reasons.noLimit")
      case "customer-credit":
        return t("risk.reasons.customerCredit", { amount: money(r.creditCents) })
    }
  })
}

const LEVELS = new Set(["ok", "watch", "blocked"])

/** The shape the card reads, checked by hand: the card also runs in content scripts, which carry no zod. */
export function isRiskView(v: unknown): v is RiskView {
  if (typeof v !== "object" || v === null) return false
  const r = v as Record<string, unknown>
  return typeof r.level === "string" && LEVELS.has(r.level) && Array.isArray(r.reasons) && r.reasons.every((x) => typeof x === "object" && x !== null && typeof (x as { code?: unknown }).code === "string")
}
