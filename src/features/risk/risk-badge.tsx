import { useEffect, useState } from "react"

import type { RiskView } from "~src/messaging/contract"
import { useDocumentsGeneration } from "~src/ui/use-documents-generation"

import { isRiskView, riskReasonsText } from "./risk-text"

type Translate = (key: string, options?: Record<string, unknown>) => string

/** The customer's risk level with its reasons in words: in the card, the quote form, wherever an order is decided. */
export function RiskBadge({ risk, t, locale }: { risk: RiskView; t: Translate; locale: string }) {
  const reasons = riskReasonsText(risk, t, locale)
  return (
    <div className={`c-risk c-risk-${risk.level}`} data-comptoir="risk" data-level={risk.level}>
      <strong>{t(`risk.level.${risk.level}`)}</strong>
      {reasons.length > 0 ? (
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/**
 * The risk of one customer, asked of the background (raw message, no zod: the card also runs in content scripts;
 * the background validates the request and its own response). null while loading or when it cannot be known. Asked
 * again when a document or payment was written: the risk shown stays until the new one comes.
 */
export function useCustomerRisk(customerId: string, enabled: boolean): RiskView | null {
  const [risk, setRisk] = useState<RiskView | null>(null)
  const generation = useDocumentsGeneration()
  useEffect(() => {
    if (!enabled) return
    let live = true
    void (async () => {
      try {
        const reply = (await chrome.runtime.sendMessage({ type: "documents/risk", payload: { customerId } })) as { ok: boolean; data?: unknown } | undefined
        if (live && reply?.ok && isRiskView(reply.data)) setRisk(reply.data)
      } catch {
        // No background answer (an extension reloaded under the page): the card shows without its risk.
      }
    })()
    return () => {
      live = false
    }
  }, [customerId, enabled, generation])
  return risk
}
