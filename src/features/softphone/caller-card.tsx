import { memo } from "react"
import { useTranslation } from "react-i18next"

import { onlyContactWith, type CallerContext } from "~src/domain/telephony"
import { CustomerCard } from "~src/features/customer-card/customer-card"
import { send } from "~src/messaging/send"

import { newCustomerPath, UnknownNumber } from "./unknown-number"

/**
 * Who is calling: the customer's card as soon as it rings. Several customers sharing the number: a picker (the
 * call is logged to the one chosen); nobody: "new customer" prefilled with the number (the workspace's form; the call becomes theirs).
 * Memoised: the dock keeps the caller's identity while it does not change, so a call's state change (answered,
 * muted) does not render the whole card again. `holdData`: while an outgoing call is being set up, the card shows
 * without its risk and documents, asked for once the call no longer needs the CPU (useCallSetUp).
 */
export const CallerCard = memo(function CallerCard({ caller, agentCountry, holdData }: { caller: CallerContext; agentCountry: string; holdData?: boolean }) {
  const { t } = useTranslation()
  const chosen = caller.candidates.find((c) => c.id === caller.customerId) ?? null
  if (chosen) {
    return (
      <div data-comptoir="caller-card" data-customer-code={chosen.code}>
        {/* The card brings the risk (same function as everywhere) and "New quote", here with the caller and the call. */}
        <CustomerCard
          customer={chosen}
          agentCountry={agentCountry}
          highlight
          matchedBy="phone"
          matchedValues={[caller.number]}
          quoteFrom={{ contactId: caller.contactId ?? chosen.contacts.find((p) => p.phones.includes(caller.number))?.id ?? null, callId: caller.callId }}
          holdData={holdData}
        />
        {caller.candidates.length > 1 ? (
          <button
            type="button"
            className="c-button c-button-secondary"
            onClick={() => void send("softphone/assign", { callId: caller.callId, customerId: caller.candidates.find((c) => c.id !== chosen.id)!.id, contactId: null })}>
            {t("softphone.caller.notThisOne")}
          </button>
        ) : null}
      </div>
    )
  }
  if (caller.candidates.length > 1) {
    return (
      <div data-comptoir="caller-picker" role="group" aria-label={t("softphone.caller.pick")}>
        <div className="c-section-title">{t("softphone.caller.pick")}</div>
        {caller.candidates.map((c) => {
          // Named on the button and logged only when it is the one contact of that customer with this number.
          const contactId = onlyContactWith(c, caller.number)
          const contact = c.contacts.find((p) => p.id === contactId)
          return (
            <button
              key={c.id}
              type="button"
              className="c-button c-button-secondary"
              data-comptoir="caller-choice"
              data-customer-code={c.code}
              style={{ display: "block", width: "100%", textAlign: "left", marginTop: 4 }}
              onClick={() => void send("softphone/assign", { callId: caller.callId, customerId: c.id, contactId })}>
              {c.company} · {c.code}
              {contact ? ` · ${`${contact.firstName} ${contact.lastName}`.trim()}` : ""}
            </button>
          )
        })}
      </div>
    )
  }
  return <UnknownNumber number={caller.number} agentCountry={agentCountry} hook="caller-unknown" onNewCustomer={() => void send("workspace/open", { path: newCustomerPath(caller.number, caller.callId) })} />
})
