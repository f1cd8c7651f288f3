import { useTranslation } from "react-i18next"

import type { ComplaintAskKind } from "~src/domain/orders/complaint-ask"
import type { ComplaintView } from "~src/messaging/contract"

const KIND_KEY: Record<ComplaintAskKind, string> = {
  "credit-note": "orderCapture.complaint.kindCreditNote",
  refund: "orderCapture.complaint.kindRefund",
  replacement: "orderCapture.complaint.kindReplacement",
  collection: "orderCapture.complaint.kindCollection",
  visit: "orderCapture.complaint.kindVisit",
  callback: "orderCapture.complaint.kindCallback"
}

/**
 * Under "not an order", a complaint told at once: what it complains of, the invoice or order it names, what the
 * customer asks for (or that the mail asks nothing), each in the mail's words, and one button to the page where it is
 * dealt with (the invoice named, whose page makes the credit note; else the customer's). Text only, never HTML.
 */
export function ComplaintAsks({ complaint, opened, onOpen }: { complaint: ComplaintView; opened: boolean; onOpen: (trusted: boolean, path: string) => void }) {
  const { t } = useTranslation()
  const refs = [
    ...complaint.invoices.map((number) => t("orderCapture.complaint.refInvoice", { number })),
    ...complaint.orders.map((number) => t("orderCapture.complaint.refOrder", { number }))
  ]
  // Asks quoted by one clause are said together: "the goods taken back and a replacement (“please collect it and …”)";
  // asks offered as a choice with "or", and the choice said to be ours ("rembourser ou de les livrer").
  const byWords = new Map<string, ComplaintView["asks"]>()
  for (const a of complaint.asks) byWords.set(a.words, [...(byWords.get(a.words) ?? []), a])
  const asked = [...byWords].map(([words, group]) => {
    const what = group.map((a, i) => (i === 0 ? "" : t(a.choice === true ? "orderCapture.complaint.or" : "orderCapture.complaint.and")) + t(KIND_KEY[a.kind])).join("")
    return t(group.some((a) => a.choice === true) ? "orderCapture.complaint.askedChoice" : "orderCapture.complaint.asked", { what, words })
  })
  const open = complaint.open
  return (
    <div className="c-panel-note c-complaint" data-comptoir="complaint">
      <p>
        <strong>{t("orderCapture.complaint.title")}</strong>
        {complaint.about !== null ? <> {t("orderCapture.complaint.about", { words: complaint.about })}</> : null}
      </p>
      {refs.length > 0 ? <p data-comptoir="complaint-refs">{t("orderCapture.complaint.refs", { refs: refs.join(t("orderCapture.complaint.refSeparator")) })}</p> : null}
      <p data-comptoir="complaint-asks" data-asks={complaint.asks.map((a) => a.kind).join(" ") || "none"}>
        {asked.length > 0 ? t("orderCapture.complaint.asks", { asks: asked.join(t("orderCapture.complaint.askSeparator")) }) : t("orderCapture.complaint.asksNothing")}
      </p>
      {open !== null ? (
        <button type="button" className="c-button" data-comptoir="complaint-open" data-kind={open.kind} onClick={(e) => onOpen(e.nativeEvent.isTrusted, open.path)}>
          {open.kind === "invoice" ? t("orderCapture.complaint.openInvoice", { number: open.label }) : t("orderCapture.complaint.openCustomer", { name: open.label })}
        </button>
      ) : null}
      {opened ? (
        <p className="c-muted" data-comptoir="complaint-opened">
          {t("orderCapture.complaint.opened")}
        </p>
      ) : null}
    </div>
  )
}
