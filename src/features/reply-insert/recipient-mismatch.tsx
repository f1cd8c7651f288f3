import { useTranslation } from "react-i18next"

import type { ResponseOf } from "~src/messaging/contract"

type InsertAnswer = ResponseOf<"documents/insert-into-reply">

/** The recipients of a reply the background would not fill (addressed to none of the customer's), else null. */
export function mismatchOf(r: InsertAnswer): string[] | null {
  return !r.ok && r.error === "recipient-mismatch" ? (r.recipients ?? []) : null
}

/**
 * Said before anything of a customer's goes into a reply addressed to someone else (a dunning reminder's overdue
 * amounts, a quote's prices): to whom the reply goes, and the one way on, a button to insert all the same. The
 * insertion it stood in for did not happen; the agent can also fix the To and click Insert into reply again.
 */
export function RecipientMismatch({ recipients, company, busy = false, onInsertAnyway }: { recipients: string[]; company: string; busy?: boolean; onInsertAnyway: () => unknown }) {
  const { t } = useTranslation()
  return (
    <div className="c-risk c-risk-blocked" data-comptoir="recipient-mismatch" role="alert">
      <p style={{ margin: "2px 0 6px" }}>{t("replyInsert.mismatch.text", { recipients: recipients.join(", "), company })}</p>
      <button type="button" className="c-button c-button-secondary" data-comptoir="insert-anyway" disabled={busy} onClick={() => void onInsertAnyway()}>
        {t("replyInsert.mismatch.anyway")}
      </button>
    </div>
  )
}
