import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { uuidv7 } from "uuidv7"

import { catalogCategories } from "~src/domain/catalog/pricing"
import { DEFAULT_EXEMPTION_FR, englishMentionNote, filterProducts, isActive, productFromValues, valuesFromProduct, type ProductField, type ProductFormValues } from "~src/domain/catalog/product-form"
import type { Product } from "~src/domain/customers/customer.schema"
import { englishMentionMissing } from "~src/domain/documents/exemption-text"
import { formatPercent } from "~src/domain/documents/document-text"
import { formatCents } from "~src/domain/documents/money"
import { VAT_RATE_CHOICES } from "~src/domain/documents/quote-form"
import { routeHash } from "~src/features/workspace/route"
import { send } from "~src/messaging/send"

import { PricingSection } from "./pricing-section"
import { useCatalog } from "./use-catalog"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * The catalog: `#/catalog` the products (search without accents), `#/catalog/new` and `#/catalog/<id>` one
 * product (edited by managers, read by agents), `#/catalog/prices/…` the customers' own prices.
 */
export function CatalogSection({ path }: { path: string[] }) {
  const { t } = useTranslation()
  const catalog = useCatalog()
  // The product just saved: its confirmation outlives the editor (a new product's editor is remounted under its id).
  const [saved, setSaved] = useState<string | null>(null)
  if (path[0] === "prices") return <Frame tab="prices" t={t}><PricingSection path={path.slice(1)} /></Frame>
  if (catalog.error) return <p className="c-error">{catalog.error}</p>
  if (!catalog.products) return <p className="c-muted">{t("catalog.list.loading")}</p>
  const products = catalog.products
  if (path[0]) {
    const product = path[0] === "new" ? null : (products.find((p) => p.id === path[0]) ?? undefined)
    if (product === undefined && saved === path[0]) return <p className="c-muted">{t("catalog.list.loading")}</p>
    if (product === undefined || (product === null && !catalog.mayEdit)) {
      return (
        <Frame tab="products" t={t}>
          <BackToList t={t} />
          <p className="c-error">{t("catalog.list.notFound")}</p>
        </Frame>
      )
    }
    return (
      <Frame tab="products" t={t}>
        <BackToList t={t} />
        <ProductEditor
          key={product?.id ?? "new"}
          product={product}
          products={products}
          mayEdit={catalog.mayEdit}
          t={t}
          onEdit={() => setSaved(null)}
          onSaved={(id) => {
            setSaved(id)
            catalog.reload()
            location.hash = routeHash(`catalog/${encodeURIComponent(id)}`)
          }}
        />
        {saved !== null && saved === path[0] ? (
          <p className="c-ok" role="status" data-comptoir="product-saved">
            {t("catalog.form.saved")}
          </p>
        ) : null}
      </Frame>
    )
  }
  return (
    <Frame tab="products" t={t}>
      <ProductList products={products} mayEdit={catalog.mayEdit} t={t} />
    </Frame>
  )
}

function Frame({ tab, t, children }: { tab: "products" | "prices"; t: Translate; children: React.ReactNode }) {
  return (
    <section data-comptoir="catalog-section">
      <h1>{t("catalog.page.title")}</h1>
      <nav className="c-row" aria-label={t("catalog.page.title")} style={{ marginBottom: 8 }}>
        <a href={routeHash("catalog")} className={`c-button ${tab === "products" ? "" : "c-button-secondary"}`} aria-current={tab === "products" ? "page" : undefined} data-comptoir="catalog-tab-products">
          {t("catalog.tabs.products")}
        </a>
        <a href={routeHash("catalog/prices")} className={`c-button ${tab === "prices" ? "" : "c-button-secondary"}`} aria-current={tab === "prices" ? "page" : undefined} data-comptoir="catalog-tab-prices">
          {t("catalog.tabs.prices")}
        </a>
      </nav>
      {children}
    </section>
  )
}

function BackToList({ t }: { t: Translate }) {
  return (
    <p>
      <a href={routeHash("catalog")} data-comptoir="catalog-back">
        ← {t("catalog.list.back")}
      </a>
    </p>
  )
}

