import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { checkSchedule, DUNNING_LEVELS, type DunningSchedule } from "~src/domain/documents/dunning"
import { halfYearText, legalInterestRateOn, penaltyFloorBp, readPaymentSettings, type LatePenalty } from "~src/domain/documents/late-penalty"
import { parseScaledDecimal } from "~src/domain/documents/money"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import { percentToInput } from "~src/domain/documents/quote-form"
import { RiskOverdueDaysSchema, SellerIdentitySchema, type Seller } from "~src/domain/documents/seller.schema"
import { send } from "~src/messaging/send"

type Field = "name" | "legalForm" | "siren" | "rcsCity" | "vatNumber" | "line" | "postalCode" | "city" | "country"
type PenaltyKind = LatePenalty["kind"]
const PENALTY_KINDS: readonly PenaltyKind[] = ["ecb-plus-10", "legal-rate-times-3", "fixed"]

/**
 * The team's seller identity, printed on every quote and invoice: a manager fills it once (options page), it
 * reaches the whole team by sync. Agents see it read-only. The team's reminder days and its overdue threshold
 * (customer risk) sit with it: the same row, the same managers.
 */
export function SellerSection() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language?.startsWith("fr") ? "fr" : "en"
  const [state, setState] = useState<{ seller: Seller | null; validityDays: number; mayEdit: boolean; riskOverdueDays: number } | null>(null)
  const [days, setDays] = useState<Record<keyof DunningSchedule, string> | null>(null)
  const [overdueDays, setOverdueDays] = useState("")
  const [form, setForm] = useState<Record<Field, string> & { capital: string; validity: string; penaltyKind: PenaltyKind; penaltyRate: string; discount: string }>()
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  useEffect(() => {
    void send("team/seller", {}).then((r) => {
      setState(r)
      setDays({ friendly: String(r.dunningSchedule.friendly), firm: String(r.dunningSchedule.firm), "formal-notice": String(r.dunningSchedule["formal-notice"]) })
      setOverdueDays(String(r.riskOverdueDays))
      const s = r.seller
      setForm({
        name: s?.name ?? "",
        legalForm: s?.legalForm ?? "",
        siren: s?.siren ?? "",
        rcsCity: s?.rcsCity ?? "",
        vatNumber: s?.vatNumber ?? "",
        line: s?.address.line ?? "",
        postalCode: s?.address.postalCode ?? "",
        city: s?.address.city ?? "",
        country: s?.address.country ?? "FR",
        capital: s?.shareCapitalCents != null ? String(s.shareCapitalCents / 100) : "",
        validity: String(r.validityDays),
        penaltyKind: s?.latePenalty.kind ?? "ecb-plus-10",
        penaltyRate: s?.latePenalty.kind === "fixed" ? percentToInput(s.latePenalty.rateBp, lang) : "",
        discount: s?.earlyPaymentDiscountBp ? percentToInput(s.earlyPaymentDiscountBp, lang) : ""
      })
    })
  }, [])
  if (!state || !form || !days) return null
  const today = todayInFrance()
  // The rule in words follows what the manager types, once it is a threshold the team could have.
  const typed = RiskOverdueDaysSchema.safeParse(Number(overdueDays))
  const shownThreshold = typed.success ? typed.data : state.riskOverdueDays
  const legal = legalInterestRateOn(today)
  const pct = (bp: number) => new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "percent", maximumFractionDigits: 2 }).format(bp / 10_000)
  const fieldProblem = (path: readonly PropertyKey[], fallback: string): string => {
    const field = String(path[0] === "address" ? path[1] : path[0])
    return i18n.exists(`quotes.seller.errors.fields.${field}`) ? t(`quotes.seller.errors.fields.${field}`) : fallback
  }
  const save = async () => {
    const schedule = { friendly: Number(days.friendly), firm: Number(days.firm), "formal-notice": Number(days["formal-notice"]) }
    // checkSchedule's own words are the server's and the logs' (English): the user gets them in their language.
    const wrongDays = Object.values(schedule).some((d) => !Number.isInteger(d) || d < 1 || d > 365) ? t("quotes.seller.errors.daysRange") : checkSchedule(schedule) ? t("quotes.seller.errors.daysOrder") : null
    if (wrongDays) return setMessage({ ok: false, text: wrongDays })
    const threshold = RiskOverdueDaysSchema.safeParse(overdueDays.trim() === "" ? Number.NaN : Number(overdueDays))
    if (!threshold.success) return setMessage({ ok: false, text: t("quotes.seller.errors.riskOverdueDays") })
    const payment = readPaymentSettings(form, today)
    if (!payment.ok) return setMessage({ ok: false, text: t(`quotes.seller.errors.${payment.error}`, { floor: pct(payment.floorBp), period: halfYearText(legal.from, lang) }) })
    const capital = form.capital.trim() === "" ? null : parseScaledDecimal(form.capital, 2)
    const parsed = SellerIdentitySchema.safeParse({
      ...(state.seller ?? {}),
      name: form.name.trim(),
      legalForm: form.legalForm.trim(),
      siren: form.siren.replace(/\s/g, ""),
      rcsCity: form.rcsCity.trim(),
      vatNumber: form.vatNumber.replace(/\s/g, "").toUpperCase(),
      shareCapitalCents: capital,
      latePenalty: payment.latePenalty,
      earlyPaymentDiscountBp: payment.earlyPaymentDiscountBp,
      address: { line: form.line.trim(), postalCode: form.postalCode.trim(), city: form.city.trim(), country: form.country.trim().toUpperCase() }
    })
    // The schema's own words are the server's and the logs' (English): each field's problem in the user's language.
    if (!parsed.success) return setMessage({ ok: false, text: parsed.error.issues.map((i) => fieldProblem(i.path, i.message)).join(" ") })
    const r = await send("team/seller-save", { seller: parsed.data, validityDays: Number(form.validity) || 30, dunningSchedule: schedule, riskOverdueDays: threshold.data })
    setMessage(r.ok ? { ok: true, text: t("quotes.seller.saved") } : { ok: false, text: r.error ?? "" })
  }
  const input = (field: Field | "capital" | "validity", label: string) => (
    <label key={field} style={{ display: "flex", flexDirection: "column", gap: 2 }}>
      {label}
      <input value={form[field]} disabled={!state.mayEdit} data-comptoir={`seller-${field}`} onChange={(e) => setForm({ ...form, [field]: e.target.value })} />
    </label>
  )
  return (
    <div data-comptoir="seller-identity">
      {state.mayEdit ? null : <p className="c-muted">{t("quotes.seller.readOnly")}</p>}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))", gap: 8 }}>
        {input("name", t("quotes.seller.name"))}
        {input("legalForm", t("quotes.seller.legalForm"))}
        {input("capital", t("quotes.seller.shareCapital"))}
        {input("siren", t("quotes.seller.siren"))}
        {input("rcsCity", t("quotes.seller.rcsCity"))}
        {input("vatNumber", t("quotes.seller.vatNumber"))}
        {input("line", t("quotes.seller.addressLine"))}
        {input("postalCode", t("quotes.seller.postalCode"))}
        {input("city", t("quotes.seller.city"))}
        {input("country", t("quotes.seller.country"))}
        {input("validity", t("quotes.seller.validityDays"))}
      </div>
      <fieldset data-comptoir="payment-mentions" style={{ marginTop: 8 }}>
        <legend>{t("quotes.seller.penaltyTitle")}</legend>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}>
          <label style={{ display: "flex", flexDirection: "column", gap: 2 }}>
            {t("quotes.seller.penaltyKind")}
            <select value={form.penaltyKind} disabled={!state.mayEdit} data-comptoir="seller-penalty-kind" onChange={(e) => setForm({ ...form, penaltyKind: e.target.value as PenaltyKind })}>
              {PENALTY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`quotes.seller.penalty.${k}`, { floor: pct(penaltyFloorBp(today)) })}
                </option>
              ))}
            </select>
          </label>
          {form.penaltyKind === "fixed" ? (
            <label style={{ display: "flex", flexDirection: "column", gap: 2 }}>
              {t("quotes.seller.penaltyRate")}
              <input inputMode="decimal" value={form.penaltyRate} disabled={!state.mayEdit} data-comptoir="seller-penalty-rate" onChange={(e) => setForm({ ...form, penaltyRate: e.target.value })} />
            </label>
          ) : null}
          <label style={{ display: "flex", flexDirection: "column", gap: 2 }}>
            {t("quotes.seller.discount")}
            <input inputMode="decimal" value={form.discount} disabled={!state.mayEdit} data-comptoir="seller-discount" onChange={(e) => setForm({ ...form, discount: e.target.value })} />
          </label>
        </div>
        <p className="c-muted" style={{ fontSize: 11 }}>
          {t("quotes.seller.penaltyHelp", { floor: pct(3 * legal.rateBp), rate: pct(legal.rateBp), period: halfYearText(legal.from, lang) })}
          {legal.current ? "" : ` ${t("quotes.seller.penaltyTableOld")}`}
        </p>
      </fieldset>
      <fieldset data-comptoir="dunning-days" style={{ marginTop: 8 }}>
        <legend>{t("quotes.seller.dunningTitle")}</legend>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          {DUNNING_LEVELS.map((l) => (
            <label key={l} style={{ display: "flex", flexDirection: "column", gap: 2 }}>
              {t(`quotes.seller.dunning.${l}`)}
              <input type="number" min={1} max={365} value={days[l]} disabled={!state.mayEdit} data-comptoir={`dunning-days-${l}`} onChange={(e) => setDays({ ...days, [l]: e.target.value })} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset data-comptoir="risk-settings" style={{ marginTop: 8 }}>
        <legend>{t("quotes.seller.riskTitle")}</legend>
        <label style={{ display: "flex", flexDirection: "column", gap: 2, maxWidth: 420 }}>
          {t("quotes.seller.riskOverdueDays")}
          <input type="number" min={1} max={365} value={overdueDays} disabled={!state.mayEdit} data-comptoir="risk-overdue-days" onChange={(e) => setOverdueDays(e.target.value)} style={{ maxWidth: 120 }} />
        </label>
        <p className="c-muted" style={{ fontSize: 11 }} data-comptoir="risk-overdue-help">
          {t("quotes.seller.riskHelp", { count: shownThreshold })}
        </p>
      </fieldset>
      {state.mayEdit ? (
        <button type="button" className="c-button" style={{ marginTop: 8 }} data-comptoir="seller-save" onClick={() => void save()}>
          {t("quotes.seller.save")}
        </button>
      ) : null}
      {message ? (
        <p className={message.ok ? "c-ok" : "c-error"} data-comptoir="seller-message">
          {message.text}
        </p>
      ) : null}
    </div>
  )
}
