import { useTranslation } from "react-i18next"

import { quotableAct } from "~src/domain/orders/order-act"

/**
 * The review's `ask` state (issue #11): the extractor found products with quantities, but the mail has no explicit
 * order act ("please send", "je vous commande", an order number…) or says something against one. Nothing is
 * proposed: the agent reads why, then captures it anyway (the proposed lines appear as usual) or says it is not an
 * order. `act` and `doubts` are the words of the mail the decision rests on (src/domain/orders/order-act.ts).
 */
export function AskBeforeCapture({ act, doubts, read, onCapture, onNotOrder }: { act: string; doubts: readonly string[]; read: string; onCapture: () => void; onNotOrder: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="c-card c-order-ask" data-comptoir="order-ask">
      <p>
        <strong>{t("orderCapture.ask.title")}</strong>
      </p>
      <p>{act === "" ? t("orderCapture.ask.noAct") : t("orderCapture.ask.actButDoubt", { act })}</p>
      {read !== "" ? (
        <p className="c-evidence" data-comptoir="order-ask-read">
          {t("orderCapture.ask.read", { words: read })}
        </p>
      ) : null}
      {doubts.length > 0 ? (
        <>
          <p className="c-muted">{t("orderCapture.ask.hesitated")}</p>
          <ul>
            {doubts.map((d) => (
              <li key={d} className="c-evidence c-evidence-low" data-comptoir="order-ask-doubt">
                “{d}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="c-order-actions">
        <button type="button" className="c-button" data-comptoir="order-capture-anyway" onClick={onCapture}>
          {t("orderCapture.ask.captureAnyway")}
        </button>{" "}
        <button type="button" className="c-button c-button-secondary" data-comptoir="order-not-an-order" onClick={onNotOrder}>
          {t("orderCapture.ask.notAnOrder")}
        </button>
      </p>
    </div>
  )
}

/** The words the extractor stored for the decision: the act (or ""), each doubt, and the words it read as an order line. */
export function hesitationOf(evidence: Readonly<Record<string, string>>): { act: string; doubts: string[]; read: string } {
  const doubts = (evidence.order_doubts ?? "").split(" · ").filter((d) => d.trim() !== "")
  // Only words of the mail are quoted as its act: not a subject label nor the extractor's "accepts what it quotes".
  return { act: quotableAct(evidence.order_act), doubts, read: evidence.is_order ?? "" }
}