function ProductList({ products, mayEdit, t }: { products: Product[]; mayEdit: boolean; t: Translate }) {
  const { i18n } = useTranslation()
  const lang = i18n.language === "fr" ? "fr" : "en"
  const [query, setQuery] = useState("")
  const shown = useMemo(() => filterProducts(products, query), [products, query])
  return (
    <>
      <p className="c-muted">{mayEdit ? t("catalog.list.introEdit") : t("catalog.list.introRead")}</p>
      <div className="c-row" style={{ marginBottom: 8 }}>
        <input
          className="c-search"
          type="search"
          data-comptoir="catalog-search"
          placeholder={t("catalog.list.search")}
          aria-label={t("catalog.list.search")}
          maxLength={200}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 420 }}
        />
        {mayEdit ? (
          <a className="c-button" href={routeHash("catalog/new")} data-comptoir="catalog-new">
            + {t("catalog.list.new")}
          </a>
        ) : null}
        <span className="c-muted">{t("catalog.list.count", { count: shown.length })}</span>
      </div>
      <table className="c-table" data-comptoir="catalog-list">
        <thead>
          <tr>
            <th>{t("catalog.field.ref")}</th>
            <th>{t("catalog.field.name")}</th>
            <th>{t("catalog.field.unit")}</th>
            <th>{t("catalog.field.category")}</th>
            <th className="c-num">{t("catalog.field.unitPrice")}</th>
            <th className="c-num">{t("catalog.field.vatRate")}</th>
            <th>{t("catalog.field.status")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.id} data-comptoir="catalog-row" data-ref={p.ref} data-active={isActive(p) ? "true" : "false"} className={isActive(p) ? undefined : "c-muted"}>
              <td>
                <a href={routeHash(`catalog/${encodeURIComponent(p.id)}`)} data-comptoir="catalog-open">
                  {p.ref}
                </a>
              </td>
              <td>
                {lang === "fr" ? p.nameFr : p.nameEn}
                <div className="c-muted">{lang === "fr" ? p.nameEn : p.nameFr}</div>
              </td>
              <td>{p.unit}</td>
              <td data-comptoir="catalog-category">{p.category ?? ""}</td>
              <td className="c-num" data-comptoir="catalog-price" data-cents={p.unitPriceCents}>
                {formatCents(p.unitPriceCents, lang)}
              </td>
              <td className="c-num">
                {formatPercent(p.vatRateBp, lang)}
                {p.vatRateBp === 0 && p.vatExemption ? <div className="c-muted">{p.vatExemption}</div> : null}
                {englishMentionMissing(p) ? <div className="c-notice" data-comptoir="catalog-mention-en-missing">{t("catalog.list.mentionEnMissing")}</div> : null}
              </td>
              <td>{isActive(p) ? <span className="c-chip c-chip-match">{t("catalog.status.active")}</span> : <span className="c-chip">{t("catalog.status.inactive")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p className="c-empty">{t("catalog.list.none")}</p> : null}
    </>
  )
}

/**
 * The English mention under the French one: optional; empty, it says what English documents will print instead
 * (the English of a usual legal wording, or the French text, a warning: product-form.ts `englishMentionNote`).
 */
function EnglishMentionField({ values, error, t, onChange }: { values: ProductFormValues; error: string | undefined; t: Translate; onChange: (text: string) => void }) {
  const note = englishMentionNote(values)
  return (
    <label style={{ gridColumn: "span 3" }}>
      {t("catalog.field.vatExemptionEn")}
      <input name="vatExemptionEn" value={values.vatExemptionEn} lang="en" aria-invalid={error ? "true" : "false"} onChange={(e) => onChange(e.target.value)} />
      <span className="c-muted" style={{ fontSize: 11 }}>{t("catalog.form.vatExemptionEnHelp")}</span>
      {note?.kind === "derived" ? <span className="c-muted" style={{ fontSize: 11 }} data-comptoir="product-mention-en-derived">{t("catalog.form.vatExemptionEnDerived", { text: note.text })}</span> : null}
      {note?.kind === "missing" ? <span className="c-notice" data-comptoir="product-mention-en-missing">{t("catalog.form.vatExemptionEnMissing")}</span> : null}
      {error ? <span className="c-error">{t(error)}</span> : null}
    </label>
  )
}

const FIELDS: { field: Exclude<ProductField, "vatRate" | "vatExemption" | "vatExemptionEn" | "active">; wide?: boolean; numeric?: boolean }[] = [
  { field: "ref" },
  { field: "unit" },
  { field: "nameFr", wide: true },
  { field: "nameEn", wide: true },
  { field: "unitPrice", numeric: true },
  { field: "category" }
]

