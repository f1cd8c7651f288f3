import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { SalesDocument } from "~src/domain/documents/document.schema"
import type { SellerIdentity } from "~src/domain/documents/legal-mentions"
import { copyAsText, downloadDocumentPdf, insertIntoReply } from "~src/features/documents-pdf/document-output"
import { mismatchOf, RecipientMismatch } from "~src/features/reply-insert/recipient-mismatch"

type Said = { kind: "ok" | "error"; text: string } | null

/**
 * An order's page sends its order confirmation to the customer as the quote editor sends a quote (the same code,
 * src/features/documents-pdf/document-output.ts): the PDF, the text inserted into the reply being written, or copied,
 * in the customer's language. Without the team's seller identity there are no legal mentions: nothing is offered
 * but the reason.
 */
export function DocumentOutputActions({ doc, seller, customer }: { doc: SalesDocument; seller: SellerIdentity | null; customer: Customer | null }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState<Said>(null)
  const [mismatch, setMismatch] = useState<string[] | null>(null)
  if (!customer) return null

  const run = (what: (seller: SellerIdentity, customer: Customer) => Promise<Said>) => async () => {
    if (!seller) return setSaid({ kind: "error", text: t("invoicing.output.noSeller") })
    setBusy(true)
    setSaid(null)
    setMismatch(null)
    try {
      setSaid(await what(seller, customer))
    } catch (e) {
      setSaid({ kind: "error", text: t("invoicing.output.failed", { message: e instanceof Error ? e.message : String(e) }) })
    } finally {
      setBusy(false)
    }
  }
  const onPdf = run(async (s, c) => ({ kind: "ok", text: t("invoicing.output.pdfReady", { name: await downloadDocumentPdf(doc, s, c) }) }))
  const onInsert = (force: boolean) => run(async (s, c) => {
    const r = await insertIntoReply(doc, s, c, force)
    setMismatch(mismatchOf(r))
    if (r.ok) return { kind: "ok", text: t("invoicing.output.inserted") }
    if (mismatchOf(r)) return null
    return { kind: "error", text: r.error === "no-compose-box" ? t("invoicing.output.noCompose") : t("invoicing.output.failed", { message: r.error ?? "?" }) }
  })
  const onCopy = run(async (s, c) => {
    await copyAsText(doc, s, c)
    return { kind: "ok", text: t("invoicing.output.copied") }
  })

  return (
    <>
      <div className="c-doc-actions" data-comptoir="document-output">
        <OutputButtons labels={{ pdf: t("invoicing.output.pdf"), insert: t("invoicing.output.insert"), copy: t("invoicing.output.copy") }} hooks={{ pdf: "document-pdf", copy: "document-copy" }} busy={busy} onPdf={onPdf} onInsert={onInsert(false)} onCopy={onCopy} />
      </div>
      {mismatch ? <RecipientMismatch recipients={mismatch} company={customer.company} busy={busy} onInsertAnyway={onInsert(true)} /> : null}
      {said ? (
        <p className={said.kind === "ok" ? "c-ok" : "c-error"} data-comptoir="document-output-notice" role="status">
          {said.text}
        </p>
      ) : null}
    </>
  )
}

/** The three ways out, as the quote editor and an order's page both offer them (`insert-into-reply` is a stable hook). */
export function OutputButtons(p: { labels: { pdf: string; insert: string; copy: string }; hooks: { pdf: string; copy: string }; busy: boolean; onPdf: () => unknown; onInsert: () => unknown; onCopy: () => unknown }) {
  const button = (hook: string, label: string, onClick: () => unknown) => (
    <button type="button" className="c-button c-button-secondary" data-comptoir={hook} disabled={p.busy} onClick={() => void onClick()}>
      {label}
    </button>
  )
  return (
    <>
      {button(p.hooks.pdf, p.labels.pdf, p.onPdf)}
      {button("insert-into-reply", p.labels.insert, p.onInsert)}
      {button(p.hooks.copy, p.labels.copy, p.onCopy)}
    </>
  )
}
