import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { SalesDocument } from "~src/domain/documents/document.schema"
import type { DocumentActionRequest } from "~src/messaging/contract"

/**
 * The customer's order number among a document's facts. Read as text; on a draft or confirmed order, or a draft
 * invoice, the agent may type it (a quote's order has none until the buyer's purchase order arrives, and the buyer's accounts payable
 * match the invoice on it): "Add" or "Change" opens one field, saved through `documents/act`.
 */
export function PoNumberFacts({ doc, onAct }: { doc: SalesDocument; onAct: (s: DocumentActionRequest) => Promise<boolean> }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [typed, setTyped] = useState("")
  if (doc.type !== "order" && doc.type !== "invoice") return null
  const po = doc.customerPoNumber
  // A confirmed order takes it too (the buyer's PO often follows an order confirmed by phone), until it is invoiced.
  const editable = doc.status === "draft" || (doc.type === "order" && doc.status === "confirmed")
  if (!po && !editable) return null

  if (editing) {
    return (
      <>
        <dt>
          <label htmlFor="c-doc-po">{t("invoicing.view.poNumber")}</label>
        </dt>
        <dd>
          <form
            className="c-inline-form"
            style={{ margin: 0 }}
            onSubmit={(e) => {
              e.preventDefault()
              void onAct({ action: "po-number", poNumber: typed }).then((done) => done && setEditing(false))
            }}>
            <input id="c-doc-po" data-comptoir="po-number-input" value={typed} maxLength={60} autoFocus onChange={(e) => setTyped(e.target.value)} />
            <button type="submit" className="c-button" data-comptoir="po-number-save">
              {t("invoicing.po.save")}
            </button>
            <button type="button" className="c-link-button" onClick={() => setEditing(false)}>
              {t("invoicing.po.cancel")}
            </button>
          </form>
        </dd>
      </>
    )
  }
  return (
    <>
      <dt>{t("invoicing.view.poNumber")}</dt>
      {po ? <dd data-comptoir="order-po-number">{po}</dd> : <dd className="c-muted">{t("invoicing.po.none")}</dd>}
      {editable ? (
        <dd className="c-doc-fact-more">
          <button
            type="button"
            className="c-link-button"
            data-comptoir="po-number-edit"
            onClick={() => {
              setTyped(po ?? "")
              setEditing(true)
            }}>
            {t(po ? "invoicing.po.change" : "invoicing.po.add")}
          </button>
        </dd>
      ) : null}
    </>
  )
}
