import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { QuotesSection as QuoteDocuments } from "~src/features/invoicing/sections"
import { send } from "~src/messaging/send"

import { QuotesSection as QuoteEditorSection } from "./quotes-section"

/**
 * `#/quotes…` in the workspace: the list and an issued quote's page (accept, turn into an order) are the
 * documents' (src/features/invoicing); a new quote, a draft, and `#/quotes/<id>/edit` (PDF, insert into reply)
 * are the quote editor's.
 */
export function QuotesRoute({ path }: { path: string[] }) {
  const [id = "", sub = ""] = path
  if (id === "new") return <QuoteEditorSection path={path} />
  if (id && sub === "edit") return <QuoteEditorSection path={[id]} />
  if (!id || id === "customer") return <QuoteDocuments path={path} />
  // `#/quotes/<id>/page`: the same quote read again (the editor sends there once the customer's answer is recorded,
  // so a quote opened as a draft now shows as the document it became).
  return <QuoteById key={sub === "page" ? `${id}/page` : id} id={id} />
}

function QuoteById({ id }: { id: string }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<boolean | null>(null)
  useEffect(() => {
    send("quotes/get", { id }).then(
      (r) => setDraft(r.quote?.status === "draft"),
      () => setDraft(false)
    )
  }, [id])
  if (draft === null) return <p className="c-empty">{t("quotes.form.loading")}</p>
  if (draft) return <QuoteEditorSection path={[id]} />
  return (
    <>
      <p className="c-doc-actions">
        <a className="c-button c-button-secondary" href={`#/quotes/${encodeURIComponent(id)}/edit`} data-comptoir="quote-open-editor">
          {t("quotes.list.openEditor")}
        </a>
      </p>
      <QuoteDocuments path={[id]} />
    </>
  )
}
