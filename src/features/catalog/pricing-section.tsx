import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { pricingFromValues, type CustomerPricing, type PricingFormValues } from "~src/domain/catalog/pricing"
import { isActive } from "~src/domain/catalog/product-form"
import type { Customer } from "~src/domain/customers/customer.schema"
import { formatCents } from "~src/domain/documents/money"
import { centsToInput, percentToInput } from "~src/domain/documents/quote-form"
import { routeHash } from "~src/features/workspace/route"
import { send } from "~src/messaging/send"
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
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.pricing.id}>
                <td>
                  <a href={routeHash(`catalog/prices/${encodeURIComponent(e.pricing.id)}`)}>{e.company}</a> <span className="c-muted">{e.code}</span>
                </td>
                <td className="c-num">{e.pricing.discountBp ? `${percentToInput(e.pricing.discountBp, lang)} %` : "—"}</td>
                <td className="c-num">{e.pricing.specialPrices.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}

function CustomerPricingEditor({ customerId, t }: { customerId: string; t: Translate }) {
  const { i18n } = useTranslation()
  const lang = i18n.language === "fr" ? "fr" : "en"
  const catalog = useCatalog()
  const [customer, setCustomer] = useState<Customer | null | undefined>(undefined)
  const [mayEdit, setMayEdit] = useState(false)
  const [values, setValues] = useState<PricingFormValues | null>(null)
  const [errors, setErrors] = useState<{ discountPercent?: string; specialPrices: Record<number, string> }>({ specialPrices: {} })
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  useEffect(() => {
    let live = true
    void Promise.all([send("customers/get", { ids: [customerId] }), send("pricing/get", { customerId })]).then(([c, p]) => {
      if (!live) return
      setCustomer(c.customers[0] ?? null)
      setMayEdit(p.mayEdit)
      setValues({
        discountPercent: p.pricing?.discountBp ? percentToInput(p.pricing.discountBp, lang) : "",
        specialPrices: (p.pricing?.specialPrices ?? []).map((s) => ({ productId: s.productId, unitPrice: centsToInput(s.unitPriceCents, lang) }))
      })
    })
    return () => {
      live = false
    }
  }, [customerId, lang])
  if (customer === undefined || !values || !catalog.products) return <p className="c-muted">{t("catalog.list.loading")}</p>
  if (customer === null) return <p className="c-error">{t("catalog.prices.customerMissing")}</p>
  const products = catalog.products
  const byId = new Map(products.map((p) => [p.id, p]))
  const offered = products.filter(isActive)
  const update = (next: PricingFormValues) => {
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
        <h3>{t("catalog.prices.special")}</h3>
        <table className="c-table" data-comptoir="pricing-special">
          <thead>
            <tr>
              <th>{t("catalog.prices.product")}</th>
              <th className="c-num">{t("catalog.prices.catalogPrice")}</th>
              <th className="c-num">{t("catalog.prices.specialPrice")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {values.specialPrices.map((s, i) => {
              const p = byId.get(s.productId)
              return (
                <tr key={i}>
                  <td>
                    <select name={`specialPrices.${i}.productId`} value={s.productId} onChange={(e) => update({ ...values, specialPrices: values.specialPrices.map((x, j) => (j === i ? { ...x, productId: e.target.value } : x)) })}>
                      <option value="">—</option>
                      {(p && !isActive(p) ? [p, ...offered] : offered).map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.ref} · {lang === "fr" ? o.nameFr : o.nameEn}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="c-num">{p ? formatCents(p.unitPriceCents, lang) : "—"}</td>
                  <td>
                    <input name={`specialPrices.${i}.unitPrice`} inputMode="decimal" className="c-num" value={s.unitPrice} aria-invalid={errors.specialPrices[i] ? "true" : "false"} onChange={(e) => update({ ...values, specialPrices: values.specialPrices.map((x, j) => (j === i ? { ...x, unitPrice: e.target.value } : x)) })} />
                    {errors.specialPrices[i] ? <span className="c-error">{t(errors.specialPrices[i])}</span> : null}
                  </td>
                  <td>
                    <button type="button" className="c-link" aria-label={t("catalog.prices.remove")} onClick={() => update({ ...values, specialPrices: values.specialPrices.filter((_, j) => j !== i) })}>
                      ✕
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {mayEdit ? (
          <div className="c-row" style={{ marginTop: 8 }}>
            <button type="button" className="c-button c-button-secondary" data-comptoir="pricing-add-special" onClick={() => update({ ...values, specialPrices: [...values.specialPrices, { productId: "", unitPrice: "" }] })}>
              + {t("catalog.prices.addSpecial")}
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
