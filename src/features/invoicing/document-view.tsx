import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { formatPercent, formatQuantity } from "~src/domain/documents/document-text"
import { formatCents } from "~src/domain/documents/money"
import { lineNetCents } from "~src/domain/documents/totals"
import { unitFor } from "~src/domain/documents/unit-words"
import { allowedNext } from "~src/domain/documents/workflow"
import type { DocumentActionRequest, ResponseOf } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { formatDay, formatDayLong, formatFranceDateTime, uiLang } from "~src/ui/dates"
import { teamName } from "~src/ui/team-name"

import { CorrectedInvoiceFacts } from "./corrected-invoice-facts"
import { DocumentHistory } from "./document-history"
import { DocumentOutputActions } from "./document-output-actions"
import { InvoicePanels } from "./invoice-panels"
import { PoNumberFacts } from "./po-number-facts"
import { StatusChip } from "./document-list"
import { statusText } from "./status-text"
import { AskManager, RiskReasons } from "./risk-reasons"

type View = ResponseOf<"documents/get">
type Doc = NonNullable<View["document"]>

const SECTION_OF: Record<Doc["type"], string> = { quote: "quotes", order: "orders", invoice: "invoices", "credit-note": "invoices" }
/** Transitions offered as plain buttons; the others have their own controls (confirm, issue, to order…). */
const BUTTONS: Record<string, string[]> = { quote: ["accepted", "refused", "cancelled"], order: ["cancelled"], invoice: [], "credit-note": [] }

/** One document: its lines and totals, where it came from and went, and the next steps its status allows. */
/**
 * Why a document has no number yet. A draft gets it at its step ("numbered when confirmed"); one past that step
 * (confirmed or sent offline, or before the server's answer came back by sync) is no draft any more and waits for
 * the server: "draft" beside its "Confirmed" badge read as a contradiction.
 */
function unnumbered(t: (key: string) => string, type: string, status: string): string {
  return status === "draft" || status === "cancelled" ? t(`invoicing.view.unnumbered.${type}`) : t("invoicing.view.numberPending")
}

