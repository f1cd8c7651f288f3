import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useState } from "react"
import { useFieldArray, useForm, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import * as z from "zod"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { formatCents } from "~src/domain/documents/money"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import { pastDelivery } from "~src/domain/orders/past-delivery"
import { quotePrefillQuery } from "~src/domain/documents/quote-form"
import { AskManager, RiskReasons, type RiskReasonLike } from "~src/features/invoicing/risk-reasons"
import { routeHash } from "~src/features/workspace/route"
import type { OrderCapture, ResponseOf } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"
import { useUnitText } from "~src/ui/use-unit-text"
import { DateInput } from "~src/ui/date-input"
import { formatDay, uiLang } from "~src/ui/dates"
import { usePageTitle } from "~src/ui/page-title"

import { AskBeforeCapture, hesitationOf } from "./ask-before-capture"
import { CustomerAddressHint } from "./customer-address-hint"
import { CustomerOrders } from "./customer-orders"
import { NotOrderReason } from "./not-order-reason"
import { PastDeliveryWarning } from "./past-delivery-warning"
import { useEvidence } from "./review-evidence"
import { LinePriceCells, ReviewTotals, useReviewPrices } from "./review-prices"

const FormValues = z.object({
  customerCode: z.string().trim().min(1, "required").max(40),
  poNumber: z.string().trim().max(60),
  deliveryDate: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date")]),
  deliveryAddress: z.string().trim().max(1000),
  lines: z
    .array(
      z.object({
        ref: z.string().trim().min(1, "required").max(60),
        quantity: z.number({ error: "quantity" }).positive("quantity").max(1_000_000, "quantity"),
        unit: z.string().trim().max(30),
        proposed: z.number().int()
      })
    )
    .min(1, "noLines")
    .max(200)
})
type FormValues = z.infer<typeof FormValues>

type Loaded = ResponseOf<"orders/capture">

const CONFIRM_ERRORS: Record<string, string> = {
  "capture-expired": "orderCapture.errors.captureExpired",
  "unknown-customer": "orderCapture.errors.unknownCustomer",
  "unknown-product": "orderCapture.errors.unknownProduct",
  "no-lines": "orderCapture.errors.noLines"
}

/** The workspace's review of a captured mail (`#/orders/capture/<id>`): every field proposed, nothing stored until confirmed. */
export function OrderReview({ captureId }: { captureId: string }) {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  // A mail without an order act is not proposed until the agent says to capture it (the `ask` outcome).
  const [answer, setAnswer] = useState<"pending" | "capture" | "not-order">("pending")
  useEffect(() => {
    send("orders/capture", { captureId }).then(setLoaded, (e: unknown) => setError(String(e)))
  }, [captureId])
  usePageTitle(reviewTitle(loaded, t))
  if (error !== null) return <p className="c-error">{error}</p>
  if (loaded === null) return <p className="c-muted">{t("orderCapture.review.loading")}</p>
  const { capture } = loaded
  if (capture === null) return <p className="c-empty" data-comptoir="capture-expired">{t("orderCapture.review.expired")}</p>
  if (!capture.proposal.is_order)
    return (
      <div className="c-order-review">
        <MessageHeader capture={capture} />
        <p className="c-panel-note" data-comptoir="not-an-order">
          {t("orderCapture.review.notAnOrder")}
          <NotOrderReason reason={capture.proposal.evidence.is_order ?? ""} />
        </p>
      </div>
    )
  if (capture.proposal.order_decision === "ask" && answer !== "capture")
    return (
      <div className="c-order-review">
        <MessageHeader capture={capture} />
        {answer === "not-order" ? (
          <p className="c-panel-note" data-comptoir="not-an-order">
            {t("orderCapture.ask.dismissed")}
          </p>
        ) : (
          <AskBeforeCapture {...hesitationOf(capture.proposal.evidence)} onCapture={() => setAnswer("capture")} onNotOrder={() => setAnswer("not-order")} />
        )}
      </div>
    )
  // The agent picked another customer: their record and risk, the form keeps what was typed.
  const pickCustomer = (code: string) =>
    send("orders/capture", { captureId, customerCode: code }).then(
      (r) => setLoaded((l) => (l === null ? r : { ...l, customer: r.customer, risk: r.risk })),
      (e: unknown) => setError(String(e))
    )
  return <ReviewForm capture={capture} customer={loaded.customer} risk={loaded.risk} products={loaded.products} mayOverride={loaded.mayOverride} onPickCustomer={pickCustomer} />
}

/**
 * The tab's name, in the agent's language: the order and whom it is for (the customer, else the mail's sender), so
 * an agent with several captures open finds each; a mail that is no order is named as a message.
 */
function reviewTitle(loaded: Loaded | null, t: (key: string, values: { name: string }) => string): string | null {
  const capture = loaded?.capture
  if (!capture) return null
  const sender = capture.from.name || capture.from.address
  if (!capture.proposal.is_order) return t("orderCapture.review.pageTitleMessage", { name: sender })
  return t("orderCapture.review.pageTitle", { name: loaded?.customer?.company ?? sender })
}

function MessageHeader({ capture }: { capture: OrderCapture }) {
  const { t, i18n } = useTranslation()
  return (
    <div className="c-card" data-comptoir="captured-message">
      <div>
        <strong>{capture.subject || t("orderCapture.review.noSubject")}</strong>
      </div>
      <div className="c-muted">
        {capture.from.name ? `${capture.from.name} <${capture.from.address}>` : capture.from.address}
        {capture.date ? ` · ${formatDay(capture.date, uiLang(i18n.language))}` : ""}
      </div>
      {capture.read.length > 0 ? (
        <p className="c-muted" data-comptoir="read-attachments">
          {t("orderCapture.review.read", { names: capture.read.join(", ") })}
        </p>
      ) : null}
      {capture.unread.length > 0 ? (
        <div className="c-panel-note" data-comptoir="unread-attachments">
          {t("orderCapture.review.unread")}
          <ul>
            {capture.unread.map((a) => (
              <li key={a.name} data-comptoir="unread-attachment" data-reason={a.reason}>
                {a.name} — {t(`orderCapture.review.unreadReason.${a.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}

const FIELD_KEYS = { customerCode: "customer_code", poNumber: "po_number", deliveryDate: "delivery_date", deliveryAddress: "delivery_address" } as const

function ReviewForm({
  capture,
  customer,
  risk,
  products,
  mayOverride,
  onPickCustomer
}: {
  capture: OrderCapture
  customer: Customer | null
  risk: Loaded["risk"]
  products: Product[]
  mayOverride: boolean
  onPickCustomer: (code: string) => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith("fr") ? "fr" : "en"
  const p = capture.proposal
  const form = useForm<FormValues>({
    resolver: zodResolver(FormValues),
    defaultValues: {
      customerCode: p.customer_code ?? "",
      poNumber: p.po_number ?? "",
      deliveryDate: p.delivery_date ?? "",
      deliveryAddress: p.delivery_address ?? "",
      lines: p.lines.map((l, i) => ({ ref: l.ref, quantity: l.quantity, unit: l.unit, proposed: i }))
    }
  })
  const lines = useFieldArray({ control: form.control, name: "lines" })
  const { errors, isSubmitting } = form.formState
  const [result, setResult] = useState<{ ok: true; orderId: string; customerId: string } | { ok: false; text: string } | null>(null)
  const watchedLines = useWatch({ control: form.control, name: "lines" })
  const watchedAddress = useWatch({ control: form.control, name: "deliveryAddress" })
  const watchedDate = useWatch({ control: form.control, name: "deliveryDate" })
  const watchedCode = useWatch({ control: form.control, name: "customerCode" })
  const { prices, current: pricesCurrent } = useReviewPrices(watchedCode ?? "", watchedLines)
  // Dated as the order will be (France's day): a day before it, or before the mail, is flagged but not refused.
  const past = pastDelivery(watchedDate ?? "", todayInFrance(), capture.date)
  const labels = useProductLabels(products, (watchedLines ?? []).map((l) => l.ref))

  const { low, needsCheck, evidenceOf } = useEvidence(p)

  const [blocked, setBlocked] = useState<RiskReasonLike[] | null>(null)
  const [overriders, setOverriders] = useState<{ email: string; name: string }[]>([])
  const [overrideReason, setOverrideReason] = useState("")
  const [picking, setPicking] = useState(false)
  const confirmWith = (override?: string) =>
    form.handleSubmit(async (v) => {
      setResult(null)
      try {
        const r = await send("orders/confirm", { captureId: capture.id, review: v, ...(override === undefined ? {} : { override }) })
        if (r.ok && r.orderId && r.customerId) setResult({ ok: true, orderId: r.orderId, customerId: r.customerId })
        else if (r.error === "needs-override") {
          setBlocked(r.reasons ?? [])
          setOverriders(r.overriders ?? [])
        }
        else setResult({ ok: false, text: t(CONFIRM_ERRORS[r.error ?? ""] ?? `invoicing.refusal.${r.error ?? "other"}`, { ref: r.ref ?? "", error: r.error ?? "", defaultValue: t("orderCapture.errors.other", { error: r.error ?? "" }) }) })
      } catch (e) {
        setResult({ ok: false, text: String(e) })
      }
    })
  const onSubmit = confirmWith()
  // Another customer's risk is judged afresh.
  useEffect(() => setBlocked(null), [customer?.id])

  /** The quote form, prefilled with this customer and the lines as reviewed so far. */
  const makeQuote = () => {
    if (customer === null) return
    const v = form.getValues()
    location.hash = routeHash(`quotes/new?${quotePrefillQuery(customer.id, v.lines.filter((l) => l.ref.trim() !== "" && l.quantity > 0))}`)
  }

  if (result?.ok)
    return (
      <div className="c-order-review">
        <MessageHeader capture={capture} />
        <p className="c-muted" data-comptoir="order-stored" data-order-id={result.orderId}>
          {t("orderCapture.review.stored", { company: customer?.company ?? form.getValues("customerCode") })}{" "}
          <a href={routeHash(`customers/${encodeURIComponent(result.customerId)}`)}>{t("orderCapture.review.openCustomer")}</a>
        </p>
        <CustomerOrders customerId={result.customerId} />
      </div>
    )

  const headerField = (name: keyof typeof FIELD_KEYS, input: React.ReactNode, after?: React.ReactNode, flagged = false) => (
    <div className={`c-field${needsCheck(FIELD_KEYS[name]) || flagged ? " c-low" : ""}`} data-low={needsCheck(FIELD_KEYS[name]) || flagged ? "true" : "false"} data-field={name}>
      <label htmlFor={`c-order-${name}`}>{t(`orderCapture.review.${name}`)}</label>
      {input}
      {evidenceOf(FIELD_KEYS[name])}
      {after}
      {errors[name] ? <span className="c-error">{t(`orderCapture.errors.${errors[name]?.message ?? "other"}`, { defaultValue: errors[name]?.message })}</span> : null}
    </div>
  )

  return (
    <form className="c-order-review" data-comptoir="order-review" onSubmit={(e) => void onSubmit(e)} noValidate>
      <MessageHeader capture={capture} />
      {customer !== null ? (
        <div className="c-card" data-comptoir="order-customer" data-code={customer.code} data-customer-id={customer.id}>
          <strong>{customer.company}</strong> <span className="c-muted">{customer.code}</span>{" "}
          {!picking && !low("customer_code") ? (
            <button type="button" className="c-button c-button-secondary" data-comptoir="order-customer-change" onClick={() => setPicking(true)}>
              {t("orderCapture.review.changeCustomer")}
            </button>
          ) : null}
          {risk !== null ? (
            <div className={`c-risk c-risk-${risk.level}`} data-comptoir="order-risk" data-level={risk.level}>
              {t(`orderCapture.risk.${risk.level}`)} · {t("orderCapture.risk.outstanding", { amount: formatCents(risk.outstandingCents, language) })}
              {risk.creditLimitCents !== null ? ` · ${t("orderCapture.risk.limit", { amount: formatCents(risk.creditLimitCents, language) })}` : ` · ${t("orderCapture.risk.noLimit")}`}
              {risk.overdueCents > 0 ? ` · ${t("orderCapture.risk.overdue", { amount: formatCents(risk.overdueCents, language), days: risk.maxDaysOverdue })}` : ""}
            </div>
          ) : null}
          {risk?.level === "blocked" ? <p className="c-muted">{t("invoicing.risk.needsOverride")}</p> : null}
        </div>
      ) : (
        <p className="c-panel-note" data-comptoir="order-no-customer">
          {t("orderCapture.review.noCustomer")}
        </p>
      )}
      {customer === null || picking || low("customer_code") ? (
        <CustomerPicker
          onPick={(c) => {
            form.setValue("customerCode", c.code, { shouldDirty: true, shouldValidate: true })
            setPicking(false)
            void onPickCustomer(c.code)
          }}
        />
      ) : null}
      {headerField("customerCode", <input id="c-order-customerCode" maxLength={40} {...form.register("customerCode")} />)}
      {headerField("poNumber", <input id="c-order-poNumber" maxLength={60} {...form.register("poNumber")} />)}
      {headerField(
        "deliveryDate",
        <DateInput id="c-order-deliveryDate" data-comptoir="delivery-date" day={watchedDate} {...form.register("deliveryDate")} />,
        <PastDeliveryWarning past={past} />,
        past !== null
      )}
      {headerField(
        "deliveryAddress",
        <textarea id="c-order-deliveryAddress" rows={2} maxLength={1000} {...form.register("deliveryAddress")} />,
        <CustomerAddressHint customer={customer} value={watchedAddress ?? ""} onUse={(a) => form.setValue("deliveryAddress", a, { shouldDirty: true, shouldValidate: true })} />
      )}

      {/* Said before the agent tries to confirm; lines the agent removed are the confirm's error to name. */}
      {p.lines.length === 0 && lines.fields.length === 0 ? (
        <p className="c-evidence c-evidence-low" data-comptoir="order-no-lines">
          {t("orderCapture.review.noLinesFound")}
        </p>
      ) : null}
      <table className="c-order-lines" data-comptoir="order-lines">
        <thead>
          <tr>
            <th>{t("orderCapture.review.ref")}</th>
            <th>{t("orderCapture.review.product")}</th>
            <th>{t("orderCapture.review.quantity")}</th>
            <th>{t("orderCapture.review.unit")}</th>
            <th className="c-num">{t("orderCapture.review.unitPrice")}</th>
            <th className="c-num">{t("orderCapture.review.amount")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.fields.map((field, i) => {
            const was = watchedLines?.[i]?.proposed ?? field.proposed
            const key = `lines.${was}`
            const proposed = was >= 0
            const isLow = proposed && low(key)
            const lineErrors = errors.lines?.[i]
            return (
              <tr key={field.id} className={isLow ? "c-low" : undefined} data-low={isLow ? "true" : "false"} data-comptoir="order-line">
                <td>
                  <input aria-label={`${t("orderCapture.review.ref")} ${i + 1}`} maxLength={60} size={10} {...form.register(`lines.${i}.ref`)} />
                </td>
                <td>
                  <span data-comptoir="line-label">{labels.get(watchedLines?.[i]?.ref?.trim().toUpperCase() ?? "") ?? "—"}</span>
                  {proposed ? <div>{evidenceOf(key, i)}</div> : null}
                  {lineErrors ? <div className="c-error">{t("orderCapture.errors.line")}</div> : null}
                </td>
                <td>
                  <input aria-label={`${t("orderCapture.review.quantity")} ${i + 1}`} type="number" min={0} step="any" style={{ width: "6em" }} {...form.register(`lines.${i}.quantity`, { valueAsNumber: true })} />
                </td>
                <td>
                  <UnitInput
                    name={`lines.${i}.unit`}
                    label={`${t("orderCapture.review.unit")} ${i + 1}`}
                    stored={watchedLines?.[i]?.unit ?? field.unit}
                    quantity={watchedLines?.[i]?.quantity ?? field.quantity}
                    lang={language}
                    onStore={(u) => form.setValue(`lines.${i}.unit`, u, { shouldDirty: true, shouldValidate: true })}
                  />
                </td>
                <LinePriceCells price={prices?.lines[i]} lineRef={watchedLines?.[i]?.ref ?? ""} lang={language} customerKnown={prices?.customer ?? false} />
                <td>
                  <button type="button" className="c-button c-button-secondary" onClick={() => lines.remove(i)} aria-label={t("orderCapture.review.removeLine", { n: i + 1 })}>
                    ✕
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
        <ReviewTotals prices={prices} current={pricesCurrent} lang={language} columnsBefore={5} columnsAfter={1} />
      </table>
      {errors.lines?.root || errors.lines?.message ? <p className="c-error">{t("orderCapture.errors.noLines")}</p> : null}
      <p>
        <button type="button" className="c-button c-button-secondary" data-comptoir="order-add-line" onClick={() => lines.append({ ref: "", quantity: 1, unit: "", proposed: -1 })}>
          {t("orderCapture.review.addLine")}
        </button>
      </p>
      <p className="c-muted">{t("orderCapture.review.draftNote")}</p>
      <p className="c-order-actions">
        <button type="submit" className="c-button" data-comptoir="order-confirm" disabled={isSubmitting}>
          {t("orderCapture.review.confirm")}
        </button>{" "}
        <button type="button" className="c-button c-button-secondary" data-comptoir="order-make-quote" disabled={customer === null} onClick={makeQuote}>
          {t("orderCapture.review.makeQuote")}
        </button>
      </p>
      {blocked !== null ? (
        <div data-comptoir="confirm-blocked">
          <p className="c-error">
            <strong>{t("invoicing.risk.blocked")}</strong> {t("invoicing.risk.needsOverride")}
          </p>
          <RiskReasons reasons={blocked} />
          {mayOverride ? (
            <div className="c-field">
              <label htmlFor="c-order-override-reason">{t("invoicing.risk.overrideReason")}</label>
              <input id="c-order-override-reason" data-comptoir="override-reason" value={overrideReason} minLength={3} maxLength={500} onChange={(e) => setOverrideReason(e.target.value)} />
              <button
                type="button"
                className="c-button c-button-danger"
                data-comptoir="override-submit"
                disabled={overrideReason.trim().length < 3 || isSubmitting}
                onClick={() => void confirmWith(overrideReason.trim())()}>
                {t("orderCapture.review.overrideAndConfirm")}
              </button>
            </div>
          ) : (
            <AskManager overriders={overriders} />
          )}
        </div>
      ) : null}
      {result && !result.ok ? (
        <p className="c-error" data-comptoir="order-error">
          {result.text}
        </p>
      ) : null}
    </form>
  )
}

/**
 * A line's unit in the agent's language, like the product's name beside it ("boxes" to an English agent where the
 * catalog and the extractor say "boîte"); the review stores the catalog's word, which the order keeps.
 */
function UnitInput({ name, label, stored, quantity, lang, onStore }: { name: string; label: string; stored: string; quantity: number; lang: "fr" | "en"; onStore: (unit: string) => void }) {
  const unit = useUnitText(stored, Number.isFinite(quantity) ? Math.round(quantity * 1000) : null, lang, onStore)
  return <input name={name} aria-label={label} maxLength={30} size={8} {...unit} />
}

/** Search the local customers (the side panel's and popup's search) and pick the one the mail is from. */
function CustomerPicker({ onPick }: { onPick: (c: Customer) => void }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState("")
  const [error, setError] = useState<string | null>(null)
  const results = useDebouncedSearch<Customer>(query, (q) => send("search/query", { query: q, limit: 8 }).then((r) => r.customers), 120, (e) => setError(String(e)))
  return (
    <div className="c-field c-order-customer-picker" data-comptoir="order-customer-picker">
      <label htmlFor="c-order-customer-search">{t("orderCapture.review.searchCustomer")}</label>
      <input
        id="c-order-customer-search"
        className="c-search"
        data-comptoir="order-customer-search"
        value={query}
        maxLength={200}
        autoComplete="off"
        placeholder={t("orderCapture.review.searchCustomerPlaceholder")}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error !== null ? <span className="c-error">{error}</span> : null}
      {query.trim() !== "" && results !== null ? (
        results.length === 0 ? (
          <p className="c-muted">{t("orderCapture.review.noCustomerFound")}</p>
        ) : (
          <ul className="c-order-customer-results">
            {results.map((c) => (
              <li key={c.id}>
                <button type="button" className="c-link-button" data-comptoir="order-customer-option" data-code={c.code} onClick={() => onPick(c)}>
                  <strong>{c.company}</strong> <span className="c-muted">{[c.code, c.addresses[0]?.city, c.contacts[0]?.emails[0]].filter(Boolean).join(" · ")}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  )
}

/** Product names by ref for the lines shown: the proposal's products, and any ref the agent types, looked up in the catalog. */
function useProductLabels(initial: Product[], refs: string[]): Map<string, string> {
  const { i18n } = useTranslation()
  const fr = i18n.language.startsWith("fr")
  const [known, setKnown] = useState<Map<string, Product>>(() => new Map(initial.map((p) => [p.ref.toUpperCase(), p])))
  const wanted = useMemo(() => [...new Set(refs.map((r) => (r ?? "").trim().toUpperCase()).filter((r) => r !== ""))], [refs])
  useEffect(() => {
    const missing = wanted.filter((r) => !known.has(r))
    if (missing.length === 0) return
    const timer = setTimeout(() => {
      for (const ref of missing)
        send("products/search", { query: ref, limit: 5 })
          .then((r) => {
            const hit = r.products.find((p) => p.ref.toUpperCase() === ref)
            if (hit) setKnown((k) => new Map(k).set(ref, hit))
          })
          .catch(() => undefined)
    }, 250)
    return () => clearTimeout(timer)
  }, [wanted, known])
  return useMemo(() => new Map([...known].map(([ref, p]) => [ref, fr ? p.nameFr : p.nameEn])), [known, fr])
}
