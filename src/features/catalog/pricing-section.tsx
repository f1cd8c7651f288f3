import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { catalogCategories, pricingFromValues, ruleStatus, valuesFromPricing, type CustomerPricing, type PricingFormErrors, type PricingFormValues, type RuleConditionValues } from "~src/domain/catalog/pricing"
import { isActive } from "~src/domain/catalog/product-form"
import type { Customer } from "~src/domain/customers/customer.schema"
import { formatPercent } from "~src/domain/documents/document-text"
import { formatCents } from "~src/domain/documents/money"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import { routeHash } from "~src/features/workspace/route"
import { send } from "~src/messaging/send"
import { DateInput } from "~src/ui/date-input"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"

import { useCatalog } from "./use-catalog"

type Translate = ReturnType<typeof useTranslation>["t"]

/** `#/catalog/prices`: the customers with prices of their own; `#/catalog/prices/<customerId>`: one customer's. */
export function PricingSection({ path }: { path: string[] }) {
  const { t } = useTranslation()
  return path[0] ? <CustomerPricingEditor key={path[0]} customerId={path[0]} t={t} /> : <PricingList t={t} />
}

function PricingList({ t }: { t: Translate }) {
  const { i18n } = useTranslation()
  const lang = i18n.language === "fr" ? "fr" : "en"
  const [entries, setEntries] = useState<{ pricing: CustomerPricing; company: string; code: string }[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState("")
  const search = useCallback((q: string) => send("search/query", { query: q, limit: 8 }).then((r) => r.customers), [])
  const found = useDebouncedSearch(query, search, 120, (e) => setError(String(e)))
  useEffect(() => {
    send("pricing/list", {}).then((r) => setEntries(r.entries.sort((a, b) => a.company.localeCompare(b.company))), (e: unknown) => setError(String(e)))
  }, [])
  if (error) return <p className="c-error">{error}</p>
  return (
    <>
      <p className="c-muted">{t("catalog.prices.intro")}</p>
      <input className="c-search" type="search" data-comptoir="pricing-customer-search" placeholder={t("catalog.prices.pick")} aria-label={t("catalog.prices.pick")} value={query} maxLength={200} onChange={(e) => setQuery(e.target.value)} style={{ maxWidth: 420 }} />
      {query.trim() && found ? (
        <ul className="c-list" data-comptoir="pricing-customer-results">
          {found.map((c) => (
            <li key={c.id}>
              <a href={routeHash(`catalog/prices/${encodeURIComponent(c.id)}`)} data-comptoir="pricing-customer-option">
                {c.company} · {c.code}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t("catalog.prices.withPrices")}</h2>
      {entries === null ? <p className="c-muted">{t("catalog.list.loading")}</p> : null}
      {entries?.length === 0 ? <p className="c-empty">{t("catalog.prices.none")}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="c-table" data-comptoir="pricing-list">
          <thead>
            <tr>
              <th>{t("catalog.prices.customer")}</th>
              <th className="c-num">{t("catalog.prices.discount")}</th>
              <th className="c-num">{t("catalog.prices.specialCount")}</th>
              <th className="c-num">{t("catalog.prices.discountCount")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.pricing.id}>
                <td>
                  <a href={routeHash(`catalog/prices/${encodeURIComponent(e.pricing.id)}`)}>{e.company}</a> <span className="c-muted">{e.code}</span>
                </td>
                <td className="c-num">{e.pricing.discountBp ? formatPercent(e.pricing.discountBp, lang) : "—"}</td>
                <td className="c-num">{e.pricing.specialPrices.length}</td>
                <td className="c-num">{e.pricing.discounts.length + e.pricing.categoryDiscounts.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}

type Conditions = Required<RuleConditionValues>
const NO_CONDITIONS: Conditions = { minQuantity: "", validFrom: "", validTo: "" }

function CustomerPricingEditor({ customerId, t }: { customerId: string; t: Translate }) {
  const { i18n } = useTranslation()
  const lang = i18n.language === "fr" ? "fr" : "en"
  const catalog = useCatalog()
  const [customer, setCustomer] = useState<Customer | null | undefined>(undefined)
  const [mayEdit, setMayEdit] = useState(false)
  const [values, setValues] = useState<Required<PricingFormValues> | null>(null)
  const [errors, setErrors] = useState<PricingFormErrors>({ specialPrices: {} })
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  // The status of each rule (in force, to come, expired) is the one on this day in France.
  const today = todayInFrance()
  useEffect(() => {
    let live = true
    void Promise.all([send("customers/get", { ids: [customerId] }), send("pricing/get", { customerId })]).then(([c, p]) => {
      if (!live) return
      setCustomer(c.customers[0] ?? null)
      setMayEdit(p.mayEdit)
      const v = valuesFromPricing(p.pricing, lang, today)
      setValues({ ...v, discounts: v.discounts ?? [] })
    })
    return () => {
      live = false
    }
  }, [customerId, lang, today])
  if (customer === undefined || !values || !catalog.products) return <p className="c-muted">{t("catalog.list.loading")}</p>
  if (customer === null) return <p className="c-error">{t("catalog.prices.customerMissing")}</p>
  const products = catalog.products
  const byId = new Map(products.map((p) => [p.id, p]))
  const offered = products.filter(isActive)
  const update = (next: Required<PricingFormValues>) => {
    setValues(next)
    setMessage(null)
  }
  const save = async () => {
    const checked = pricingFromValues(customerId, values, Date.now())
    if (!checked.ok) {
      setErrors(checked.errors)
      return setMessage({ ok: false, text: t("catalog.form.fix") })
    }
    setErrors({ specialPrices: {} })
    const r = await send("pricing/save", { pricing: checked.pricing })
    setMessage(r.ok ? { ok: true, text: t("catalog.form.saved") } : { ok: false, text: t("catalog.form.refused", { reason: r.error ?? "?" }) })
  }
  const productSelect = (name: string, value: string, onChange: (id: string) => void) => {
    const p = byId.get(value)
    return (
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {(p && !isActive(p) ? [p, ...offered] : offered).map((o) => (
          <option key={o.id} value={o.id}>
            {o.ref} · {lang === "fr" ? o.nameFr : o.nameEn}
          </option>
        ))}
      </select>
    )
  }
  const categories = catalogCategories(products)
  /**
   * What a discount applies to: the whole catalog, a category (value `category:<name>`), or one product. A rule's
   * category no product has any more stays offered, so the page shows it as stored.
   */
  const scopeSelect = (i: number, d: Required<PricingFormValues>["discounts"][number]) => {
    const value = d.category ? `category:${d.category}` : d.productId
    const p = byId.get(d.productId)
    const shownCategories = d.category && !categories.includes(d.category) ? [d.category, ...categories] : categories
    return (
      <select
        name={`discounts.${i}.scope`}
        data-comptoir="pricing-discount-scope"
        value={value}
        onChange={(e) => {
          const v = e.target.value
          setDiscount(i, v.startsWith("category:") ? { productId: "", category: v.slice("category:".length) } : { productId: v, category: "" })
        }}
      >
        <option value="">{t("catalog.prices.allProducts")}</option>
        <optgroup label={t("catalog.prices.categories")}>
          {shownCategories.map((c) => (
            <option key={c} value={`category:${c}`}>
              {t("catalog.prices.categoryOption", { category: c })}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("catalog.prices.products")}>
          {(p && !isActive(p) ? [p, ...offered] : offered).map((o) => (
            <option key={o.id} value={o.id}>
              {o.ref} · {lang === "fr" ? o.nameFr : o.nameEn}
            </option>
          ))}
        </optgroup>
      </select>
    )
  }
  /** The quantity break, the dates and where the rule stands today: the same cells in both tables. */
  const conditionCells = (prefix: string, r: RuleConditionValues, onChange: (c: Partial<Conditions>) => void) => {
    const status = ruleStatus({ validFrom: r.validFrom || undefined, validTo: r.validTo || undefined }, today)
    return (
      <>
        <td>
          <input name={`${prefix}.minQuantity`} inputMode="decimal" className="c-num" placeholder="1" value={r.minQuantity ?? ""} onChange={(e) => onChange({ minQuantity: e.target.value })} />
        </td>
        <td>
          <DateInput name={`${prefix}.validFrom`} aria-label={t("catalog.prices.validFrom")} value={r.validFrom ?? ""} day={r.validFrom} stacked onChange={(e) => onChange({ validFrom: e.target.value })} />
        </td>
        <td>
          <DateInput name={`${prefix}.validTo`} aria-label={t("catalog.prices.validTo")} value={r.validTo ?? ""} day={r.validTo} stacked onChange={(e) => onChange({ validTo: e.target.value })} />
        </td>
        <td>
          <span className={status === "current" ? "c-chip c-chip-match" : "c-chip"} data-comptoir="pricing-rule-status" data-status={status}>
            {t(status === "current" ? "catalog.prices.statusCurrent" : status === "upcoming" ? "catalog.prices.statusUpcoming" : "catalog.prices.statusExpired")}
          </span>
        </td>
      </>
    )
  }
  // The condition columns both rule tables share; their cells come from conditionCells.
  const conditionHeaders = (
    <>
      <th className="c-num">{t("catalog.prices.minQuantity")}</th>
      <th>{t("catalog.prices.validFrom")}</th>
      <th>{t("catalog.prices.validTo")}</th>
      <th>{t("catalog.prices.status")}</th>
    </>
  )
  // Their widths, the same in both tables (their columns line up); the first 30 % are each table's own price columns.
  const conditionCols = (
    <>
      <col style={{ width: "12%" }} />
      <col style={{ width: "20%" }} />
      <col style={{ width: "20%" }} />
      <col style={{ width: "13%" }} />
      <col style={{ width: "5%" }} />
    </>
  )
  const expiredStyle = (r: RuleConditionValues) => (ruleStatus({ validTo: r.validTo || undefined }, today) === "expired" ? { opacity: 0.6 } : undefined)
  const specials = values.specialPrices
  const discounts = values.discounts
  const setSpecial = (i: number, patch: Partial<PricingFormValues["specialPrices"][number]>) => update({ ...values, specialPrices: specials.map((x, j) => (j === i ? { ...x, ...patch } : x)) })
  const setDiscount = (i: number, patch: Partial<Required<PricingFormValues>["discounts"][number]>) => update({ ...values, discounts: discounts.map((x, j) => (j === i ? { ...x, ...patch } : x)) })
  return (
    <form className="c-catalog-form" data-comptoir="pricing-form" onSubmit={(e) => {
      e.preventDefault()
      void save()
    }} noValidate>
      <p>
        <a href={routeHash("catalog/prices")}>← {t("catalog.prices.back")}</a>
      </p>
      <h2>
        {customer.company} <span className="c-muted">{customer.code}</span>
      </h2>
      {mayEdit ? null : <p className="c-muted">{t("catalog.form.readOnly")}</p>}
      <p className="c-muted">{t("catalog.prices.rule")}</p>
      <fieldset disabled={!mayEdit} style={{ border: 0, padding: 0, margin: 0 }}>
        <label style={{ display: "inline-flex", flexDirection: "column", gap: 2 }}>
          {t("catalog.prices.discount")}
          <input name="discountPercent" inputMode="decimal" className="c-num" value={values.discountPercent} aria-invalid={errors.discountPercent ? "true" : "false"} onChange={(e) => update({ ...values, discountPercent: e.target.value })} />
          {errors.discountPercent ? <span className="c-error">{t(errors.discountPercent)}</span> : null}
        </label>
        <p className="c-muted">{t("catalog.prices.conditionsHelp")}</p>
        <h3>{t("catalog.prices.special")}</h3>
        <div className="c-pricing-rules-scroll">
          <table className="c-table c-pricing-rules" data-comptoir="pricing-special">
            <colgroup>
              <col style={{ width: "14%" }} />
              <col style={{ width: "16%" }} />
              {conditionCols}
            </colgroup>
            <thead>
              <tr>
                <th colSpan={6}>{t("catalog.prices.product")}</th>
                <th rowSpan={2} />
              </tr>
              <tr>
                <th className="c-num">{t("catalog.prices.catalogPrice")}</th>
                <th className="c-num">{t("catalog.prices.specialPrice")}</th>
                {conditionHeaders}
              </tr>
            </thead>
            {specials.map((s, i) => {
              const p = byId.get(s.productId)
              return (
                <tbody key={i} data-comptoir="pricing-special-row" style={expiredStyle(s)}>
                  <tr className="c-pricing-rule-what">
                    <td colSpan={6}>{productSelect(`specialPrices.${i}.productId`, s.productId, (productId) => setSpecial(i, { productId }))}</td>
                    <td rowSpan={2}>
                      <button type="button" className="c-link" aria-label={t("catalog.prices.remove")} onClick={() => update({ ...values, specialPrices: specials.filter((_, j) => j !== i) })}>
                        ✕
                      </button>
                    </td>
                  </tr>
                  <tr className="c-pricing-rule-terms">
                    <td className="c-num">{p ? formatCents(p.unitPriceCents, lang) : "—"}</td>
                    <td>
                      <input name={`specialPrices.${i}.unitPrice`} inputMode="decimal" className="c-num" value={s.unitPrice} aria-invalid={errors.specialPrices[i] ? "true" : "false"} onChange={(e) => setSpecial(i, { unitPrice: e.target.value })} />
                      {errors.specialPrices[i] ? <span className="c-error">{t(errors.specialPrices[i])}</span> : null}
                    </td>
                    {conditionCells(`specialPrices.${i}`, s, (c) => setSpecial(i, c))}
                  </tr>
                </tbody>
              )
            })}
          </table>
        </div>
        {mayEdit ? (
          <button type="button" className="c-button c-button-secondary" style={{ marginTop: 8 }} data-comptoir="pricing-add-special" onClick={() => update({ ...values, specialPrices: [...specials, { productId: "", unitPrice: "", ...NO_CONDITIONS }] })}>
            + {t("catalog.prices.addSpecial")}
          </button>
        ) : null}
        <h3>{t("catalog.prices.discounts")}</h3>
        <div className="c-pricing-rules-scroll">
          <table className="c-table c-pricing-rules" data-comptoir="pricing-discounts">
            <colgroup>
              <col style={{ width: "30%" }} />
              {conditionCols}
            </colgroup>
            <thead>
              <tr>
                <th colSpan={5}>{t("catalog.prices.appliesTo")}</th>
                <th rowSpan={2} />
              </tr>
              <tr>
                <th className="c-num">{t("catalog.prices.discountRule")}</th>
                {conditionHeaders}
              </tr>
            </thead>
            {discounts.map((d, i) => (
              <tbody key={i} data-comptoir="pricing-discount-row" data-scope={d.category ? "category" : d.productId ? "product" : "catalog"} style={expiredStyle(d)}>
                <tr className="c-pricing-rule-what">
                  <td colSpan={5}>{scopeSelect(i, d)}</td>
                  <td rowSpan={2}>
                    <button type="button" className="c-link" aria-label={t("catalog.prices.removeDiscount")} onClick={() => update({ ...values, discounts: discounts.filter((_, j) => j !== i) })}>
                      ✕
                    </button>
                  </td>
                </tr>
                <tr className="c-pricing-rule-terms">
                  <td>
                    <input name={`discounts.${i}.discountPercent`} inputMode="decimal" className="c-num" value={d.discountPercent} aria-invalid={errors.discounts?.[i] ? "true" : "false"} onChange={(e) => setDiscount(i, { discountPercent: e.target.value })} />
                    {errors.discounts?.[i] ? <span className="c-error">{t(errors.discounts[i])}</span> : null}
                  </td>
                  {conditionCells(`discounts.${i}`, d, (c) => setDiscount(i, c))}
                </tr>
              </tbody>
            ))}
          </table>
        </div>
        {mayEdit ? (
          <div className="c-row" style={{ marginTop: 8 }}>
            <button type="button" className="c-button c-button-secondary" data-comptoir="pricing-add-discount" onClick={() => update({ ...values, discounts: [...discounts, { productId: "", discountPercent: "", ...NO_CONDITIONS }] })}>
              + {t("catalog.prices.addDiscount")}
            </button>
            <button type="submit" className="c-button" data-comptoir="pricing-save">
              {t("catalog.form.save")}
            </button>
          </div>
        ) : null}
      </fieldset>
      {message ? (
        <p className={message.ok ? "c-ok" : "c-error"} role="status" data-comptoir="pricing-message">
          {message.text}
        </p>
      ) : null}
    </form>
  )
}