/** One product's form: read-only for agents; a manager saves it or deactivates it (never deletes it). */
function ProductEditor({
  product,
  products,
  mayEdit,
  t,
  onEdit,
  onSaved
}: {
  product: Product | null
  products: Product[]
  mayEdit: boolean
  t: Translate
  onEdit: () => void
  onSaved: (id: string) => void
}) {
  const { i18n } = useTranslation()
  const lang = i18n.language === "fr" ? "fr" : "en"
  const [values, setValues] = useState<ProductFormValues>(() => valuesFromProduct(product, lang))
  const [errors, setErrors] = useState<Partial<Record<ProductField, string>>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends ProductField>(field: K, value: ProductFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors(({ [field]: _fixed, ...rest }) => rest)
    setProblem(null)
    onEdit()
  }

  const save = async (next: ProductFormValues) => {
    const id = product?.id ?? uuidv7()
    const checked = productFromValues(next, { id, existing: product, others: products, now: Date.now() })
    if (!checked.ok) {
      setErrors(checked.errors)
      return setProblem(t("catalog.form.fix"))
    }
    setErrors({})
    setBusy(true)
    try {
      const r = await send("catalog/save", { product: checked.product })
      if (!r.ok) {
        if (r.field) setErrors({ [r.field]: r.error })
        return setProblem(r.error?.startsWith("catalog.") ? t(r.error) : t("catalog.form.refused", { reason: r.error ?? "?" }))
      }
      setValues(next)
      onSaved(id)
    } finally {
      setBusy(false)
    }
  }

  const readOnly = !mayEdit
  return (
    <form className="c-catalog-form" data-comptoir="product-form" data-active={values.active ? "true" : "false"} onSubmit={(e) => {
      e.preventDefault()
      void save(values)
    }} noValidate>
      <h2>{product ? `${product.ref} · ${lang === "fr" ? product.nameFr : product.nameEn}` : t("catalog.form.newTitle")}</h2>
      {readOnly ? <p className="c-muted" data-comptoir="catalog-read-only">{t("catalog.form.readOnly")}</p> : null}
      {product && !isActive(product) ? <p className="c-notice">{t("catalog.form.inactiveNote")}</p> : null}
      <fieldset disabled={readOnly || busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="c-quote-grid">
          {FIELDS.map(({ field, wide, numeric }) => (
            <label key={field} style={wide ? { gridColumn: "span 2" } : undefined}>
              {t(`catalog.field.${field}`)}
              <input name={field} value={values[field]} inputMode={numeric ? "decimal" : undefined} className={numeric ? "c-num" : undefined} list={field === "category" ? "catalog-categories" : undefined} aria-invalid={errors[field] ? "true" : "false"} onChange={(e) => set(field, e.target.value)} />
              {errors[field] ? <span className="c-error">{t(errors[field])}</span> : null}
            </label>
          ))}
          {/* The catalog's categories offered as the manager types: one spelling per category. */}
          <datalist id="catalog-categories">
            {catalogCategories(products).map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <label>
            {t("catalog.field.vatRate")}
            <select
              name="vatRate"
              value={values.vatRate}
              aria-invalid={errors.vatRate ? "true" : "false"}
              onChange={(e) => {
                const vatRate = e.target.value
                setValues((v) => ({ ...v, vatRate, vatExemption: vatRate === "0" && !v.vatExemption.trim() ? DEFAULT_EXEMPTION_FR : v.vatExemption }))
                setErrors(({ vatRate: _fixed, ...rest }) => rest)
                onEdit()
              }}>
              {VAT_RATE_CHOICES.map((r) => (
                <option key={r.value} value={r.value}>
                  {formatPercent(r.bp, lang)}
                </option>
              ))}
            </select>
            {errors.vatRate ? <span className="c-error">{t(errors.vatRate)}</span> : null}
          </label>
          {values.vatRate === "0" ? (
            <label style={{ gridColumn: "span 3" }}>
              {t("catalog.field.vatExemption")}
              <input name="vatExemption" value={values.vatExemption} aria-invalid={errors.vatExemption ? "true" : "false"} onChange={(e) => set("vatExemption", e.target.value)} />
              <span className="c-muted" style={{ fontSize: 11 }}>{t("catalog.form.vatExemptionHelp")}</span>
              {errors.vatExemption ? <span className="c-error">{t(errors.vatExemption)}</span> : null}
            </label>
          ) : null}
          {values.vatRate === "0" ? <EnglishMentionField values={values} error={errors.vatExemptionEn} t={t} onChange={(text) => set("vatExemptionEn", text)} /> : null}
        </div>
      </fieldset>
      {mayEdit ? (
        <div className="c-row" style={{ marginTop: 10 }}>
          <button type="submit" className="c-button" data-comptoir="product-save" disabled={busy}>
            {t("catalog.form.save")}
          </button>
          {product ? (
            <button type="button" className="c-button c-button-secondary" data-comptoir={values.active ? "product-deactivate" : "product-activate"} disabled={busy} onClick={() => void save({ ...values, active: !values.active })}>
              {values.active ? t("catalog.form.deactivate") : t("catalog.form.activate")}
            </button>
          ) : null}
        </div>
      ) : null}
      {problem ? (
        <p className="c-error" role="alert" data-comptoir="product-problem">
          {problem}
        </p>
      ) : null}
    </form>
  )
}
