import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

import { formatPhone } from "~src/features/customer-card/format"

/** The workspace's route that makes a customer of a number (and of the call, when one is given). */
export function newCustomerPath(number: string, callId?: string | null): string {
  return `customers/new?phone=${encodeURIComponent(number)}${callId ? `&call=${encodeURIComponent(callId)}` : ""}`
}

/**
 * A number no customer has: said in words, as the agent writes it (09 70 00 56 78, not the +33… the network or the
 * page gave), with "New customer with this number" (the workspace's form, prefilled). The caller card of an unknown
 * caller and the page panel's clicked number both show it; `children` come before the button (the panel's Call).
 * No zod and no contract here: the page panel's content script renders it too, and says how to open the workspace.
 */
export function UnknownNumber({ number, agentCountry, hook, onNewCustomer, children }: { number: string; agentCountry: string; hook: string; onNewCustomer: () => void; children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div data-comptoir={hook}>
      <p>{t("softphone.caller.unknown", { number: formatPhone(number, agentCountry) })}</p>
      {children}
      <button type="button" className="c-button c-button-secondary" data-comptoir="new-customer" data-number={number} onClick={onNewCustomer}>
        {t("softphone.caller.newCustomer")}
      </button>
    </div>
  )
}
