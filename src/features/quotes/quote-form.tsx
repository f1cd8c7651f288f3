import { zodResolver } from "@hookform/resolvers/zod"
import { useEffect, useMemo, useRef, useState } from "react"
import { useFieldArray, useForm, useWatch } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { uuidv7 } from "uuidv7"

import { outdatedLines, repricedLine, type OutdatedLine } from "~src/domain/catalog/line-pricing"
import { priceFor, type CustomerPricing } from "~src/domain/catalog/pricing"
import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { formatCents } from "~src/domain/documents/money"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import { allowedNext, effectiveQuoteStatus } from "~src/domain/documents/workflow"
import { earlierLineOfProduct, emptyLine, lineFromPrefill, lineMentionFrenchOnly, liveTotals, newQuoteValues, QuoteFormValues, relabelledLines, renumberedLines, rewordedExemptions, valuesFromQuote, type PrefillLine, type Quote } from "~src/domain/documents/quote-form"
import type { Seller } from "~src/domain/documents/seller.schema"
import { customerVatRegime, regimeExemptionMention, type VatRegime } from "~src/domain/documents/vat-regime"
import { copyAsText, downloadDocumentPdf, insertIntoReply } from "~src/features/documents-pdf/document-output"
import { OutputButtons } from "~src/features/invoicing/document-output-actions"
import { mismatchOf, RecipientMismatch } from "~src/features/reply-insert/recipient-mismatch"
import { RiskBadge } from "~src/features/risk/risk-badge"
import type { ResponseOf, RiskView } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { markUnsaved } from "~src/features/workspace/unsaved-work"
import { DateInput } from "~src/ui/date-input"
import { uiLang } from "~src/ui/dates"
import { FieldMessage } from "~src/ui/field-message"
import { SalesRepPick, type SalesRepTeam } from "~src/ui/sales-rep-pick"
import { useSalesRepTeam } from "~src/ui/use-sales-rep-team"

import { ProductPicker } from "./product-picker"
import { notifyFrameHost } from "./quote-frame-host"
import { takePrefetchedHandoff, takeQuoteHandoff } from "./quote-handoff"
import { OutdatedPrices } from "./outdated-prices"
import { LineRow, lineNet } from "./quote-line-row"
import { QuoteSheet, QuoteTotals } from "./quote-sheet"
import { useNumberWhenKnown } from "./use-number-when-known"

type Translate = ReturnType<typeof useTranslation>["t"]

interface Loaded {
  id: string
  customer: Customer
  quote: Quote | null
  values: QuoteFormValues
  risk: RiskView | null
  sellerProblems: string[]
  /** The customer's discount and special prices (issue #10), null for catalog prices. */
  pricing: CustomerPricing | null
  /**
   * The date the customer's dated prices are read on: today for a new quote and for a draft (it is dated the day
   * it is issued, server/documents/issue.ts), the quote's own date once issued.
   */
  date: string
  /**
   * The catalog's products of the lines the form opens with (a stored draft's, a prefilled quote's), as they are now:
   * their category, today's catalog price, their names in both languages.
   */
  products: ReadonlyMap<string, Product>
  /** The team's names the sales rep is picked from, as the context gave them (asked again as the form opens). */
  team: SalesRepTeam
}

/**
 * The quote form: `quotes/new?customer=<id>` starts one prefilled from the customer (language, terms, first
 * contact), the agent and the team's validity; `quotes/<id>` opens a stored one. Lines come from the catalog
 * search or are typed freely; the totals are the domain's (exact cents, VAT per rate) as the agent types.
 */
