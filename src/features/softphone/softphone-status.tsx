import { useTranslation } from "react-i18next"

import { callHeading, formatTimer, talkSeconds, type ActiveCall, type CallHeading, type SoftphoneView } from "~src/domain/telephony"
import { formatPhone } from "~src/features/customer-card/format"
import { useNow } from "~src/ui/use-now"

/**
 * The heading: who is on the line (the contact and the company, when the call is a known customer's: `callHeading`),
 * then the published state, the call's number, its timer and chips, or why it ended. It showed the number alone even
 * for a customer, where Aircall and Ringover name them; an unknown number, or one several customers share until the
 * agent picks, still shows the number only.
 */
export function Status({ view, state, agentCountry }: { view: SoftphoneView; state: string; agentCountry: string }) {
  const { t } = useTranslation()
  const call = view.state.call
  const who = call ? callHeading(call.id, view.caller) : null
  return (
    <div className="c-softphone-status" data-comptoir="softphone-status">
      {who ? <CallWho who={who} /> : null}
      <strong>{t(`softphone.state.${state}`)}</strong>
      {call ? <span data-comptoir="softphone-number"> · {formatPhone(call.number, agentCountry)}</span> : null}
      {call && call.answeredAt !== null ? <CallTimer call={call} /> : null}
      {call?.muted ? <span className="c-chip">{t("softphone.dock.mutedChip")}</span> : null}
      {call?.onHold ? <span className="c-chip">{t("softphone.dock.heldChip")}</span> : null}
      {call?.phase === "ended" && call.endReason ? <span className="c-muted"> · {t(`softphone.reason.${call.endReason}`)}</span> : null}
    </div>
  )
}

/** Who is on the line, above the state: the same element while the call is placed and once it is reported. */
export function CallWho({ who }: { who: CallHeading }) {
  return (
    <div className="c-softphone-who" data-comptoir="softphone-who">
      {who.contact ? (
        <>
          {who.contact}
          <span className="c-softphone-company"> · {who.company}</span>
        </>
      ) : (
        who.company
      )}
    </div>
  )
}

/** The call's clock: ticks every second on its own, not the whole dock with it. */
function CallTimer({ call }: { call: ActiveCall }) {
  const now = useNow(call.phase === "in-call")
  return <span data-comptoir="call-timer"> · {formatTimer(talkSeconds(call, now))}</span>
}