export function DocumentView({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "en" ? "en" : "fr"
  const money = (c: number) => formatCents(c, lang)
  const [view, setView] = useState<View | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const load = useCallback(() => {
    send("documents/get", { id })
      .then(setView)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }, [id])
  useEffect(load, [load])
  // The server's answer (a number, a refusal) and other agents' changes arrive by sync: read again now and then.
  useEffect(() => {
    const timer = setInterval(load, 3_000)
    return () => clearInterval(timer)
  }, [load])

  /** True once the step is taken: a form clears what the agent typed only then, never on a refusal. */
  const act = async (step: DocumentActionRequest, openCreated = false): Promise<boolean> => {
    setNotice(null)
    try {
      const r = await send("documents/act", { id, step })
      if (!r.ok) {
        setError(refusalText(t, r.code, r.message, r.params))
        return false
      }
      setError(null)
      if (openCreated && r.id && r.id !== id) {
        const section = step.action === "to-order" ? "orders" : step.action === "renew" ? "quotes" : "invoices"
        window.location.hash = `#/${section}/${r.id}`
      } else load()
      return true
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      return false
    }
  }

  if (!view) return <p className={error ? "c-error" : "c-muted"}>{error ?? t("invoicing.list.loading")}</p>
  const doc = view.document
  if (!doc) return <p className="c-empty">{t("invoicing.view.notFound")}</p>
  const row = view.row
  const next = allowedNext(doc.type, row?.status ?? doc.status)
  const manager = view.me.role === "manager" || view.me.role === "admin"

  return (
    <article className="c-doc" data-comptoir="document-view" data-customer={doc.customerId} data-type={doc.type} data-status={row?.status ?? doc.status} data-payment={row?.paymentState ?? ""}>
      <header className="c-doc-head">
        <a href={`#/${SECTION_OF[doc.type]}`}>← {t(`invoicing.list.title.${SECTION_OF[doc.type]}`)}</a>
        <h1>
          {t(`invoicing.type.${doc.type}`)} <span data-comptoir="document-number">{doc.number ?? unnumbered(t, doc.type, doc.status)}</span>
        </h1>
        {row ? <StatusChip row={row} /> : null}
      </header>
      <dl className="c-doc-facts">
        <dt>{t("invoicing.list.customerColumn")}</dt>
        <dd>
          {view.customer ? `${view.customer.company} (${view.customer.code})` : doc.customerId} · {t(`card.language.${doc.language}`)}
        </dd>
        <dt>{t("invoicing.list.date")}</dt>
        <dd>{formatDay(doc.date, lang)}</dd>
        {doc.type === "invoice" ? (
          <>
            <dt>{t("invoicing.list.due")}</dt>
            <dd data-comptoir="due-date">{formatDay(doc.dueDate, lang)}</dd>
          </>
        ) : null}
        {doc.type === "quote" ? (
          <>
            <dt>{t("invoicing.list.validUntil")}</dt>
            <dd>{formatDay(doc.validUntil, lang)}</dd>
          </>
        ) : null}
        {/* What the customer asked for (a captured mail's order number and delivery day): checked before confirming. */}
        <PoNumberFacts key={doc.id} doc={doc} onAct={act} />
        {doc.type === "order" && doc.deliveryDate ? (
          <>
            <dt>{t("invoicing.view.deliveryDate")}</dt>
            <dd data-comptoir="order-delivery-date">{formatDayLong(doc.deliveryDate, lang)}</dd>
          </>
        ) : null}
        {doc.notes.trim() ? (
          <>
            <dt>{t("invoicing.view.notes")}</dt>
            <dd className="c-doc-notes" data-comptoir="document-notes">
              {doc.notes}
            </dd>
          </>
        ) : null}
        {view.correctedInvoice ? <CorrectedInvoiceFacts corrected={view.correctedInvoice} /> : null}
        {/* A credit note's source is the invoice it corrects, named just above. */}
        {view.source && view.source.id !== view.correctedInvoice?.id ? (
          <>
            <dt>{t("invoicing.view.source")}</dt>
            <dd>
              <a href={`#/${SECTION_OF[view.source.type as Doc["type"]]}/${view.source.id}`}>
                {t(`invoicing.type.${view.source.type}`)} {view.source.number ?? t(`invoicing.view.unnumbered.${view.source.type}`)}
              </a>
            </dd>
          </>
        ) : null}
        {view.derived.length ? (
          <>
            <dt>{t("invoicing.view.derived")}</dt>
            <dd>
              {view.derived.map((d) => (
                <a key={d.id} href={`#/${SECTION_OF[d.type as Doc["type"]]}/${d.id}`} className="c-chip" data-comptoir="derived-document">
                  {t(`invoicing.type.${d.type}`)} {d.number ?? unnumbered(t, d.type, d.status)} · {statusText(t, d.status, d.type)}
                </a>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      <table className="c-table">
        <thead>
          <tr>
            <th>{t("invoicing.view.ref")}</th>
            <th>{t("invoicing.view.label")}</th>
            <th className="c-num">{t("invoicing.view.quantity")}</th>
            <th className="c-num">{t("invoicing.view.unitPrice")}</th>
            <th className="c-num">{t("invoicing.view.discount")}</th>
            <th className="c-num">{t("invoicing.view.vat")}</th>
            <th className="c-num">{t("invoicing.view.lineTotal")}</th>
          </tr>
        </thead>
        <tbody>
          {doc.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.ref}</td>
              <td>{l.label}</td>
              {/* Numbers in the agent's language ("1,5", "5,5 %"); the unit, like the line's label, in the document's,
                  agreeing with the quantity as on the PDF ("2 pièces"). */}
              <td className="c-num" data-comptoir="line-quantity">
                {formatQuantity(l.quantityMilli, lang)} {unitFor(l.unit, l.quantityMilli, doc.language)}
              </td>
              <td className="c-num">{money(l.unitPriceCents)}</td>
              <td className="c-num">{l.discountBp ? formatPercent(l.discountBp, lang) : ""}</td>
              <td className="c-num">{formatPercent(l.vatRateBp, lang)}</td>
              <td className="c-num" data-comptoir="line-total">
                {money(lineNetCents(l))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="c-doc-totals">
        {t("invoicing.view.totalExcl")} <strong>{money(doc.totalExclVatCents)}</strong> · {t("invoicing.view.totalVat")} <strong>{money(doc.totalVatCents)}</strong> · {t("invoicing.view.totalIncl")}{" "}
        <strong data-comptoir="document-total" data-cents={doc.totalInclVatCents}>
          {money(doc.totalInclVatCents)}
        </strong>
        {row?.remainingCents !== null && row?.remainingCents !== undefined ? (
          <>
            {" "}
            · {t("invoicing.list.remaining")}{" "}
            <strong data-comptoir="remaining" data-cents={row.remainingCents}>
              {money(row.remainingCents)}
            </strong>
          </>
        ) : null}
      </p>

      {doc.type === "quote" && doc.status === "sent" && row?.status === "expired" ? (
        <p className="c-notice" data-comptoir="quote-expired">
          {t("invoicing.view.expiredOn", { date: formatDay(doc.validUntil, lang) })}
        </p>
      ) : null}
      {view.refusal ? (
        <div className="c-error" role="alert" data-comptoir="document-refusal" data-reason={view.refusal.reason}>
          {/* Said the way the refused changes list says it: the reason in the agent's words, then the server's own. */}
          <p>{t("invoicing.view.refused", { message: t(`sync.refused.reasons.${view.refusal.reason}`, { defaultValue: t("sync.refused.reasons.other") }) })}</p>
          {view.refusal.message ? <p className="c-muted">{t("sync.refused.serverSaid", { message: view.refusal.message })}</p> : null}
          <p className="c-muted">{t("invoicing.view.refusedHint")}</p>
        </div>
      ) : null}
      {error ? (
        <p className="c-error" role="alert" data-comptoir="document-error">
          {error}
        </p>
      ) : null}
      {notice ? <p className="c-notice">{notice}</p> : null}

      <div className="c-doc-actions">
        {doc.type === "quote" && row?.status === "accepted" ? (
          <button type="button" className="c-button" data-comptoir="to-order" onClick={() => void act({ action: "to-order" }, true)}>
            {t("invoicing.actions.toOrder")}
          </button>
        ) : null}
        {doc.type === "quote" && (row?.status === "expired" || row?.status === "refused") ? (
          <button type="button" className="c-button" data-comptoir="quote-renew" onClick={() => void act({ action: "renew" }, true)}>
            {t("invoicing.actions.renew")}
          </button>
        ) : null}
        {doc.type === "order" && doc.status === "confirmed" && !view.derived.some((d) => d.type === "invoice") ? (
          <button type="button" className="c-button" data-comptoir="to-invoice" onClick={() => void act({ action: "to-invoice" }, true)}>
            {t("invoicing.actions.toInvoice")}
          </button>
        ) : null}
        {(doc.type === "invoice" || doc.type === "credit-note") && doc.status === "draft" ? (
          <button type="button" className="c-button" data-comptoir="issue" onClick={() => void act({ action: "transition", to: "issued" })}>
            {t("invoicing.actions.issue")}
          </button>
        ) : null}
        {doc.type === "quote" && row?.status === "draft" ? (
          <button type="button" className="c-button" data-comptoir="transition" data-to="sent" onClick={() => void act({ action: "transition", to: "sent" })}>
            {t("invoicing.actions.send")}
          </button>
        ) : null}
        {(BUTTONS[doc.type] ?? [])
          .filter((to) => next.includes(to))
          .map((to) => (
            <button key={to} type="button" className="c-button c-button-secondary" data-comptoir="transition" data-to={to} onClick={() => void act({ action: "transition", to })}>
              {t(`invoicing.actions.to.${to}`)}
            </button>
          ))}
        {(doc.type === "invoice" || doc.type === "credit-note") && doc.status === "issued" && view.customer ? (
          <button
            type="button"
            className="c-button c-button-secondary"
            data-comptoir="facturx-download"
            aria-describedby="facturx-note"
            onClick={() => {
              setNotice(null)
              // Factur-X (pdf-lib, the CII XML writer, pdfmake) loads on this click only: the quote editor's chunk, which
              // holds this view, stays small enough to parse at a New quote clicked right after its page opens (issue #10).
              import("./factur-x-download").then((m) => m.downloadFacturX(doc, view.customer!, view.seller, view.correctedInvoice)).then(
                (name) => setNotice(t("invoicing.facturx.done", { name })),
                (e: unknown) => setError(t("invoicing.facturx.failed", { reason: e instanceof Error ? e.message : String(e) }))
              )
            }}>
            {t(doc.type === "invoice" ? "invoicing.facturx.download" : "invoicing.facturx.downloadCreditNote")}
          </button>
        ) : null}
        {/* A first-day agent looks for "the invoice's PDF"; that it is also Factur-X (the very same PDF/A-3 file) is
            what an accountant looks for, so it is said beside, not as the button. */}
        {(doc.type === "invoice" || doc.type === "credit-note") && doc.status === "issued" && view.customer ? (
          <small id="facturx-note" className="c-hint c-muted" data-comptoir="facturx-note">
            {t("invoicing.facturx.note")}
          </small>
        ) : null}
      </div>

      {doc.type === "order" ? <DocumentOutputActions doc={doc} seller={view.seller} customer={view.customer} /> : null}
      {doc.type === "order" ? <OrderRisk view={view} manager={manager} onAct={act} /> : null}
      {doc.type === "invoice" && doc.status === "issued" ? <InvoicePanels view={view} onAct={act} /> : null}

      <DocumentHistory doc={doc} payments={view.payments} creditNotes={view.creditNotes} lang={lang} names={view.names} t={t} />
    </article>
  )
}

type Translate = ReturnType<typeof useTranslation>["t"]

/** The refusal's code in the agent's language, the English message when the code is unknown. */
export function refusalText(t: Translate, code: string | undefined, message: string | undefined, params?: Record<string, string | number>): string {
  return code ? t(`invoicing.refusal.${code}`, { ...params, defaultValue: message ?? code }) : (message ?? "")
}

function OrderRisk({ view, manager, onAct }: { view: View; manager: boolean; onAct: (s: DocumentActionRequest) => Promise<boolean> }) {
  const { t, i18n } = useTranslation()
  const [reason, setReason] = useState("")
  const doc = view.document
  if (!doc || doc.type !== "order") return null
  const confirm = view.confirm
  const override = doc.riskOverride
  return (
    <section className="c-doc-risk" data-comptoir="order-risk" data-level={view.risk?.level ?? "ok"}>
      <h2>{t("invoicing.risk.title")}</h2>
      {/* A blocked confirmation lists its own reasons below; the risk's reasons would say the same twice. */}
      {view.risk && !(doc.status === "draft" && confirm && !confirm.allowed) ? <RiskReasons reasons={view.risk.reasons} /> : null}
      {override ? (
        <p className="c-notice" data-comptoir="risk-override">
          {t("invoicing.risk.overriddenBy", { who: teamName(override.by, view.names), why: override.reason, at: formatFranceDateTime(override.at, uiLang(i18n.language)) })}
        </p>
      ) : null}
      {doc.status === "draft" && confirm ? (
        confirm.allowed ? (
          <button type="button" className="c-button" data-comptoir="confirm-order" onClick={() => void onAct({ action: "transition", to: "confirmed" })}>
            {t("invoicing.actions.confirm")}
          </button>
        ) : (
          <div data-comptoir="confirm-blocked">
            <p className="c-error">
              <strong>{t("invoicing.risk.blocked")}</strong> {t("invoicing.risk.needsOverride")}
            </p>
            <RiskReasons reasons={confirm.reasons} />
            {manager ? (
              <form
                className="c-field"
                onSubmit={(e) => {
                  e.preventDefault()
                  void onAct({ action: "override", reason })
                }}>
                <label htmlFor="override-reason">{t("invoicing.risk.overrideReason")}</label>
                <input id="override-reason" data-comptoir="override-reason" value={reason} required minLength={3} maxLength={500} onChange={(e) => setReason(e.target.value)} />
                <button type="submit" className="c-button c-button-danger" data-comptoir="override-submit" disabled={reason.trim().length < 3}>
                  {t("invoicing.risk.override")}
                </button>
              </form>
            ) : (
              <AskManager overriders={view.overriders} />
            )}
          </div>
        )
      ) : null}
    </section>
  )
}