export function QuoteEditor({ quoteId, customerId, contactId, callId, prefill = [] }: { quoteId: string | null; customerId: string | null; contactId: string | null; callId: string | null; prefill?: readonly PrefillLine[] }) {
  const { t } = useTranslation()
  // A card's "New quote" handed to this open tab brings what the form needs: the first render is the filled form.
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    const handoff = !quoteId && customerId && prefill.length === 0 ? takeQuoteHandoff(location.hash) : null
    return handoff?.context.customer?.id === customerId ? loadedFrom(handoff.context, handoff.pricing, null, contactId, callId) : null
  })
  const [error, setError] = useState<string | null>(null)
  const handedOff = useRef(loaded !== null)
  useEffect(() => {
    if (handedOff.current) return
    let live = true
    void (async () => {
      try {
        const stored = quoteId ? await send("quotes/get", { id: quoteId }) : null
        if (quoteId && !stored?.quote) return live && setError(t("quotes.form.quoteMissing"))
        const cid = stored?.quote?.customerId ?? customerId
        if (!cid) return live && setError(t("quotes.form.customerMissing"))
        // A tab opened on this new quote asked for the lookups as it started (quote-handoff.ts).
        const early = !quoteId && prefill.length === 0 ? await takePrefetchedHandoff(location.hash) : null
        const [ctx, prices] =
          early?.context.customer?.id === cid ? [early.context, early.pricing] : await Promise.all([send("quotes/context", { customerId: cid }), send("pricing/get", { customerId: cid }).catch(() => null)])
        if (!ctx.customer) return live && setError(t("quotes.form.customerMissing"))
        const quote = (stored?.quote as Quote | null | undefined) ?? null
        const next = loadedFrom(ctx, prices, quote, contactId, callId)
        // A stored draft is compared with the catalog and the customer's rules of today (see QuoteFormBody).
        const ids = quote?.status === "draft" ? quote.lines.flatMap((l) => (l.productId ? [l.productId] : [])) : []
        if (next && ids.length > 0) next.products = new Map((await send("catalog/products", { ids })).products.map((p) => [p.id, p]))
        if (next && !quote && prefill.length > 0) {
          const filled = await prefilledLines(prefill, next.values.language === "en" ? "en" : "fr", prices?.pricing ?? null, next.date, customerVatRegime(next.customer))
          next.values.lines = filled.lines
          next.products = new Map(filled.products.map((p) => [p.id, p]))
        }
        if (live) setLoaded(next)
      } catch (e) {
        if (live) setError(String(e instanceof Error ? e.message : e))
      }
    })()
    return () => {
      live = false
    }
    // `prefill` comes from the same query as the key the section gives this editor: it changes with it.
  }, [quoteId, customerId, contactId, callId, t])
  if (error) return <p className="c-error">{error}</p>
  if (!loaded) return <p className="c-empty">{t("quotes.form.loading")}</p>
  return <QuoteFormBody key={loaded.id} loaded={loaded} t={t} />
}

/** The form's starting point: a stored quote's values, or a new one's from the customer, the agent and the team. */
function loadedFrom(ctx: ResponseOf<"quotes/context">, prices: ResponseOf<"pricing/get"> | null, quote: Quote | null, contactId: string | null, callId: string | null): Loaded | null {
  if (!ctx.customer) return null
  const values = quote ? valuesFromQuote(quote) : newQuoteValues(ctx.customer, { today: ctx.today, validityDays: ctx.validityDays, agentName: ctx.agentName, teamMembers: ctx.teamMembers, contactId, callId })
  const date = quote && quote.status !== "draft" ? quote.date : ctx.today
  return { id: quote?.id ?? uuidv7(), customer: ctx.customer, quote, values, risk: ctx.risk, sellerProblems: ctx.sellerProblems, pricing: prices?.pricing ?? null, date, products: new Map(), team: { active: ctx.teamMembers, inactive: ctx.inactiveMembers } }
}

/**
 * Lines handed over (a reviewed order mail) from the catalog by their ref: catalog label, the customer's own price,
 * the reviewed quantity, the VAT rate of the customer's regime (0 % abroad); a ref the catalog lacks becomes a free
 * line to price. With the products found.
 */
async function prefilledLines(prefill: readonly PrefillLine[], lang: "fr" | "en", pricing: CustomerPricing | null, date: string, regime: VatRegime): Promise<{ lines: QuoteFormValues["lines"]; products: Product[] }> {
  const found = await Promise.all(
    prefill.map(async (l) => {
      const hit = (await send("products/search", { query: l.ref, limit: 5 })).products.find((p) => p.ref.toUpperCase() === l.ref.toUpperCase())
      const line = hit ? lineFromPrefill(hit, l, lang, uuidv7(), priceFor(hit, pricing, { date, quantityMilli: Math.round(l.quantity * 1000) }), regime) : { ...emptyLine(uuidv7(), regime), ref: l.ref, label: l.ref, quantity: String(l.quantity), unit: l.unit || "u" }
      return { line, hit }
    })
  )
  return { lines: found.map((f) => f.line), products: found.flatMap((f) => (f.hit ? [f.hit] : [])) }
}

function QuoteFormBody({ loaded, t }: { loaded: Loaded; t: Translate }) {
  const { i18n } = useTranslation()
  const locale = i18n.language
  const [quote, setQuote] = useState<Quote | null>(loaded.quote)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ kind: "ok" | "error" | "notice"; text: string } | null>(null)
  const [mismatch, setMismatch] = useState<string[] | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<QuoteFormValues>({ resolver: zodResolver(QuoteFormValues), defaultValues: loaded.values, mode: "onChange" })
  const { register, control, handleSubmit, formState } = form
  const lines = useFieldArray({ control, name: "lines", keyName: "key" })
  const watchedLines = useWatch({ control, name: "lines" })
  const termsKind = useWatch({ control, name: "termsKind" })
  const language = useWatch({ control, name: "language" })
  const validUntil = useWatch({ control, name: "validUntil" })
  const totals = useMemo(() => liveTotals(watchedLines ?? []), [watchedLines])
  const team = useSalesRepTeam(loaded.team)
  const editable = !quote || quote.status === "draft"
  // Amounts as the quote's PDF and text print them: in its language, whatever the interface's.
  const money = (cents: number) => formatCents(cents, language === "en" ? "en" : "fr")
  // Its VAT rates too: "VAT 5,5 %" beside "1,04 €" on a French quote, "VAT 5.5%" beside "€1.04" on an English one.
  const quoteLang = language === "en" ? "en" : "fr"
  // The benchmark reads when the filled form was first on screen (bench/quote.bench.ts).
  useEffect(() => void performance.mark("comptoir:quote-form-ready"), [])
  // Each line's product as the catalog has it: its category for the category rules, its names for a change of
  // language. The products the form opened with, then those picked.
  const products = useRef(new Map(loaded.products))
  // A reopened draft whose customer's rules (or catalog prices) changed since: its prices stand until the agent
  // chooses to update them. Never an issued document (not editable).
  const [outdated, setOutdated] = useState<OutdatedLine[]>(() =>
    loaded.quote?.status === "draft" ? outdatedLines(loaded.values.lines, loaded.pricing, loaded.products, loaded.date, loaded.values.language === "en" ? "en" : "fr") : []
  )
  const updatePrices = () => {
    // Read again at the click: the agent may have changed lines since the notice came up.
    const now = outdatedLines(form.getValues("lines"), loaded.pricing, loaded.products, loaded.date, form.getValues("language"))
    const opts = { shouldDirty: true, shouldValidate: true }
    for (const { index, updated } of now) {
      form.setValue(`lines.${index}.unitPrice`, updated.unitPrice, opts)
      form.setValue(`lines.${index}.discountPercent`, updated.discountPercent, opts)
      form.setValue(`lines.${index}.priceSource`, updated.priceSource, { shouldDirty: true })
    }
    setOutdated([])
    setNotice({ kind: "notice", text: t("quotes.outdated.updated") })
  }
  // A quantity crossing one of the customer's breaks reprices its line, unless the agent typed the price
  // (line-pricing.ts): the line keeps theirs and its note gives the customer's price at that quantity.
  useEffect(() => {
    const sub = form.watch((_values, { name }) => {
      const m = name ? /^lines\.(\d+)\.quantity$/.exec(name) : null
      if (!m) return
      const i = Number(m[1])
      const line = form.getValues(`lines.${i}`)
      const next = repricedLine(line, loaded.pricing, loaded.date, form.getValues("language"), line.productId ? products.current.get(line.productId)?.category : undefined)
      if (next === line) return
      const opts = { shouldDirty: true, shouldValidate: true }
      if (next.unitPrice !== line.unitPrice) form.setValue(`lines.${i}.unitPrice`, next.unitPrice, opts)
      if (next.discountPercent !== line.discountPercent) form.setValue(`lines.${i}.discountPercent`, next.discountPercent, opts)
      form.setValue(`lines.${i}.priceSource`, next.priceSource, { shouldDirty: true })
    })
    return () => sub.unsubscribe()
  }, [form, loaded.pricing, loaded.date])
  // The quote switched to English (or French): the lines still named as the catalog names them in the language it
  // had take the catalog's name in the new one, or the PDF and the reply would print French names on an English
  // quote. A label the agent wrote keeps their words (relabelledLines).
  const shownLanguage = useRef(loaded.values.language)
  useEffect(() => {
    const sub = form.watch((values, { name }) => {
      if (name !== "language" || !values.language || values.language === shownLanguage.current) return
      const from = shownLanguage.current
      shownLanguage.current = values.language
      for (const { index, label } of relabelledLines(form.getValues("lines"), products.current, from, values.language)) form.setValue(`lines.${index}.label`, label, { shouldDirty: true, shouldValidate: true })
      // Its 0 % products' exemption mentions too, in the new language (exemption-text.ts).
      for (const { index, vatExemption } of rewordedExemptions(form.getValues("lines"), products.current, values.language)) form.setValue(`lines.${index}.vatExemption`, vatExemption, { shouldDirty: true })
      // Its numbers too: "8,90" left on an English quote reads as the French the PDF no longer prints.
      for (const { index, field, value } of renumberedLines(form.getValues("lines"), values.language)) form.setValue(`lines.${index}.${field}`, value, { shouldDirty: true, shouldValidate: true })
    })
    return () => sub.unsubscribe()
  }, [form])
  // Typing not saved yet keeps this tab from being taken over by a card's "New quote" (workspace/unsaved-work.ts).
  useEffect(() => {
    const id = `quote:${loaded.id}`
    markUnsaved(id, formState.isDirty)
    return () => markUnsaved(id, false)
  }, [formState.isDirty, loaded.id])

  // Once sent, the number comes from the server with the push's answer: shown as soon as the base has it (or refused).
  const waiting = quote !== null && quote.status !== "draft" && quote.number === null
  useNumberWhenKnown(loaded.id, waiting, (r) => {
    if (r.quote) setQuote(r.quote)
    if (r.refusal) setRefusal(r.refusal)
  })

  const save = async (values: QuoteFormValues): Promise<Quote | null> => {
    const r = await send("quotes/save", { id: loaded.id, values })
    if (!r.ok || !r.quote) {
      setNotice({ kind: "error", text: errorText(r.error, t, quote?.status ?? "draft") })
      return null
    }
    setQuote(r.quote as Quote)
    form.reset(values)
    if (!location.hash.endsWith(`/quotes/${loaded.id}`)) history.replaceState(null, "", `#/quotes/${loaded.id}`)
    return r.quote as Quote
  }

  // A quote never saved, or a draft with changes, is saved as a draft before it is printed, inserted or copied: each
  // of the three buttons says so (what goes out is the stored draft, "Draft, numbered when sent").
  const savesFirst = editable && (formState.isDirty || !quote)
  const run = (what: (q: Quote, saved: boolean) => Promise<void>) =>
    handleSubmit(async (values) => {
      setBusy(true)
      setNotice(null)
      setMismatch(null)
      try {
        const saving = savesFirst
        const q = saving ? await save(values) : quote
        if (q) await what(q, saving)
      } catch (e) {
        setNotice({ kind: "error", text: t("quotes.errors.generic", { message: e instanceof Error ? e.message : String(e) }) })
      } finally {
        setBusy(false)
      }
    })

  const withDocument = async (q: Quote, use: (q: Quote, customer: Customer, seller: Seller) => Promise<void>) => {
    const r = await send("quotes/get", { id: q.id })
    if (!r.quote || !r.customer) throw new Error(t("quotes.form.quoteMissing"))
    if (!r.seller) return setNotice({ kind: "error", text: t("quotes.errors.seller", { problems: loaded.sellerProblems.join(", ") }) })
    await use(r.quote as Quote, r.customer, r.seller)
  }

  const onSave = run(async () => setNotice({ kind: "ok", text: t("quotes.status.saved") }))
  const onIssue = run(async (q) => {
    if (loaded.sellerProblems.length) return setNotice({ kind: "error", text: t("quotes.errors.seller", { problems: loaded.sellerProblems.join(", ") }) })
    const r = await send("quotes/issue", { id: q.id })
    if (!r.ok || !r.quote) return setNotice({ kind: "error", text: errorText(r.error, t, q.status) })
    setRefusal(null)
    setQuote(r.quote as Quote)
  })
  const onPdf = run((q, saved) =>
    withDocument(q, async (doc, customer, seller) => {
      const name = await downloadDocumentPdf(doc, seller, customer)
      setNotice({ kind: "ok", text: t(saved ? "quotes.status.savedPdfReady" : "quotes.status.pdfReady", { name }) })
    })
  )
  // A reply addressed to none of the customer's gets nothing until the agent, told to whom it goes, insists (`force`).
  const insertRun = (force: boolean) =>
    run((q, saved) =>
      withDocument(q, async (doc, customer, seller) => {
        const r = await insertIntoReply(doc, seller, customer, force)
        setMismatch(mismatchOf(r))
        if (!mismatchOf(r)) setNotice(r.ok ? { kind: "ok", text: t(saved ? "quotes.status.savedInserted" : "quotes.status.inserted") } : { kind: "error", text: errorText(r.error, t, doc.status) })
        // Over a page: the overlay closes on the compose box that now holds the quote.
        if (r.ok) notifyFrameHost("inserted")
      })
    )
  const onInsert = insertRun(false)
  const onCopy = run((q, saved) =>
    withDocument(q, async (doc, customer, seller) => {
      await copyAsText(doc, seller, customer)
      setNotice({ kind: "ok", text: t(saved ? "quotes.status.savedCopied" : "quotes.status.copied") })
    })
  )

  const c = loaded.customer
  // Abroad, new lines start at 0 % (an export, an intra-Community supply) and the documents print why.
  const regime = customerVatRegime(c)
  const status = quote?.status ?? "draft"
  // Once sent, the customer's answer is the next step: recorded from here, then the quote's page shows what follows
  // (make the order). The PDF and the reply stay at hand above it.
  // Past its validity date a sent quote is expired: no acceptance offered (its page offers to renew it).
  const answers = quote ? allowedNext("quote", effectiveQuoteStatus(quote.status, quote.validUntil, todayInFrance())).filter((to): to is "accepted" | "refused" => to === "accepted" || to === "refused") : []
  const answer = async (to: "accepted" | "refused") => {
    if (!quote) return
    setBusy(true)
    setNotice(null)
    try {
      const r = await send("documents/act", { id: quote.id, step: { action: "transition", to } })
      if (r.ok) window.location.hash = `#/quotes/${encodeURIComponent(quote.id)}/page`
      else setNotice({ kind: "error", text: t("quotes.errors.generic", { message: r.message ?? r.code ?? "" }) })
    } catch (e) {
      setNotice({ kind: "error", text: t("quotes.errors.generic", { message: e instanceof Error ? e.message : String(e) }) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="c-quote" data-comptoir="quote-form" data-status={status} onSubmit={(e) => e.preventDefault()} noValidate>
      <div className="c-quote-head">
        <h1>{quote?.number || status !== "draft" ? t("quotes.form.title") : t(quote ? "quotes.form.draftTitle" : "quotes.form.newTitle", { company: c.company })}</h1>
        <span className="c-quote-number" data-comptoir="document-number" data-numbered={quote?.number ? "true" : "false"}>
          {quote?.number ?? t("quotes.status.notNumbered")}
        </span>
        <span className="c-chip" data-comptoir="quote-status">
          {t(`quotes.status.${status}`)}
        </span>
      </div>
      <div className="c-muted">
        {c.company} · {c.code}
      </div>
      {loaded.values.callId ? (
        <p className="c-muted" data-comptoir="quote-from-call" data-call-id={loaded.values.callId}>
          {t("quotes.form.fromCall")}
        </p>
      ) : null}
      {loaded.risk ? <RiskBadge risk={loaded.risk} t={t as (k: string, o?: Record<string, unknown>) => string} locale={locale} /> : null}
      {waiting && !refusal ? <p className="c-notice">{t("quotes.status.waitingNumber")}</p> : null}
      {quote?.number ? <p className="c-ok">{t("quotes.status.numbered", { number: quote.number })}</p> : null}
      {refusal ? <p className="c-error">{t("quotes.status.serverRefused", { reason: refusal })}</p> : null}
      {editable && outdated.length > 0 ? <OutdatedPrices outdated={outdated} lang={language} t={t} onUpdate={updatePrices} onKeep={() => setOutdated([])} /> : null}

      {/* Sent, the quote reads as a document: no field left that looks as if it could still be changed. */}
      {!editable && quote ? (
        <QuoteSheet quote={quote} customer={c} lang={uiLang(locale)} t={t} />
      ) : (
        // Editing only changes the form: usable while the frame over a page is covered (quote-frame-gate.ts).
        <fieldset disabled={busy} data-visibility-gate="free" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <div className="c-quote-grid">
            <label>
              {t("quotes.form.contact")}
              <select {...register("contactId")}>
                <option value="">{t("quotes.form.noContact")}</option>
                {c.contacts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {`${p.firstName} ${p.lastName}`.trim() || p.emails[0] || p.id}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("quotes.form.language")}
              <select {...register("language")}>
                <option value="fr">Français</option>
                <option value="en">English</option>
              </select>
            </label>
            <label>
              {t("quotes.form.salesRep")}
              <SalesRepPick control={control} name="salesRep" team={team} hook="quote-sales-rep" />
            </label>
            <div className="c-date-field">
              <label htmlFor="c-quote-validUntil">{t("quotes.form.validUntil")}</label>
              <DateInput id="c-quote-validUntil" data-comptoir="quote-valid-until" day={validUntil} {...register("validUntil")} aria-invalid={formState.errors.validUntil ? "true" : "false"} />
              <FieldMessage error={formState.errors.validUntil} />
            </div>
            <label>
              {t("quotes.form.terms")}
              <select {...register("termsKind", { deps: ["termsDays"] })}>
                <option value="net">{t("quotes.form.termsNet")}</option>
                <option value="end-of-month">{t("quotes.form.termsEndOfMonth")}</option>
                <option value="on-receipt">{t("quotes.form.termsOnReceipt")}</option>
              </select>
            </label>
            {termsKind !== "on-receipt" ? (
              <label>
                {t("quotes.form.termsDays")}
                <input inputMode="numeric" {...register("termsDays")} data-comptoir="quote-terms-days" aria-invalid={formState.errors.termsDays ? "true" : "false"} />
                <FieldMessage error={formState.errors.termsDays} />
              </label>
            ) : null}
          </div>

          <div className="c-quote-lines-scroll">
            <table className="c-quote-lines c-quote-lines-edit">
              <thead>
                <tr>
                  <th style={{ width: "12%" }}>{t("quotes.form.ref")}</th>
                  <th>{t("quotes.form.label")}</th>
                  <th style={{ width: "7%" }}>{t("quotes.form.quantity")}</th>
                  <th style={{ width: "12%" }}>{t("quotes.form.unit")}</th>
                  <th style={{ width: "12%" }}>{t("quotes.form.unitPrice")}</th>
                  <th style={{ width: "10%" }}>{t("quotes.form.discount")}</th>
                  <th style={{ width: "9%" }}>{t("quotes.form.vatRate")}</th>
                  <th className="c-num" style={{ width: "12%" }}>
                    {t("quotes.form.lineTotal")}
                  </th>
                  <th style={{ width: "5%" }} />
                </tr>
              </thead>
              <tbody>
                {lines.fields.map((f, i) => (
                  <LineRow key={f.key} i={i} register={register} line={watchedLines?.[i]} lang={language} errors={formState.errors.lines?.[i]} touched={formState.touchedFields.lines?.[i]} submitted={formState.isSubmitted} netCents={lineNet(watchedLines?.[i])} money={money} t={t} frenchMention={lineMentionFrenchOnly(watchedLines?.[i], products.current, language)} alreadyOnLine={earlierLineOfProduct(watchedLines, i)} onRemove={() => lines.remove(i)} onUnit={(u) => form.setValue(`lines.${i}.unit`, u, { shouldDirty: true, shouldValidate: true })} />
                ))}
              </tbody>
            </table>
          </div>
          {typeof formState.errors.lines?.message === "string" ? <p className="c-error">{t(formState.errors.lines.message)}</p> : null}
          {regime !== "domestic" ? (
            <p className="c-muted" data-comptoir="quote-vat-regime" data-regime={regime}>
              {t(`quotes.form.vatRegime.${regime}`)} {regimeExemptionMention(regime, language === "en" ? "en" : "fr")}
            </p>
          ) : null}
          <ProductPicker
            unsavedId={`quote:${loaded.id}:add-line`}
            language={language}
            regime={regime}
            pricing={loaded.pricing}
            date={loaded.date}
            t={t}
            onPick={(line, product) => {
              if (product) products.current.set(product.id, product)
              // A free line waits for its price: the cursor goes there, not to its empty reference.
              lines.append(line, product ? undefined : { focusName: `lines.${lines.fields.length}.unitPrice` })
            }}
          />
          <div className="c-quote-bottom">
            <label style={{ flex: 1, minWidth: 260 }}>
              {t("quotes.form.notes")}
              <textarea rows={3} {...register("notes")} />
            </label>
            <QuoteTotals totals={totals} money={money} t={t} lang={quoteLang} />
          </div>
        </fieldset>
      )}

      <div className="c-quote-actions">
        {editable ? (
          <>
            <button type="button" className="c-button c-button-secondary" data-comptoir="quote-save" disabled={busy} onClick={() => void onSave()}>
              {t("quotes.actions.save")}
            </button>
            <button type="button" className="c-button" data-comptoir="quote-issue" disabled={busy} onClick={() => void onIssue()}>
              {t("quotes.actions.issue")}
            </button>
          </>
        ) : null}
        <OutputButtons
          labels={{ pdf: t(savesFirst ? "quotes.actions.savePdf" : "quotes.actions.pdf"), insert: t(savesFirst ? "quotes.actions.saveInsert" : "quotes.actions.insert"), copy: t(savesFirst ? "quotes.actions.saveCopy" : "quotes.actions.copy") }}
          hooks={{ pdf: "quote-pdf", copy: "quote-copy" }}
          busy={busy}
          onPdf={onPdf}
          onInsert={onInsert}
          onCopy={onCopy}
        />
        {answers.map((to) => (
          <button key={to} type="button" className="c-button c-button-secondary" data-comptoir="transition" data-to={to} disabled={busy} onClick={() => void answer(to)}>
            {t(`invoicing.actions.to.${to}`)}
          </button>
        ))}
      </div>
      {mismatch ? <RecipientMismatch recipients={mismatch} company={c.company} busy={busy} onInsertAnyway={insertRun(true)} /> : null}
      {notice ? (
        <p className={notice.kind === "ok" ? "c-ok" : notice.kind === "error" ? "c-error" : "c-notice"} data-comptoir="quote-notice" role="status">
          {notice.text}
        </p>
      ) : null}
    </form>
  )
}

/** The background's refusal codes in the agent's words. */
function errorText(code: string | undefined, t: Translate, status: string): string {
  if (!code) return t("quotes.errors.generic", { message: "?" })
  if (code === "not-draft") return t("quotes.errors.notDraft", { status: t(`quotes.status.${status}`) })
  if (code === "not-signed-in") return t("quotes.errors.notSignedIn")
  if (code === "no-compose-box") return t("quotes.errors.noCompose")
  if (code.startsWith("seller-incomplete")) return t("quotes.errors.seller", { problems: code.replace(/^seller-incomplete:\s*/, "") })
  return t("quotes.errors.generic", { message: code })
}
